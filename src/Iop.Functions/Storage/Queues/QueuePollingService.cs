using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Iop.Functions.Triggers;

namespace Iop.Functions.Storage.Queues;

/// <summary>
/// The local stand-in for a Functions queue trigger: receives messages, hands each to <see cref="HandleAsync"/>, and
/// deletes it only afterwards, so a crash means the message surfaces again. A message that failed five times is
/// removed and the coordinator is told, as the poison-queue trigger does under the Functions host. One failed round
/// never stops the host.
/// </summary>
internal abstract class QueuePollingService(ILogger logger, PoisonNotices poison) : BackgroundService
{
    /// <summary>As the Functions host: after five dequeues a message is poison.</summary>
    public const int MaxDequeueCount = 5;

    protected abstract Task<QueueClient> QueueAsync();

    protected abstract TimeSpan PollInterval { get; }

    protected abstract Task HandleAsync(QueueMessage message, CancellationToken cancellationToken);

    /// <summary>Work to do before each receive (the outbox's sweep).</summary>
    protected virtual Task BeforeReceiveAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await QueueAsync().ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await BeforeReceiveAsync(stoppingToken).ConfigureAwait(false);
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60), stoppingToken).ConfigureAwait(false)).Value;
                foreach (var message in messages)
                {
                    if (message.DequeueCount > MaxDequeueCount)
                    {
                        logger.LogError("Message {Message} on {Queue} failed {Count} times; removed.", message.MessageText, queue.Name, message.DequeueCount);
                        await poison.NotifyAsync(queue.Name, message.MessageText, message.MessageId, stoppingToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await HandleAsync(message, stoppingToken).ConfigureAwait(false);
                    }

                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken).ConfigureAwait(false);
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // An undeleted message comes back after its visibility timeout; the next round goes on.
                logger.LogWarning(e, "Polling {Service} failed a round; trying again shortly.", GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
