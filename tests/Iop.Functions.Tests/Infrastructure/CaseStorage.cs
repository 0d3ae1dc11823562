using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Iop.Cases;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>What the default test app stored for a case, read straight from Azurite: its blobs and its outbox rows.</summary>
public static class CaseStorage
{
    /// <summary>How many blobs the case has in the documents container.</summary>
    public static async Task<int> BlobCountAsync(string connectionString, CaseId id)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient("documents");
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    /// <summary>The case's outbox rows (the effects its commands stored), in row order.</summary>
    public static async Task<List<TableEntity>> OutboxRowsAsync(string connectionString, CaseId id)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("cases");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == id.ToString()))
        {
            if (row.RowKey.StartsWith(Iop.Functions.Outbox.OutboxRows.Prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
