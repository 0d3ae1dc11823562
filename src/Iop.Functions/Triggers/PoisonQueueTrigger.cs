namespace Iop.Functions.Triggers;

/// <summary>
/// A message the host gave up on (five failed dequeues) and moved to <c>{queue}-poison</c>: the coordinator is told,
/// so a stuck reminder or mail never goes unnoticed. Failing to tell is itself a failure, retried by the host.
/// </summary>
internal sealed class PoisonQueueTrigger(string name, string queueName, string sourceQueue, PoisonNotices notices) : ITriggerFunction
{
    public string Name => name;

    public TriggerBinding Binding => TriggerBinding.Queue(queueName);

    public async Task<TriggerOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var text = request.Text(Binding.Name) ?? "";
        var messageId = request.MetadataText("Id");
        await notices.NotifyAsync(sourceQueue, text, messageId, cancellationToken).ConfigureAwait(false);
        return TriggerOutcome.Done($"Poison message {messageId} from {sourceQueue}: the coordinator was notified.");
    }
}
