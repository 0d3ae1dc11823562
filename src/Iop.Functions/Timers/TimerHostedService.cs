using Azure;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Timers;

/// <summary>
/// Local runs: polls the timers queue. A message is deleted only after it was handled, so a crash means it surfaces
/// again and is handled again (harmlessly). Under the Functions host a queue trigger does this instead.
/// </summary>
internal sealed class TimerHostedService(TimerQueue timers, TimerHandler handler, IOptions<TimerOptions> options, ILogger<TimerHostedService> logger) : BackgroundService
{
    private const int MaxDequeueCount = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await timers.QueueAsync().ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60), stoppingToken).ConfigureAwait(false)).Value;
                foreach (var message in messages)
                {
                    if (message.DequeueCount > MaxDequeueCount)
                    {
                        logger.LogError("Timer message {Message} failed {Count} times; removed.", message.MessageText, message.DequeueCount);
                    }
                    else
                    {
                        await handler.HandleAsync(message.MessageText, stoppingToken).ConfigureAwait(false);
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
            catch (RequestFailedException e)
            {
                logger.LogWarning(e, "The timer service could not reach storage; trying again shortly.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
