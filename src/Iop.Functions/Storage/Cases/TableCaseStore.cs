using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Policies;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage.Cases;

/// <summary>
/// The event-sourced case store on Azure Tables. One partition per case holds the snapshot row, one row per event and
/// the outbox rows; a command's rows are written in one entity-group transaction guarded by the snapshot's ETag.
/// The case list reads the <see cref="CaseIndex"/>, which the store writes after each transaction and reconciles.
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
    private readonly CaseIndex _index;
    private readonly PolicyCatalog _policies;
    private readonly ILogger<TableCaseStore> _logger;
    private readonly Lock _gate = new();
    private Task<int>? _reconciling;
    private volatile bool _indexBuilt;

    public TableCaseStore(TableServiceClient tables, IOptions<StorageOptions> options, IOutboxSignal signal, PolicyCatalog policies, ILogger<TableCaseStore> logger)
    {
        _signal = signal;
        _policies = policies;
        _logger = logger;
        _index = new CaseIndex(tables, options);
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

        await IndexAsync(change.Summary, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The cases from the index (built from the snapshots first, if it never was).</summary>
    public async Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken)
    {
        if (!_indexBuilt)
        {
            await ReconcileIndexAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _index.ListAsync(stage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings every index row up to its case's snapshot: rows missing (a case stored before the index existed) or
    /// lagging (a process stopped between a case's transaction and its index write). Reads only the snapshots' versions,
    /// and the full case only where a row must be written. Returns how many rows it wrote. Callers at the same time
    /// share one round.
    /// </summary>
    public Task<int> ReconcileIndexAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_reconciling is null || _reconciling.IsCompleted)
            {
                _reconciling = ReconcileOnceAsync();
            }

            return _reconciling.WaitAsync(cancellationToken);
        }
    }

    /// <summary>One round, not cancelled by any one caller: it serves them all.</summary>
    private async Task<int> ReconcileOnceAsync()
    {
        var table = await _table.Value.ConfigureAwait(false);
        var indexed = await _index.VersionsAsync(CancellationToken.None).ConfigureAwait(false);
        var written = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CaseRows.Snapshot}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", CaseRows.Version, "UpdatedAt"]).ConfigureAwait(false))
        {
            var id = CaseId.Parse(row.PartitionKey);
            if (indexed.TryGetValue(id, out var version) && version >= row.GetInt32(CaseRows.Version))
            {
                continue;
            }

            if (await LoadAsync(id, CancellationToken.None).ConfigureAwait(false) is { } stored)
            {
                await _index.WriteAsync(CaseSummary.Of(stored.State, stored.Version, row.GetDateTimeOffset("UpdatedAt")!.Value, _policies.For(stored.State)), CancellationToken.None).ConfigureAwait(false);
                written++;
            }
        }

        _indexBuilt = true;
        return written;
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

    /// <summary>
    /// The case's index row, after its transaction. The command has happened whatever this does: a failure here only
    /// leaves the row lagging until the reconciler comes by, so it is logged, not thrown.
    /// </summary>
    private async Task IndexAsync(CaseSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            await _index.WriteAsync(summary, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            _logger.LogWarning(e, "The case list's row for case {CaseId} was not updated; the reconciler will.", summary.Id);
        }
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
