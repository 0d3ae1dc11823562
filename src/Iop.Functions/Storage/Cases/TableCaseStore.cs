using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Outbox;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage.Cases;

/// <summary>
/// The event-sourced case store on Azure Tables. One partition per case holds the snapshot row, one row per event and
/// the outbox rows; a command's rows are written in one entity-group transaction guarded by the snapshot's ETag.
/// </summary>
internal sealed class TableCaseStore : ICaseStore
{
    private const int SchemaVersion = 1;

    /// <summary>How many cases the decision cache holds before it starts over; a municipality has a few hundred open.</summary>
    private const int CacheCapacity = 2_000;

    /// <summary>
    /// The cases as this process last wrote or read them, so a command usually costs one round trip (the transaction)
    /// instead of two. A stale entry is harmless: its ETag fails the commit, which evicts it, and the service reloads.
    /// </summary>
    private readonly ConcurrentDictionary<CaseId, StoredCase> _decisionCache = new();

    private readonly CreatedOnFirstUse<TableClient> _table;
    private readonly IOutboxSignal _signal;

    public TableCaseStore(TableServiceClient tables, IOptions<StorageOptions> options, IOutboxSignal signal)
    {
        _signal = signal;
        _table = new(async () =>
        {
            var table = tables.GetTableClient(options.Value.CasesTable);
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
            return table;
        });
    }

    public async Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var snapshot = await table.GetEntityIfExistsAsync<TableEntity>(CaseRows.Partition(id), CaseRows.Snapshot, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!snapshot.HasValue)
        {
            return null;
        }

        var entity = snapshot.Value!;
        var version = entity.GetInt32(CaseRows.Version)!.Value;
        var state = ReadState(entity) ?? await ReplayAsync(id, cancellationToken).ConfigureAwait(false);
        return Remember(new StoredCase(id, state, version, entity.ETag.ToString()));
    }

    public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) =>
        _decisionCache.TryGetValue(id, out var known) ? Task.FromResult<StoredCase?>(known) : LoadAsync(id, cancellationToken);

    public async Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var commitId = Guid.NewGuid().ToString("N");
        var actions = new List<TableTransactionAction>(1 + change.Events.Count + change.Effects.Count)
        {
            change.Expected is { } expected
                ? new(TableTransactionActionType.UpdateReplace, SnapshotRow(change), new ETag(expected.ConcurrencyToken))
                : new(TableTransactionActionType.Add, SnapshotRow(change)),
        };
        actions.AddRange(change.Events.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, CaseRows.Event(change.Id, change.FromVersion + i + 1, e, commitId))));
        actions.AddRange(change.Effects.Select((e, i) => new TableTransactionAction(TableTransactionActionType.Add, OutboxRows.New(change.Id, change.ToVersion, i, e, change.Summary.Stage, change.Summary.UpdatedAt))));
        TransactionLimits.EnsureFits(change.Id, actions);

        try
        {
            var responses = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            if (responses.Value[0].Headers.ETag is { } written)
            {
                Remember(new StoredCase(change.Id, change.State, change.ToVersion, written.ToString()));
            }
            else
            {
                _decisionCache.TryRemove(change.Id, out _);
            }
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            _decisionCache.TryRemove(change.Id, out _);
            if (!await LandedAsync(table, change, commitId, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        if (change.Effects.Count > 0)
        {
            await _signal.SignalAsync(change.Id, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CaseRows.Partition(id)} and RowKey ge {CaseRows.EventPrefix} and RowKey lt {CaseRows.EventEnd}");
        var history = new List<RecordedEvent>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            history.Add(new RecordedEvent(row.GetInt32(CaseRows.Version)!.Value, CaseRows.ReadEvent(row)));
        }

        return history;
    }

    /// <summary>
    /// A filtered scan over the whole table, reading only the snapshot rows' summary columns: fine for a municipality's
    /// few hundred cases. Thousands of cases would want a separate index table kept in the same transactions.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var filter = stage is { } s
            ? TableClient.CreateQueryFilter($"RowKey eq {CaseRows.Snapshot} and Stage eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"RowKey eq {CaseRows.Snapshot}");
        var summaries = new List<CaseSummary>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: CaseRows.SummaryColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            summaries.Add(CaseRows.ReadSummary(row));
        }

        return summaries;
    }

    /// <summary>
    /// Whether this very commit is in the table after all. The SDK retries a transaction whose answer was lost (a
    /// reset connection, a timeout); the retry then meets its own first attempt as a conflict. Answering "lost the race"
    /// would make the service decide the command again and apply it twice.
    /// </summary>
    private static async Task<bool> LandedAsync(TableClient table, CaseChange change, string commitId, CancellationToken cancellationToken)
    {
        var first = await table.GetEntityIfExistsAsync<TableEntity>(
            CaseRows.Partition(change.Id), CaseRows.EventKey(change.FromVersion + 1), select: [CaseRows.CommitId], cancellationToken: cancellationToken).ConfigureAwait(false);
        return first.HasValue && first.Value!.GetString(CaseRows.CommitId) == commitId;
    }

    private StoredCase Remember(StoredCase stored)
    {
        if (_decisionCache.Count >= CacheCapacity)
        {
            _decisionCache.Clear();
        }

        // Concurrent commands remember in any order: an older reading never replaces a newer one.
        _decisionCache.AddOrUpdate(stored.Id, stored, (_, known) => known.Version > stored.Version ? known : stored);
        return stored;
    }

    private static TableEntity SnapshotRow(CaseChange change)
    {
        var entity = CaseRows.Summary(change.Id, change.Summary);
        entity["SchemaVersion"] = SchemaVersion;
        LargeText.Write(entity, "State", JsonSerializer.Serialize<CaseState>(change.State, StorageJson.Options));
        return entity;
    }

    /// <summary>The snapshot's state, or null when it was written by another schema or no longer reads, and must be rebuilt from the events.</summary>
    internal static RegisteredCase? ReadState(TableEntity snapshot)
    {
        if (snapshot.GetInt32("SchemaVersion") != SchemaVersion)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CaseState>(LargeText.Read(snapshot, "State"), StorageJson.Options) as RegisteredCase;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<RegisteredCase> ReplayAsync(CaseId id, CancellationToken cancellationToken)
    {
        var history = await LoadHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return (RegisteredCase)CaseDecider.Replay(history.Select(h => h.Event));
    }
}
