using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;

namespace Iop.Functions.Outbox;

/// <summary>The outbox rows in a case's partition: <c>outbox-{version}-{index}</c>, one per effect.</summary>
internal static class OutboxRows
{
    public const string Prefix = "outbox-";

    /// <summary>The first key after every outbox row.</summary>
    public const string End = "outbox.";

    public static string Key(int version, int index) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{version:D10}-{index:D2}");

    /// <summary>Whether <paramref name="rowKey"/> is shaped as <see cref="Key"/> makes them: anything else (a page's input) is no outbox row.</summary>
    public static bool IsKey([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? rowKey) =>
        rowKey is { Length: <= 40 } && rowKey.StartsWith(Prefix, StringComparison.Ordinal) && rowKey[Prefix.Length..].Split('-') is [var version, var index]
        && version.Length >= 10 && index.Length >= 2 && version.All(char.IsAsciiDigit) && index.All(char.IsAsciiDigit);

    /// <summary>Stable across retries and workers: the same effect always has the same key.</summary>
    public static string IdempotencyKey(CaseId id, int version, int index) => string.Create(CultureInfo.InvariantCulture, $"{id}/{version}/{index}");

    public static TableEntity New(CaseId id, int version, int index, Effect effect, Stage stage, DateTimeOffset availableAt)
    {
        var entity = new TableEntity(CaseRows.Partition(id), Key(version, index))
        {
            ["Type"] = TypeDiscriminator<Effect>.Of(effect),
            ["IdempotencyKey"] = IdempotencyKey(id, version, index),
            ["Status"] = nameof(OutboxStatus.Pending),
            ["Attempt"] = 1,
            ["Stage"] = stage.ToString(),
            ["NextAttemptAt"] = availableAt.ToUniversalTime(),

            // The committing command's span, so the delivery continues its trace.
            ["TraceParent"] = Activity.Current?.Id,
        };
        LargeText.Write(entity, "Json", JsonSerializer.Serialize(effect, StorageJson.Options));
        return entity;
    }

    public static Effect ReadEffect(TableEntity row) =>
        JsonSerializer.Deserialize<Effect>(LargeText.Read(row, "Json"), StorageJson.Options)
        ?? throw new InvalidOperationException($"Outbox row {row.PartitionKey}/{row.RowKey} is empty.");

    public static OutboxStatus Status(TableEntity row) => Enum.TryParse<OutboxStatus>(row.GetString("Status"), out var status) ? status : OutboxStatus.Pending;

    /// <summary>1 when committed, one more each time the coordinator retries a failed effect.</summary>
    public static int Attempt(TableEntity row) => row.GetInt32("Attempt") ?? 1;
}
