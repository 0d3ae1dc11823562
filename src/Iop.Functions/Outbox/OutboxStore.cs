using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox;

/// <summary>
/// The outbox rows of the cases table, as the relay, the delivery activities and the case page use them. Every status
/// change is written under the row's ETag: where two writers meet, the first one's word stands.
/// </summary>
internal sealed class OutboxStore(TableServiceClient tables, IOptions<StorageOptions> storage, IOutboxSignal signal, TimeProvider time, ILogger<OutboxStore> logger)
{
    private const int MaxErrorLength = 1000;

    private TableClient Table => tables.GetTableClient(storage.Value.CasesTable);

    /// <summary>The row, or null when there is none.</summary>
    public async Task<TableEntity?> FindAsync(CaseId id, string? rowKey, CancellationToken cancellationToken)
    {
        if (!OutboxRows.IsKey(rowKey))
        {
            return null;
        }

        var found = await Table.GetEntityIfExistsAsync<TableEntity>(CaseRows.Partition(id), rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// The case's rows to hand to its workflow, in commit order: those not yet relayed and, with
    /// <paramref name="relayedBefore"/>, those relayed before then and still not delivered (a relay that did not arrive).
    /// </summary>
    public async Task<IReadOnlyList<TableEntity>> ToRelayAsync(CaseId id, DateTimeOffset? relayedBefore, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseRows.Partition(id)} and RowKey ge {OutboxRows.Prefix} and RowKey lt {OutboxRows.End} and (Status eq {nameof(OutboxStatus.Pending)} or Status eq {nameof(OutboxStatus.Relayed)})");
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (OutboxRows.Status(row) == OutboxStatus.Pending || (relayedBefore is { } before && row.GetDateTimeOffset("RelayedAt") <= before))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>
    /// The cases with rows waiting longer than <paramref name="grace"/> for the relay (a lost signal, a crash), or relayed
    /// longer than <paramref name="stale"/> ago and still not delivered. A filtered scan: outbox rows are few and short-lived.
    /// </summary>
    public async Task<IReadOnlyCollection<CaseId>> CasesToSweepAsync(TimeSpan grace, TimeSpan stale, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {OutboxRows.Prefix} and RowKey lt {OutboxRows.End} and ((Status eq {nameof(OutboxStatus.Pending)} and NextAttemptAt le {(now - grace).UtcDateTime}) or (Status eq {nameof(OutboxStatus.Relayed)} and RelayedAt le {(now - stale).UtcDateTime}))");
        var cases = new HashSet<CaseId>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Guid.TryParseExact(row.PartitionKey, "N", out var guid))
            {
                cases.Add(new CaseId(guid));
            }
        }

        return cases;
    }

    /// <summary>Marks the rows handed to the workflow. A row changed meanwhile keeps its newer status.</summary>
    public async Task MarkRelayedAsync(IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var row in rows)
        {
            var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = nameof(OutboxStatus.Relayed), ["RelayedAt"] = now };
            await TryUpdateAsync(update, row.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<bool> MarkSentAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var update = new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = nameof(OutboxStatus.Sent), ["SentAt"] = time.GetUtcNow() };
        return TryUpdateAsync(update, ETag.All, cancellationToken);
    }

    /// <summary>Records that the effect failed for good: the row as it was, or null when it was already delivered or marked.</summary>
    public async Task<TableEntity?> MarkFailedAsync(CaseId id, string rowKey, string error, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, rowKey, cancellationToken).ConfigureAwait(false) is not { } row || OutboxRows.Status(row) is OutboxStatus.Sent or OutboxStatus.Failed)
        {
            return null;
        }

        var update = new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Status"] = nameof(OutboxStatus.Failed),
            ["LastError"] = error.Length <= MaxErrorLength ? error : error[..MaxErrorLength],
            ["FailedAt"] = time.GetUtcNow(),
        };
        return await TryUpdateAsync(update, row.ETag, cancellationToken).ConfigureAwait(false) ? row : null;
    }

    /// <summary>The case's effects that failed for good, for the case page.</summary>
    public async Task<IReadOnlyList<FailedDelivery>> FailedAsync(CaseId id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseRows.Partition(id)} and RowKey ge {OutboxRows.Prefix} and RowKey lt {OutboxRows.End} and Status eq {nameof(OutboxStatus.Failed)}");
        var failed = new List<FailedDelivery>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            failed.Add(ReadFailed(row));
        }

        return failed;
    }

    /// <summary>A failed outbox row as the case page shows it.</summary>
    public static FailedDelivery ReadFailed(TableEntity row) =>
        new(row.RowKey, OutboxRows.ReadEffect(row), row.GetString("LastError") ?? "", OutboxRows.Attempt(row));

    /// <summary>
    /// The coordinator's "try again": the failed effect is committed again under its next attempt and the relay is
    /// signalled, so the workflow delivers it once more (the workflow tells attempts apart).
    /// </summary>
    public async Task<bool> RetryAsync(CaseId id, string? rowKey, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, rowKey, cancellationToken).ConfigureAwait(false) is not { } row || OutboxRows.Status(row) != OutboxStatus.Failed)
        {
            return false;
        }

        // The case's stage now, not the commit's: the lifecycle learns from a batch's stage whether the case has ended.
        var snapshot = await Table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, CaseRows.Snapshot, select: ["Stage"], cancellationToken: cancellationToken).ConfigureAwait(false);
        var update = new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["Status"] = nameof(OutboxStatus.Pending),
            ["Attempt"] = OutboxRows.Attempt(row) + 1,
            ["NextAttemptAt"] = time.GetUtcNow(),
            ["Stage"] = snapshot.HasValue ? snapshot.Value!.GetString("Stage") : row.GetString("Stage"),
        };
        if (!await TryUpdateAsync(update, row.ETag, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await signal.SignalAsync(id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> TryUpdateAsync(TableEntity update, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(update, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            logger.LogDebug("Outbox row {Key} was changed by another writer.", update.RowKey);
            return false;
        }
    }
}

/// <summary>An effect that could not be delivered, with the last error, shown on the case page.</summary>
internal sealed record FailedDelivery(string RowKey, Effect Effect, string Error, int Attempts);
