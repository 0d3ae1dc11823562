using Iop.Functions.Storage;
using Iop.Functions.Timers;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Triggers;

/// <summary>A durable timer surfacing on the <c>timers</c> queue: the case takes the steps that are due (or the timer is re-armed).</summary>
internal sealed class TimersQueueTrigger(TimerHandler handler, IOptions<StorageOptions> storage) : ITriggerFunction
{
    public string Name => "TimersQueue";

    public TriggerBinding Binding => TriggerBinding.Queue(storage.Value.TimersQueue);

    public async Task<TriggerOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(request.Text(Binding.Name) ?? "", cancellationToken).ConfigureAwait(false);
        return outcome == TimerOutcome.Dropped
            ? TriggerOutcome.Failed("The timers message is not a timer.")
            : TriggerOutcome.Done($"Timer: {outcome}.", outcome.ToString());
    }
}
