using Azure;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox;

/// <summary>Signals through the <c>outbox</c> queue; in Azure a queue trigger receives it, locally the hosted dispatcher polls it.</summary>
internal sealed class QueueOutboxSignal(QueueServiceClient queues, IOptions<StorageOptions> options, ILogger<QueueOutboxSignal> logger) : IOutboxSignal
{
    private readonly Lazy<Task<QueueClient>> _queue = new(async () =>
    {
        var queue = queues.GetQueueClient(options.Value.OutboxQueue);
        await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
        return queue;
    });

    public Task<QueueClient> QueueAsync() => _queue.Value;

    public async Task SignalAsync(CaseId id, CancellationToken cancellationToken)
    {
        try
        {
            var queue = await _queue.Value.ConfigureAwait(false);
            await queue.SendMessageAsync(id.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            // The rows are committed; the sweep will deliver them. The command must not fail for this.
            logger.LogWarning(e, "Could not signal the outbox for case {CaseId}; the sweep will pick it up.", id);
        }
    }
}
