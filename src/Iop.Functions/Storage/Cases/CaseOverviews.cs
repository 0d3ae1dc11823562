using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Workflow;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage.Cases;

/// <summary>
/// Everything the case page shows from the case's partition, read by one query instead of five: the snapshot, the
/// history, the effects that failed for good, the open waits and the workflow's failures. One query is also one
/// consistent reading, so the history always reaches the snapshot's version. Each row kind is read by its own store's
/// reader; outbox rows that did not fail are left in storage.
/// </summary>
internal sealed class CaseOverviews(TableServiceClient tables, IOptions<StorageOptions> storage)
{
    private TableClient Table => tables.GetTableClient(storage.Value.CasesTable);

    public async Task<CaseOverview?> ReadAsync(CaseId id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseRows.Partition(id)} and (RowKey eq {CaseRows.Snapshot} or (RowKey ge {CaseRows.EventPrefix} and RowKey lt {CaseRows.EventEnd}) or (RowKey ge {WorkflowFailures.Prefix} and RowKey lt {WorkflowFailures.End}) or (RowKey ge {WaitRows.Prefix} and RowKey lt {WaitRows.End}) or (RowKey ge {OutboxRows.Prefix} and RowKey lt {OutboxRows.End} and Status eq {nameof(OutboxStatus.Failed)}))");
        TableEntity? snapshot = null;
        var history = new List<RecordedEvent>();
        var failed = new List<FailedDelivery>();
        var waits = new List<WorkflowWait>();
        var failures = new List<RecordedWorkflowFailure>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var key = row.RowKey;
            if (key == CaseRows.Snapshot)
            {
                snapshot = row;
            }
            else if (key.StartsWith(CaseRows.EventPrefix, StringComparison.Ordinal))
            {
                history.Add(new RecordedEvent(row.GetInt32(CaseRows.Version)!.Value, CaseRows.ReadEvent(row)));
            }
            else if (key.StartsWith(OutboxRows.Prefix, StringComparison.Ordinal))
            {
                failed.Add(OutboxStore.ReadFailed(row));
            }
            else if (key.StartsWith(WaitRows.Prefix, StringComparison.Ordinal))
            {
                waits.Add(WaitRows.Read(row));
            }
            else if (key.StartsWith(WorkflowFailures.Prefix, StringComparison.Ordinal))
            {
                failures.Add(WorkflowFailures.Read(row));
            }
        }

        if (snapshot is null)
        {
            return null;
        }

        var state = TableCaseStore.ReadState(snapshot) ?? (RegisteredCase)CaseDecider.Replay(history.Select(h => h.Event));
        var stored = new StoredCase(id, state, snapshot.GetInt32(CaseRows.Version)!.Value, snapshot.ETag.ToString());
        return new CaseOverview(stored, history, failed, [.. waits.OrderBy(w => w.DueAt)], [.. failures.OrderByDescending(f => f.At)]);
    }
}

/// <summary>A case as its page shows it.</summary>
internal sealed record CaseOverview(
    StoredCase Case,
    IReadOnlyList<RecordedEvent> History,
    IReadOnlyList<FailedDelivery> FailedDeliveries,
    IReadOnlyList<WorkflowWait> Waits,
    IReadOnlyList<RecordedWorkflowFailure> WorkflowFailures);
