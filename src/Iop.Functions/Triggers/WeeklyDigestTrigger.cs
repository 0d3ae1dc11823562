using System.Globalization;
using Iop.Functions.Digest;

namespace Iop.Functions.Triggers;

/// <summary>Monday mornings: the coordinator's digest of open cases and what each waits on.</summary>
internal sealed class WeeklyDigestTrigger(CoordinatorDigest digest) : ITriggerFunction
{
    public string Name => "WeeklyDigest";

    public TriggerBinding Binding => TriggerBinding.Timer();

    public async Task<TriggerOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var cases = await digest.SendAsync(cancellationToken).ConfigureAwait(false);
        return TriggerOutcome.Done($"Weekly digest: {cases} open case(s).", cases.ToString(CultureInfo.InvariantCulture));
    }
}
