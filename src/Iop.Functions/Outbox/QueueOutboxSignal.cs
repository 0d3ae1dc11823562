using Azure;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox;

/// <summary>Signals through the <c>outbox</c> queue; in Azure a queue trigger receives it, locally the hosted dispatcher polls it.</summary>
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

    public Task<QueueClient> QueueAsync() => _queue.Value;

    public async Task SignalAsync(CaseId id, CancellationToken cancellationToken)
    {
        // The rows are committed: neither a storage failure nor a caller that gave up may turn the command into a failure.
        try
        {
            var queue = await _queue.Value.ConfigureAwait(false);
            await queue.SendMessageAsync(id.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            _logger.LogWarning(e, "Could not signal the outbox for case {CaseId}; the sweep will pick it up.", id);
        }
        catch (OperationCanceledException)
        {
            _logger.LogInformation("Signalling the outbox for case {CaseId} was cancelled; the sweep will pick it up.", id);
        }
    }
}
