using Iop.Cases;
using Iop.Functions.Outbox;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>
/// Records on the case that an effect failed for good (the case page lists it with "Försök igen") and tells the
/// coordinator through the other channel, once: only the call that marks the row reports it.
/// </summary>
internal sealed class RecordDeliveryFailure(OutboxStore outbox, EffectDelivery delivery) : TaskActivity<DeliveryFailure, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DeliveryFailure input)
    {
        if (await outbox.MarkFailedAsync(CaseId.Parse(input.CaseId), input.Row, input.Error, CancellationToken.None).ConfigureAwait(false) is not { } row)
        {
            return false;
        }

        var key = $"{row.GetString("IdempotencyKey")}/failed/{OutboxRows.Attempt(row)}";
        await delivery.ReportFailureAsync(OutboxRows.ReadEffect(row), input.Error, key, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
