using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Workflow;

/// <summary>
/// Orchestrations of a case that failed (<c>failure-{hash}</c> rows in its partition), so the case page shows them and
/// not only the logs: the lifecycle as the relay found it before starting it again, or a wait whose reminders stopped.
/// The coordinator dismisses a row once seen to.
/// </summary>
internal sealed class WorkflowFailures(TableServiceClient tables, IOptions<StorageOptions> storage, TimeProvider time)
{
    public const string Prefix = "failure-";

    /// <summary>The first key after every failure row.</summary>
    public const string End = "failure.";

    private TableClient Table => tables.GetTableClient(storage.Value.CasesTable);

    /// <summary>Records (or replaces) the failure of one orchestration instance.</summary>
    public async Task RecordAsync(CaseId id, WorkflowFailure failure, CancellationToken cancellationToken)
    {
        var row = new TableEntity(CaseRows.Partition(id), Prefix + WaitRows.Hash(failure.InstanceId))
        {
            ["InstanceId"] = failure.InstanceId,
            ["Orchestration"] = failure.Orchestration,
            ["WaitKey"] = failure.WaitKey,
            ["Error"] = Shorten(failure.Error),
            ["At"] = time.GetUtcNow(),
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RecordedWorkflowFailure>> ListAsync(CaseId id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CaseRows.Partition(id)} and RowKey ge {Prefix} and RowKey lt {End}");
        var failures = new List<RecordedWorkflowFailure>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            failures.Add(Read(row));
        }

        return [.. failures.OrderByDescending(f => f.At)];
    }

    /// <summary>One failure row as the case page shows it.</summary>
    public static RecordedWorkflowFailure Read(TableEntity row) => new(
        row.RowKey,
        new WorkflowFailure(row.GetString("InstanceId") ?? "", row.GetString("Orchestration") ?? "", row.GetString("WaitKey"), row.GetString("Error") ?? ""),
        row.GetDateTimeOffset("At") ?? default);

    /// <summary>Removes a failure the coordinator has seen to; false when it was not there (already dismissed).</summary>
    public async Task<bool> DismissAsync(CaseId id, string? rowKey, CancellationToken cancellationToken)
    {
        // Only a key this class writes reaches the table: a page's input could name another row, or one the table refuses.
        if (rowKey is not { Length: 24 } || !rowKey.StartsWith(Prefix, StringComparison.Ordinal) || !rowKey[Prefix.Length..].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        try
        {
            await Table.DeleteEntityAsync(CaseRows.Partition(id), rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Errors can be long (stack traces); the page needs the first lines, and a table cell holds 32K characters.</summary>
    private static string Shorten(string error) => error.Length <= 2000 ? error : error[..2000] + "…";
}

/// <summary>A failed orchestration: which instance, which orchestrator, the wait it ran (null for the lifecycle), the error.</summary>
internal sealed record WorkflowFailure(string InstanceId, string Orchestration, string? WaitKey, string Error);

/// <summary>A failure as recorded on the case.</summary>
internal sealed record RecordedWorkflowFailure(string RowKey, WorkflowFailure Failure, DateTimeOffset At);
