using Iop.Cases;
using Iop.Functions.Workflow.Relay;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Iop.Functions.Triggers;

/// <summary>
/// The relay under the Functions host (locally <see cref="RelayHostedService"/> does both): a commit's signal on the
/// <c>outbox</c> queue hands the case's new rows to its lifecycle, and a sweep every minute relays what a lost signal or
/// a crash left behind.
/// </summary>
internal sealed class RelayFunctions(OutboxRelay relay, ILogger<RelayFunctions> logger)
{
    /// <summary>The relay's queue: <c>Storage:OutboxQueue</c>'s default, which the Bicep creates and the web role signals.</summary>
    public const string Queue = "outbox";

    /// <summary>The message is the case id as plain text (host.json: <c>messageEncoding</c> none); a failure is retried by the queue.</summary>
    [Function(nameof(Relay))]
    public async Task Relay([QueueTrigger(Queue)] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(message, out var id))
        {
            logger.LogWarning("An outbox signal that names no case was dropped: {Message}", message);
            return;
        }

        await relay.RelayAsync(client, id, includeStale: false, cancellationToken).ConfigureAwait(false);
    }

    [Function(nameof(RelaySweep))]
    public async Task RelaySweep([TimerTrigger("30 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var relayed = await relay.SweepAsync(client, cancellationToken).ConfigureAwait(false);
        if (relayed > 0)
        {
            logger.LogInformation("The sweep relayed {Count} effects whose signal was lost.", relayed);
        }
    }
}
