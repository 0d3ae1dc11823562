using System.Text.Json;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Functions.Storage;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Timers;

/// <summary>
/// Durable timers as delayed queue messages (as Durable Task's Azure Storage backend does): a message stays invisible
/// until its time, up to the queue's limit of seven days; a longer wait is re-armed when the message surfaces.
/// </summary>
internal sealed class TimerQueue(QueueServiceClient queues, IOptions<StorageOptions> options, TimeProvider time)
{
    /// <summary>Azure Storage Queues hide a message for at most seven days; stay clear of the edge.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5);

    private readonly Lazy<Task<QueueClient>> _queue = new(async () =>
    {
        var queue = queues.GetQueueClient(options.Value.TimersQueue);
        await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
        return queue;
    });

    public Task<QueueClient> QueueAsync() => _queue.Value;

    public async Task ScheduleAsync(CaseId caseId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var queue = await _queue.Value.ConfigureAwait(false);
        var wait = at - time.GetUtcNow();
        var real = time is ScaledTimeProvider scaled ? scaled.ToReal(wait) : wait;
        var delay = real <= TimeSpan.Zero ? TimeSpan.Zero : real > MaxDelay ? MaxDelay : real;
        var message = JsonSerializer.Serialize(new TimerMessage(caseId.ToString(), at), StorageJson.Options);
        await queue.SendMessageAsync(message, delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
    }
}
