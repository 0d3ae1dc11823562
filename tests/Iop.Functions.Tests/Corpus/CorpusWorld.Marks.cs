using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Storage.Documents;
using Iop.Officials;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// What an entry must leave as it found it, read in two requests (the cases table's keys and versions, the documents
/// container's names); and the world put back as it was set up after an entry that changed it, so that one failing
/// entry does not move the next one's case to another stage.
/// </summary>
public abstract partial class CorpusWorld
{
    private readonly Dictionary<CaseId, List<TableEntity>> _pristineRows = [];
    private readonly Dictionary<CaseId, HashSet<string>> _pristineBlobs = [];

    private TableClient CasesTable => App.Services.GetRequiredService<TableServiceClient>().GetTableClient(App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.CasesTable);

    private BlobContainerClient Documents => App.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DocumentsContainer);

    /// <summary>The mark the last entry left the world with, when nothing has changed it since.</summary>
    public WorldMark? LastMark { get; set; }

    public async Task<WorldMark> MarkAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in CasesTable.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", CaseRows.Version, "Stage", "Type"]))
        {
            rows.Add(row);
        }

        var blobs = await BlobNamesAsync(null);
        var partitions = rows.ToLookup(r => r.PartitionKey);
        var cases = _cases.ToDictionary(c => c.Key, c =>
        {
            var partition = partitions[c.Value.ToString()].ToList();
            var snapshot = partition.Single(r => r.RowKey == CaseRows.Snapshot);
            var events = partition.Where(r => r.RowKey.StartsWith(CaseRows.EventPrefix, StringComparison.Ordinal)).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            return new CaseMark(snapshot.GetInt32(CaseRows.Version) ?? 0, events.Count, events.Count == 0 ? "" : events[^1].GetString("Type"), snapshot.GetString("Stage"), [.. blobs.Where(b => b.StartsWith($"{c.Value}/", StringComparison.Ordinal))]);
        });
        return new WorldMark(cases, rows.Count(r => r.RowKey == CaseRows.Snapshot));
    }

    /// <summary>Blobs of the case that its record does not name.</summary>
    public async Task<IReadOnlyList<string>> OrphansAsync(string caseName, IEnumerable<string> blobs)
    {
        var id = _cases[caseName];
        var stored = (await Store.LoadAsync(id, CancellationToken.None))!;
        var referenced = ReferencedBlobs(stored.State).ToHashSet(StringComparer.Ordinal);
        return [.. blobs.Where(b => !referenced.Contains(b))];
    }

    /// <summary>Puts the case's rows and blobs back as they were after set-up.</summary>
    public async Task RestoreAsync(string caseName)
    {
        var id = _cases[caseName];
        var pristine = _pristineRows[id];
        var keep = pristine.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var table = CasesTable;
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == id.ToString(), select: ["PartitionKey", "RowKey"]))
        {
            if (!keep.Contains(row.RowKey))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
            }
        }

        foreach (var row in pristine)
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        foreach (var blob in (await BlobNamesAsync(id)).Except(_pristineBlobs[id]))
        {
            await Documents.DeleteBlobIfExistsAsync(blob);
        }

        // A read from storage is what the store remembers for deciding: the restored case, not the changed one.
        await Store.LoadAsync(id, CancellationToken.None);
    }

    private async Task KeepPristineAsync()
    {
        foreach (var id in _cases.Values)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in CasesTable.QueryAsync<TableEntity>(r => r.PartitionKey == id.ToString()))
            {
                row.Remove("odata.etag");
                row.Remove("Timestamp");
                rows.Add(row);
            }

            _pristineRows[id] = rows;
            _pristineBlobs[id] = [.. await BlobNamesAsync(id)];
        }
    }

    private async Task<List<string>> BlobNamesAsync(CaseId? id)
    {
        var names = new List<string>();
        try
        {
            await foreach (var blob in Documents.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, id is { } c ? $"{c}/" : null, CancellationToken.None))
            {
                names.Add(blob.Name);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No upload has created the container yet: no blob at all.
        }

        return names;
    }

    /// <summary>The blob names of every file the case's record knows: vetting documents and officials' attachments.</summary>
    private static IEnumerable<string> ReferencedBlobs(RegisteredCase state)
    {
        var vetting = state is InPartnerVetting v ? v.Vetting : state.File.Vetting;
        foreach (var document in vetting?.Requests ?? ValueList<DocumentRequest>.Empty)
        {
            foreach (var file in document.Files)
            {
                yield return BlobDocumentStore.BlobName(state.File.Id, document.DocumentId, file.FileId);
            }
        }

        foreach (var request in state.File.Requests)
        {
            var file = request.Answer?.Content switch
            {
                ProcurementOpinion { Attachment: { } f } => f,
                CommitteeDecision { Extract: { } f } => f,
                _ => null,
            };
            if (file is not null)
            {
                yield return BlobDocumentStore.BlobName(state.File.Id, request.Id, file.FileId);
            }
        }
    }
}

/// <summary>A case as a corpus entry must leave it: its record (version, events, stage) and its blobs.</summary>
public sealed record CaseMark(int Version, int Events, string? LastEvent, string? Stage, IReadOnlyList<string> Blobs)
{
    public bool SameRecord(CaseMark other) => (Version, Events, LastEvent, Stage) == (other.Version, other.Events, other.LastEvent, other.Stage);
}

/// <summary>Every case of the world, and how many cases the app holds.</summary>
public sealed record WorldMark(IReadOnlyDictionary<string, CaseMark> Cases, int CaseCount);
