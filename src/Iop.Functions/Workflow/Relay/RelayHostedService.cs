using Iop.Cases;
using Iop.Functions.Outbox;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Workflow.Relay;

/// <summary>
/// The relay in a local run (in Azure the <c>Relay</c> queue trigger and the <c>RelaySweep</c> timer trigger do this):
/// takes the signals off the <c>outbox</c> queue, woken at once by a commit in this process, relays each signalled case,
/// and sweeps now and then for rows whose signal was lost. One failed round never stops it; a signal that keeps failing
/// is dropped after five tries, because the sweep relays its rows anyway.
/// </summary>
internal sealed class RelayHostedService(
    QueueOutboxSignal signal, OutboxRelay relay, DurableTaskClient client, IOptions<WorkflowOptions> options, TimeProvider time, ILogger<RelayHostedService> logger) : BackgroundService
{
    private const int MaxDequeueCount = 5;

    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Signalled += Wake;
        try
        {
            var queue = await signal.QueueAsync().ConfigureAwait(false);
            var nextSweep = DateTimeOffset.MinValue;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (time.GetUtcNow() >= nextSweep)
                    {
                        await relay.SweepAsync(client, stoppingToken).ConfigureAwait(false);
                        nextSweep = time.GetUtcNow() + options.Value.SweepInterval;
                    }

                    var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60), stoppingToken).ConfigureAwait(false)).Value;
                    foreach (var batch in messages.GroupBy(m => m.MessageText, StringComparer.Ordinal))
                    {
                        if (CaseId.TryParse(batch.Key, out var id) && batch.All(m => m.DequeueCount <= MaxDequeueCount))
                        {
                            await relay.RelayAsync(client, id, includeStale: false, stoppingToken).ConfigureAwait(false);
                        }

                        foreach (var message in batch)
                        {
                            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken).ConfigureAwait(false);
                        }
                    }

                    if (messages.Length == 0)
                    {
                        await _wake.WaitAsync(options.Value.RelayPollInterval, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // An undeleted signal comes back after its visibility timeout; the next round goes on.
                    logger.LogWarning(e, "A relay round failed; trying again shortly.");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            signal.Signalled -= Wake;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }
}
