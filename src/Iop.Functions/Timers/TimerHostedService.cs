using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Iop.Functions.Storage.Queues;
using Iop.Functions.Triggers;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Timers;

/// <summary>Local runs: polls the timers queue. Under the Functions host a queue trigger does this instead (<c>Timers:RunLocally=false</c>).</summary>
internal sealed class TimerHostedService(TimerQueue timers, TimerHandler handler, IOptions<TimerOptions> options, PoisonNotices poison, ILogger<TimerHostedService> logger)
    : QueuePollingService(logger, poison)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<QueueClient> QueueAsync() => timers.QueueAsync();

    protected override Task HandleAsync(QueueMessage message, CancellationToken cancellationToken) => handler.HandleAsync(message.MessageText, cancellationToken);
}
