using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage.Cases;

/// <summary>
/// The case list's index: one row per case in one partition of its own table (<c>Storage:CaseIndexTable</c>), holding
/// the case's <see cref="CaseSummary"/>. Listing reads that partition instead of scanning every case's snapshot and
/// events. Azure Tables' transactions do not span partitions, so the store writes a case's row right after the case's
/// own transaction; a row can only lag (a process stopped in between), never run ahead, and the reconciler brings a
/// lagging row up to the snapshot's version.
/// Each process keeps the rows in memory and asks storage only for the rows changed since it last looked (by their
/// timestamps, with an overlap for writes that became visible late), and reads them all again every ten
/// minutes; a list therefore costs one small query whatever the number of cases.
/// </summary>
internal sealed class CaseIndex
{
    internal const string Partition = "case";

    /// <summary>How many times a row is written again after another writer got there first.</summary>
    private const int Attempts = 5;

    /// <summary>
    /// How far back each look for changed rows reaches before the last row seen: a row's timestamp is taken when its
    /// write begins, so a slow write can become visible after a later one. Far longer than any write takes.
    /// </summary>
    internal static readonly TimeSpan Overlap = TimeSpan.FromSeconds(15);

    /// <summary>How often every row is read again, whatever the looks for changes found.</summary>
    private static readonly TimeSpan FullReadEvery = TimeSpan.FromMinutes(10);

    private readonly CreatedOnFirstUse<TableClient> _table;
    private readonly ConcurrentDictionary<CaseId, CaseSummary> _known = new();
    private readonly Lock _gate = new();
    private Task? _refreshing;
    private DateTimeOffset? _seenUpTo;
    private long _fullReadAt;

    public CaseIndex(TableServiceClient tables, IOptions<StorageOptions> options)
    {
        _table = new(async () =>
        {
            var table = tables.GetTableClient(options.Value.CaseIndexTable);
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
            return table;
        });
    }

    /// <summary>
    /// Writes the case's row unless the index already holds this or a later version (two commands on one case may
    /// finish in either order). Guarded by the row's ETag, so a later version is never overwritten by an earlier one.
    /// </summary>
    public async Task WriteAsync(CaseSummary summary, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var key = summary.Id.ToString();
        for (var attempt = 1; ; attempt++)
        {
            var known = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, select: [CaseRows.Version], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (known.HasValue && known.Value!.GetInt32(CaseRows.Version) >= summary.Version)
            {
                return;
            }

            try
            {
                var row = Row(summary);
                if (known.HasValue)
                {
                    await table.UpdateEntityAsync(row, known.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }

                Remember(summary);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                // Another command's row landed first: look again, it may be newer.
            }
        }
    }

    /// <summary>Every case in the index (with <paramref name="stage"/>, those at that stage), as of now.</summary>
    public async Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken)
    {
        await RefreshAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. _known.Values.Where(c => stage is null || c.Stage == stage)];
    }

    /// <summary>Forgets what this process has read, so the next list reads every row (as a new process would).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _known.Clear();
            _seenUpTo = null;
        }
    }

    /// <summary>One refresh at a time; callers meanwhile share it.</summary>
    private Task RefreshAsync()
    {
        lock (_gate)
        {
            if (_refreshing is null || _refreshing.IsCompleted)
            {
                _refreshing = ReadChangesAsync();
            }

            return _refreshing;
        }
    }

    private async Task ReadChangesAsync()
    {
        var table = await _table.Value.ConfigureAwait(false);
        var full = _seenUpTo is null || Stopwatch.GetElapsedTime(_fullReadAt) > FullReadEvery;
        var filter = full
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Timestamp ge {_seenUpTo!.Value - Overlap}");
        var started = Stopwatch.GetTimestamp();
        var seen = _seenUpTo;
        await foreach (var row in table.QueryAsync<TableEntity>(filter).ConfigureAwait(false))
        {
            Remember(Read(row));
            if (row.Timestamp is { } at && (seen is null || at > seen))
            {
                seen = at;
            }
        }

        _seenUpTo = seen;
        if (full)
        {
            _fullReadAt = started;
        }
    }

    /// <summary>Keeps the later of two readings of a case.</summary>
    private void Remember(CaseSummary summary) =>
        _known.AddOrUpdate(summary.Id, summary, (_, known) => known.Version > summary.Version ? known : summary);

    /// <summary>The version each indexed case is at.</summary>
    public async Task<IReadOnlyDictionary<CaseId, int>> VersionsAsync(CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var versions = new Dictionary<CaseId, int>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), select: ["RowKey", CaseRows.Version], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            versions[CaseId.Parse(row.RowKey)] = row.GetInt32(CaseRows.Version) ?? 0;
        }

        return versions;
    }

    /// <summary>The row of a case: the snapshot's summary columns and those the list searches and shows besides.</summary>
    internal static TableEntity Row(CaseSummary summary)
    {
        var row = CaseRows.Summary(summary.Id, summary);
        row.PartitionKey = Partition;
        row.RowKey = summary.Id.ToString();
        row["OrganisationNumber"] = summary.OrganisationNumber;
        row["ContactName"] = summary.ContactName;
        row["ContactEmail"] = summary.ContactEmail;
        row["WaitingOn"] = JsonSerializer.Serialize(summary.WaitingOn, StorageJson.Options);
        row["EndedOn"] = summary.EndedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return row;
    }

    private static CaseSummary Read(TableEntity row) => CaseRows.ReadSummary(row, CaseId.Parse(row.RowKey)) with
    {
        OrganisationNumber = row.GetString("OrganisationNumber") ?? "",
        ContactName = row.GetString("ContactName") ?? "",
        ContactEmail = row.GetString("ContactEmail") ?? "",
        WaitingOn = row.GetString("WaitingOn") is { } json ? JsonSerializer.Deserialize<ValueList<Awaited>>(json, StorageJson.Options) ?? ValueList<Awaited>.Empty : ValueList<Awaited>.Empty,
        EndedOn = DateOnly.TryParseExact(row.GetString("EndedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ended) ? ended : null,
    };
}
