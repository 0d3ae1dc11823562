using Iop.Functions.Outbox;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>Sends one committed mail effect (through Graph, or into the local outbox).</summary>
internal sealed class SendMail(OutboxDelivery outbox, EffectDelivery delivery) : TaskActivity<EffectReference, DeliveryResult>
{
    public override Task<DeliveryResult> RunAsync(TaskActivityContext context, EffectReference input) =>
        outbox.RunAsync(input, async (effect, key) =>
        {
            await delivery.SendMailAsync(effect, key, CancellationToken.None).ConfigureAwait(false);
            return DeliveryResult.Delivered;
        });
}
