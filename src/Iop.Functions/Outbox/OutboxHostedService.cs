using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Iop.Cases;
using Iop.Functions.Storage.Queues;
using Iop.Functions.Triggers;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox;

/// <summary>
/// The dispatcher for local runs: polls the <c>outbox</c> queue and sweeps for due rows (lost signals, retries; a dropped
/// poison signal's rows are delivered by the sweep too). Under the Functions host a queue trigger and a timer trigger
/// do the same work and this service is off (set when <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> is, or by <c>Outbox:RunLocally=false</c>).
/// </summary>
internal sealed class OutboxHostedService(
    QueueOutboxSignal signal,
    OutboxDispatcher dispatcher,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    PoisonNotices poison,
    ILogger<OutboxHostedService> logger) : QueuePollingService(logger, poison)
{
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task<QueueClient> QueueAsync() => signal.QueueAsync();

    protected override async Task BeforeReceiveAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() >= _nextSweep)
        {
            await dispatcher.SweepAsync(cancellationToken).ConfigureAwait(false);
            _nextSweep = time.GetUtcNow() + options.Value.SweepInterval;
        }
    }

    protected override async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (CaseId.TryParse(message.MessageText, out var id))
        {
            await dispatcher.DispatchCaseAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }
}
