using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Triggers;

/// <summary>The outbox signal (a case id on the <c>outbox</c> queue): delivers the case's pending effects.</summary>
internal sealed class OutboxQueueTrigger(OutboxDispatcher dispatcher, IOptions<StorageOptions> storage) : ITriggerFunction
{
    public string Name => "OutboxQueue";

    public TriggerBinding Binding => TriggerBinding.Queue(storage.Value.OutboxQueue);

    public async Task<TriggerOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(request.Text(Binding.Name), out var id))
        {
            return TriggerOutcome.Failed("The outbox message is not a case id.");
        }

        // A failed delivery is recorded on its outbox row and retried by the sweep; only storage failures throw here.
        var delivered = await dispatcher.DispatchCaseAsync(id, cancellationToken).ConfigureAwait(false);
        return TriggerOutcome.Done($"Case {id}: {delivered} effect(s) delivered.", delivered.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
