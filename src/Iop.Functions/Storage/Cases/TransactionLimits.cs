using Azure.Data.Tables;
using Iop.Cases;

namespace Iop.Functions.Storage.Cases;

/// <summary>
/// The limits of one entity-group transaction on Azure Tables: 100 operations, 4 MiB of request, 1 MiB per entity.
/// A change over them is refused whole, never split: split, it would no longer be atomic. Checked here because
/// Azurite does not enforce the size limits, so a change that works locally would fail only in Azure.
/// </summary>
internal static class TransactionLimits
{
    public const int MaxOperations = 100;
    public const int MaxPayloadBytes = 4 * 1024 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Room left for the multipart framing and the OData envelope of each operation.</summary>
    private const int FramingBytesPerOperation = 1024;

    public static void EnsureFits(CaseId id, IReadOnlyCollection<TableTransactionAction> actions)
    {
        if (actions.Count > MaxOperations)
        {
            throw new CaseTooLargeException(id, $"A change of case {id} needs {actions.Count} rows; one transaction holds {MaxOperations}. It is refused whole rather than split.");
        }

        var payload = 0L;
        foreach (var action in actions)
        {
            var entity = (TableEntity)action.Entity;
            var size = EntityBytes(entity);
            if (size > MaxEntityBytes)
            {
                throw new CaseTooLargeException(id, $"The row {entity.RowKey} of case {id} would take about {size:N0} bytes; a row holds {MaxEntityBytes:N0}. The change is refused whole.");
            }

            payload += RequestBytes(entity) + FramingBytesPerOperation;
        }

        if (payload > MaxPayloadBytes)
        {
            throw new CaseTooLargeException(id, $"A change of case {id} would send about {payload:N0} bytes in one transaction; the limit is {MaxPayloadBytes:N0}. It is refused whole rather than split.");
        }
    }

    /// <summary>The service's own formula for an entity's stored size (text counts as UTF-16).</summary>
    public static long EntityBytes(TableEntity entity)
    {
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in entity)
        {
            size += 8 + (name.Length * 2) + value switch
            {
                string text => 4 + (text.Length * 2L),
                byte[] bytes => 4 + bytes.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>An upper bound of the entity's JSON in the request: escaped characters take two bytes, other non-ASCII six.</summary>
    private static long RequestBytes(TableEntity entity)
    {
        var size = 0L;
        foreach (var (name, value) in entity)
        {
            size += name.Length + 8 + (value is string text ? JsonBytes(text) : 48);
        }

        return size;
    }

    private static long JsonBytes(string text)
    {
        var bytes = 0L;
        foreach (var c in text)
        {
            bytes += c switch
            {
                '"' or '\\' => 2,
                < ' ' or > '~' => 6,
                _ => 1,
            };
        }

        return bytes;
    }
}
