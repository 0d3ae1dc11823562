using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Telemetry;

namespace Iop.Functions.Workflow.Activities;

/// <summary>
/// What every delivery activity does around its port call: read the effect from its outbox row, skip it when already
/// delivered (a retried activity, a batch relayed twice), continue the committing command's trace, and mark the row
/// sent afterwards. A permanent error becomes a result; anything else throws and the workflow retries it.
/// </summary>
internal sealed class OutboxDelivery(OutboxStore outbox)
{
    public async Task<DeliveryResult> RunAsync(EffectReference reference, Func<Effect, string, Task<DeliveryResult>> deliver)
    {
        if (!CaseId.TryParse(reference.CaseId, out var id)
            || await outbox.FindAsync(id, reference.Row, CancellationToken.None).ConfigureAwait(false) is not { } row
            || OutboxRows.Status(row) is OutboxStatus.Sent or OutboxStatus.Failed)
        {
            return DeliveryResult.Delivered;
        }

        using var activity = IopTelemetry.StartDelivery(row.GetString("TraceParent"), row.PartitionKey, row.GetString("Type"));
        DeliveryResult result;
        try
        {
            result = await deliver(OutboxRows.ReadEffect(row), row.GetString("IdempotencyKey")).ConfigureAwait(false);
        }
        catch (PermanentDeliveryException e)
        {
            return new DeliveryResult(PermanentError: e.Message);
        }

        await outbox.MarkSentAsync(row, CancellationToken.None).ConfigureAwait(false);
        return result;
    }
}
