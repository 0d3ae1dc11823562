using Iop.Functions.Outbox;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>Sends one committed notice to the coordinator (Teams, or the local outbox).</summary>
internal sealed class SendNotice(OutboxDelivery outbox, EffectDelivery delivery) : TaskActivity<EffectReference, DeliveryResult>
{
    public override Task<DeliveryResult> RunAsync(TaskActivityContext context, EffectReference input) =>
        outbox.RunAsync(input, async (effect, key) =>
        {
            await delivery.NotifyAsync(effect, key, CancellationToken.None).ConfigureAwait(false);
            return DeliveryResult.Delivered;
        });
}
