using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Iop.Cases;

namespace Iop.Functions.Storage.Cases;

/// <summary>The row layout of a case's partition: <c>snapshot</c>, <c>event-0000000001</c>…, <c>outbox-…</c>.</summary>
internal static class CaseRows
{
    public const string Snapshot = "snapshot";
    public const string EventPrefix = "event-";

    /// <summary>The first key after every event row ('.' sorts right after '-').</summary>
    public const string EventEnd = "event.";

    public const string Version = "Version";

    /// <summary>Which commit wrote an event row: tells a retried transaction that its first attempt landed.</summary>
    public const string CommitId = "CommitId";

    public static readonly string[] SummaryColumns = ["PartitionKey", "RowKey", "Number", "Year", "Sequence", "OrganisationName", "Stage", "ReceivedAt", "UpdatedAt", "DueAt", Version];

    public static string Partition(CaseId id) => id.ToString();

    public static string EventKey(int version) => string.Create(CultureInfo.InvariantCulture, $"{EventPrefix}{version:D10}");

    public static TableEntity Event(CaseId id, int version, CaseEvent e, string commitId)
    {
        var entity = new TableEntity(Partition(id), EventKey(version))
        {
            [Version] = version,
            ["Type"] = TypeDiscriminator<CaseEvent>.Of(e),
            [CommitId] = commitId,
            ["At"] = e.At.ToUniversalTime(),
            ["ById"] = e.By.Id,
            ["ByName"] = e.By.Name,
        };
        LargeText.Write(entity, "Json", JsonSerializer.Serialize(e, StorageJson.Options));
        return entity;
    }

    public static CaseEvent ReadEvent(TableEntity row) =>
        JsonSerializer.Deserialize<CaseEvent>(LargeText.Read(row, "Json"), StorageJson.Options)
        ?? throw new InvalidOperationException($"Event row {row.PartitionKey}/{row.RowKey} is empty.");

    public static TableEntity Summary(CaseId id, CaseSummary summary) => new(Partition(id), Snapshot)
    {
        ["Number"] = summary.Number.Value,
        ["Year"] = summary.Number.Year,
        ["Sequence"] = summary.Number.Sequence,
        ["OrganisationName"] = summary.OrganisationName,
        ["Stage"] = summary.Stage.ToString(),
        ["ReceivedAt"] = summary.ReceivedAt.ToUniversalTime(),
        ["UpdatedAt"] = summary.UpdatedAt.ToUniversalTime(),
        ["DueAt"] = summary.DueAt?.ToUniversalTime(),
        [Version] = summary.Version,
    };

    public static CaseSummary ReadSummary(TableEntity row) => ReadSummary(row, new CaseId(Guid.ParseExact(row.PartitionKey, "N")));

    /// <summary>The summary columns of a row (a snapshot, or the case list's index row) of case <paramref name="id"/>.</summary>
    public static CaseSummary ReadSummary(TableEntity row, CaseId id) => new(
        id,
        new RegistrationNumber(row.GetString("Number"), row.GetInt32("Year")!.Value, row.GetInt32("Sequence")!.Value),
        row.GetString("OrganisationName"),
        Enum.Parse<Stage>(row.GetString("Stage")),
        row.GetDateTimeOffset("ReceivedAt")!.Value,
        row.GetDateTimeOffset("UpdatedAt")!.Value,
        row.GetDateTimeOffset("DueAt"),
        row.GetInt32(Version)!.Value);
}
