using Iop.Functions.Digest;
using Microsoft.Azure.Functions.Worker;

namespace Iop.Functions.Triggers;

/// <summary>The coordinator's weekly digest, Mondays at 06:00 UTC (Flex Consumption runs on UTC); once per ISO week even if the timer fires twice.</summary>
internal sealed class DigestFunction(CoordinatorDigest digest)
{
    [Function(nameof(WeeklyDigest))]
    public Task WeeklyDigest([TimerTrigger("0 0 6 * * 1")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.SendAsync(cancellationToken);
}
