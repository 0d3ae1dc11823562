using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Iop.Reports;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Reports;

/// <summary>
/// The closed years' follow-ups in a table of their own (<c>Storage:FollowUpTable</c>): one row per year and version of
/// the rules (<c>followup</c> / <c>2026-v2</c>), the report as JSON. A row of an older version is left alone and unread.
/// </summary>
internal sealed class TableFollowUpArchive : IFollowUpArchive
{
    private const string Partition = "followup";

    private readonly CreatedOnFirstUse<TableClient> _table;

    public TableFollowUpArchive(TableServiceClient tables, IOptions<StorageOptions> options) =>
        _table = new(async () =>
        {
            var table = tables.GetTableClient(options.Value.FollowUpTable);
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
            return table;
        });

    public async Task<FollowUpReport?> FindAsync(int year, int version, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Key(year, version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? JsonSerializer.Deserialize<FollowUpReport>(LargeText.Read(row.Value!, "Json"), StorageJson.Options) : null;
    }

    public async Task SaveAsync(FollowUpReport report, int version, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var row = new TableEntity(Partition, Key(report.Year, version));
        LargeText.Write(row, "Json", JsonSerializer.Serialize(report, StorageJson.Options));
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static string Key(int year, int version) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-v{version}");
}
