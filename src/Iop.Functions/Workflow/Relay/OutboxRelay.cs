using System.Text.Json;
using Azure.Data.Tables;
using Grpc.Core;
using Iop.Cases;
using Iop.Functions.Outbox;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Workflow.Relay;

/// <summary>
/// Hands a case's committed outbox rows to its <see cref="CaseLifecycle"/> as one external event (starting the
/// lifecycle for a new case, or again after it ended), then marks them relayed. Idempotent: a row handed over twice is
/// ignored by the lifecycle, which remembers what it has seen; the sweep hands over what a crash left behind.
/// </summary>
internal sealed class OutboxRelay(OutboxStore outbox, ICaseStore store, WorkflowFailures failures, IOptions<WorkflowOptions> options, TimeProvider time, WorkflowClock clock, ILogger<OutboxRelay> logger)
{
    private static readonly IReadOnlyList<string> Alive = [nameof(OrchestrationRuntimeStatus.Pending), nameof(OrchestrationRuntimeStatus.Running), nameof(OrchestrationRuntimeStatus.Suspended)];

    /// <summary>Relays the case's new rows (with <paramref name="includeStale"/>, also those relayed long ago and not delivered).</summary>
    public async Task<int> RelayAsync(DurableTaskClient client, CaseId id, bool includeStale, CancellationToken cancellationToken)
    {
        var rows = await outbox.ToRelayAsync(id, includeStale ? time.GetUtcNow() - clock.OnRecordClock(options.Value.StaleRelay) : null, cancellationToken).ConfigureAwait(false);
        var effects = new List<RelayedEffect>(rows.Count);
        foreach (var row in rows)
        {
            if (await ReadAsync(id, row, cancellationToken).ConfigureAwait(false) is { } effect)
            {
                effects.Add(effect);
            }
        }

        if (effects.Count == 0)
        {
            return 0;
        }

        await HandOverAsync(client, id, new RelayedBatch(rows[^1].GetString("Stage") ?? "", effects), cancellationToken).ConfigureAwait(false);

        // A change of waits is carried out by the lifecycle itself on receipt: handing it over is its delivery.
        var waits = effects.Where(e => e.Route == EffectRoute.Waits).Select(e => e.Row).ToHashSet(StringComparer.Ordinal);
        await outbox.MarkRelayedAsync(rows.Where(r => !waits.Contains(r.RowKey)), cancellationToken).ConfigureAwait(false);
        foreach (var row in rows.Where(r => waits.Contains(r.RowKey)))
        {
            await outbox.MarkSentAsync(row, cancellationToken).ConfigureAwait(false);
        }

        return effects.Count;
    }

    /// <summary>Relays every case whose rows a lost signal or a crash left behind.</summary>
    public async Task<int> SweepAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var relayed = 0;
        foreach (var id in await outbox.CasesToSweepAsync(clock.OnRecordClock(settings.SweepGrace), clock.OnRecordClock(settings.StaleRelay), cancellationToken).ConfigureAwait(false))
        {
            relayed += await RelayAsync(client, id, includeStale: true, cancellationToken).ConfigureAwait(false);
        }

        return relayed;
    }

    private async Task HandOverAsync(DurableTaskClient client, CaseId id, RelayedBatch batch, CancellationToken cancellationToken)
    {
        var instanceId = id.ToString();
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.IsCompleted)
        {
            if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Failed })
            {
                logger.LogError("The lifecycle of case {CaseId} had failed ({Error}); starting it again.", id, existing.FailureDetails?.ErrorMessage);
                var error = existing.FailureDetails is { } details ? $"{details.ErrorType}: {details.ErrorMessage}" : "Failed";
                await failures.RecordAsync(id, new WorkflowFailure(instanceId, nameof(CaseLifecycle), null, error), cancellationToken).ConfigureAwait(false);
            }

            try
            {
                // A (re)started lifecycle runs the waits the record has now: a change of waits relayed to an execution
                // that failed or never ran is not lost.
                var input = new LifecycleInput(instanceId, options.Value.Delivery, Pending: [batch], Waits: await OpenWaitsAsync(id, cancellationToken).ConfigureAwait(false));
                var start = new StartOrchestrationOptions(instanceId) { Version = options.Value.Version, DedupeStatuses = Alive };
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(CaseLifecycle), input, start, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
            {
                // Another relay started it a moment ago: hand the batch over as an event instead.
            }
        }

        await client.RaiseEventAsync(instanceId, CaseLifecycle.EffectsEvent, batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> OpenWaitsAsync(CaseId id, CancellationToken cancellationToken) =>
        await store.LoadAsync(id, cancellationToken).ConfigureAwait(false) is { } stored ? Waiting.Waits.Keys(stored.State) : [];

    /// <summary>The row as the lifecycle gets it; a row that no longer reads (written by older code) is failed, not relayed forever.</summary>
    private async Task<RelayedEffect?> ReadAsync(CaseId id, TableEntity row, CancellationToken cancellationToken)
    {
        Effect effect;
        try
        {
            effect = OutboxRows.ReadEffect(row);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            logger.LogError(e, "Outbox row {Row} of case {CaseId} does not read; marked failed.", row.RowKey, id);
            await outbox.MarkFailedAsync(id, row.RowKey, $"Unreadable effect: {e.Message}", cancellationToken).ConfigureAwait(false);
            return null;
        }

        return effect switch
        {
            WaitsChanged w => new RelayedEffect(row.RowKey, OutboxRows.Attempt(row), EffectRoute.Waits, w.Open),
            NotifyCoordinator or NotifyAboutRequest => new RelayedEffect(row.RowKey, OutboxRows.Attempt(row), EffectRoute.Notice),
            SendInvitation => new RelayedEffect(row.RowKey, OutboxRows.Attempt(row), EffectRoute.Invitation),
            _ => new RelayedEffect(row.RowKey, OutboxRows.Attempt(row), EffectRoute.Mail),
        };
    }
}
