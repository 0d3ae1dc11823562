using Azure;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox;

/// <summary>
/// Signals through the <c>outbox</c> queue: in Azure the relay's queue trigger receives it; in a local run the relay in
/// this process is also woken at once (<see cref="Signalled"/>), so it need not wait for its next poll.
/// </summary>
internal sealed class QueueOutboxSignal : IOutboxSignal
{
    private readonly CreatedOnFirstUse<QueueClient> _queue;
    private readonly ILogger<QueueOutboxSignal> _logger;

    public QueueOutboxSignal(QueueServiceClient queues, IOptions<StorageOptions> options, ILogger<QueueOutboxSignal> logger)
    {
        _logger = logger;
        _queue = new(async () =>
        {
            var queue = queues.GetQueueClient(options.Value.OutboxQueue);
            await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
            return queue;
        });
    }

    /// <summary>Raised after a signal was queued, for a relay in the same process.</summary>
    public event Action? Signalled;

    public Task<QueueClient> QueueAsync() => _queue.Value;

    public async Task SignalAsync(CaseId id, CancellationToken cancellationToken)
    {
        // The rows are committed: neither a storage failure nor a caller that gave up may turn the command into a failure.
        try
        {
            var queue = await _queue.Value.ConfigureAwait(false);
            await queue.SendMessageAsync(id.ToString(), cancellationToken).ConfigureAwait(false);
            Signalled?.Invoke();
        }
        catch (RequestFailedException e)
        {
            _logger.LogWarning(e, "Could not signal the relay for case {CaseId}; the sweep will pick it up.", id);
        }
        catch (OperationCanceledException)
        {
            _logger.LogInformation("Signalling the relay for case {CaseId} was cancelled; the sweep will pick it up.", id);
        }
    }
}
