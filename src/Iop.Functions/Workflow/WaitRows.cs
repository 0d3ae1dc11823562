using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Iop.Officials;
using Iop.Waiting;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Workflow;

/// <summary>
/// What the workflow waits on, as rows in the case's partition (<c>wait-{hash}</c>), written by the worker and read by
/// the case page: the web role has no Durable client, and a row the workflow wrote shows what really waits.
/// </summary>
internal sealed class WaitRows(TableServiceClient tables, IOptions<StorageOptions> storage, TimeProvider time)
{
    public const string Prefix = "wait-";

    /// <summary>The first key after every wait row.</summary>
    public const string End = "wait.";

    private TableClient Table => tables.GetTableClient(storage.Value.CasesTable);

    /// <summary>A short stable hash of a wait's key, for row keys and instance ids.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];

    public async Task WriteAsync(CaseId id, OpenWait wait, string instanceId, CancellationToken cancellationToken)
    {
        var next = wait.NextStep;
        var row = new TableEntity(CaseRows.Partition(id), Prefix + Hash(wait.Key))
        {
            ["Key"] = wait.Key,
            ["InstanceId"] = instanceId,
            ["RequestId"] = wait.RequestId,
            ["Kind"] = wait.Kind?.ToString(),
            ["WhoName"] = wait.Who.Name,
            ["WhoEmail"] = wait.Who.Email,
            ["Organisation"] = wait.Organisation,
            ["DueAt"] = wait.DueAt,
            ["NextStepAt"] = next?.At,
            ["NextIsEscalation"] = next?.IsEscalation ?? false,
            ["Escalated"] = wait.IsEscalated,
            ["UpdatedAt"] = time.GetUtcNow(),
        };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(CaseId id, string key, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(CaseRows.Partition(id), Prefix + Hash(key), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Never written, or already removed.
        }
    }

    /// <summary>The case's open waits as the workflow last wrote them, earliest due first.</summary>
    public async Task<IReadOnlyList<WorkflowWait>> ListAsync(CaseId id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CaseRows.Partition(id)} and RowKey ge {Prefix} and RowKey lt {End}");
        var waits = new List<WorkflowWait>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            waits.Add(Read(row));
        }

        return [.. waits.OrderBy(w => w.DueAt)];
    }

    /// <summary>One wait row as the case page shows it.</summary>
    public static WorkflowWait Read(TableEntity row) => new(
        row.GetString("Key"),
        row.GetString("InstanceId") ?? "",
        Enum.TryParse<RequestKind>(row.GetString("Kind"), out var kind) ? kind : null,
        new Person(row.GetString("WhoName") ?? "", row.GetString("WhoEmail") ?? ""),
        row.GetString("Organisation") ?? "",
        row.GetDateTimeOffset("DueAt") ?? default,
        row.GetDateTimeOffset("NextStepAt"),
        row.GetBoolean("NextIsEscalation") ?? false,
        row.GetBoolean("Escalated") ?? false);
}

/// <summary>
/// One wait as the case page shows it (and the orchestration instance that runs it): who (<c>Who</c>, for <c>Organisation</c>) is asked for what (<c>Kind</c>; null
/// for the organisation's vetting), by when, the next reminder or escalation, and whether it was escalated.
/// </summary>
internal sealed record WorkflowWait(string Key, string InstanceId, RequestKind? Kind, Person Who, string Organisation, DateTimeOffset DueAt, DateTimeOffset? NextStepAt, bool NextIsEscalation, bool Escalated);
