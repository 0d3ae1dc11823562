using System.Globalization;
using Iop.Functions.Outbox;

namespace Iop.Functions.Triggers;

/// <summary>Every minute: delivers outbox rows whose signal was lost or whose retry is due.</summary>
internal sealed class OutboxSweepTrigger(OutboxDispatcher dispatcher) : ITriggerFunction
{
    public string Name => "OutboxSweep";

    public TriggerBinding Binding => TriggerBinding.Timer();

    public async Task<TriggerOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var delivered = await dispatcher.SweepAsync(cancellationToken).ConfigureAwait(false);
        return TriggerOutcome.Done($"Outbox sweep: {delivered} effect(s) delivered.", delivered.ToString(CultureInfo.InvariantCulture));
    }
}
