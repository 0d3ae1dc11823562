using Iop.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox;

/// <summary>
/// The dispatcher for local runs: polls the <c>outbox</c> queue and sweeps for due rows. Under the Functions host a
/// queue trigger and a timer trigger do the same work and this service is off (<c>Outbox:RunLocally=false</c>).
/// </summary>
internal sealed class OutboxHostedService(
    QueueOutboxSignal signal,
    OutboxDispatcher dispatcher,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxHostedService> logger) : BackgroundService
{
    /// <summary>After this many receipts a message is dropped; its rows stay pending and the sweep delivers them.</summary>
    private const int MaxDequeueCount = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await signal.QueueAsync().ConfigureAwait(false);
        var nextSweep = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextSweep)
                {
                    await dispatcher.SweepAsync(stoppingToken).ConfigureAwait(false);
                    nextSweep = time.GetUtcNow() + options.Value.SweepInterval;
                }

                var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(60), stoppingToken).ConfigureAwait(false)).Value;
                foreach (var message in messages)
                {
                    if (CaseId.TryParse(message.MessageText, out var id))
                    {
                        if (message.DequeueCount <= MaxDequeueCount)
                        {
                            await dispatcher.DispatchCaseAsync(id, stoppingToken).ConfigureAwait(false);
                        }
                        else
                        {
                            logger.LogError("Outbox signal for case {CaseId} failed {Count} times; leaving it to the sweep.", id, message.DequeueCount);
                        }
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken).ConfigureAwait(false);
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One bad round must not stop the host: an undeleted message comes back after its visibility timeout
                // (and after five tries is left to the sweep), and the sweep retries whatever is still pending.
                logger.LogWarning(e, "The outbox dispatcher failed a round; trying again shortly.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
