using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Telemetry;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox;

/// <summary>
/// Delivers committed effects at least once. A row is marked sent only after its delivery succeeded, under the row's
/// ETag, so two dispatchers racing on one row deliver at most twice with the same idempotency key, and never lose it.
/// </summary>
internal sealed class OutboxDispatcher(
    TableServiceClient tables,
    IOptions<StorageOptions> storage,
    IOptions<OutboxOptions> options,
    EffectDelivery delivery,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    private const int MaxErrorLength = 1000;

    private TableClient Table => tables.GetTableClient(storage.Value.CasesTable);

    /// <summary>Delivers the case's pending effects that are due, in order. Returns how many were delivered.</summary>
    public async Task<int> DispatchCaseAsync(CaseId id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseRows.Partition(id)} and RowKey ge {OutboxRows.Prefix} and RowKey lt {OutboxRows.End} and Status eq {nameof(OutboxStatus.Pending)} and NextAttemptAt le {time.GetUtcNow().UtcDateTime}");
        var delivered = 0;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (await DeliverAsync(row, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <summary>
    /// Finds every case with a pending effect that is due (lost signals, retries) and dispatches it. A filtered scan of
    /// the cases table: outbox rows are few and short-lived, and the sweep runs every half minute, not per request.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {OutboxRows.Prefix} and RowKey lt {OutboxRows.End} and Status eq {nameof(OutboxStatus.Pending)} and NextAttemptAt le {now.UtcDateTime}");
        var cases = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            cases.Add(row.PartitionKey);
        }

        var delivered = 0;
        foreach (var partition in cases)
        {
            delivered += await DispatchCaseAsync(new CaseId(Guid.ParseExact(partition, "N")), cancellationToken).ConfigureAwait(false);
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var key = row.GetString("IdempotencyKey");
        using var activity = IopTelemetry.StartDelivery(row.GetString("TraceParent"), row.PartitionKey, row.GetString("Type"));
        try
        {
            await delivery.DeliverAsync(OutboxRows.ReadEffect(row), key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordFailureAsync(row, e, cancellationToken).ConfigureAwait(false);
            return false;
        }

        row["Status"] = nameof(OutboxStatus.Sent);
        row["SentAt"] = time.GetUtcNow();
        row["Attempts"] = (row.GetInt32("Attempts") ?? 0) + 1;
        await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task RecordFailureAsync(TableEntity row, Exception error, CancellationToken cancellationToken)
    {
        var attempts = (row.GetInt32("Attempts") ?? 0) + 1;
        var settings = options.Value;
        var backoff = TimeSpan.FromTicks(Math.Min(settings.MaxBackoff.Ticks, settings.FirstBackoff.Ticks * (1L << Math.Min(attempts - 1, 20))));
        // A permanent error (a missing permission, an unknown mailbox) is not retried: it fails at once.
        var failed = error is PermanentDeliveryException || attempts >= settings.MaxAttempts;
        row["Attempts"] = attempts;
        var message = error is PermanentDeliveryException ? error.Message : $"{error.GetType().Name}: {error.Message}";

        row["LastError"] = message.Length <= MaxErrorLength ? message : message[..MaxErrorLength];
        row["NextAttemptAt"] = time.GetUtcNow() + backoff;
        row["Status"] = failed ? nameof(OutboxStatus.Failed) : nameof(OutboxStatus.Pending);
        logger.LogWarning(error, "Delivering {Key} failed (attempt {Attempts}); {Next}.", row.GetString("IdempotencyKey"), attempts, failed ? "giving up" : $"retrying in {backoff}");
        if (await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) && failed)
        {
            await delivery.ReportFailureAsync(OutboxRows.ReadEffect(row), row["LastError"] as string ?? message, $"{row.GetString("IdempotencyKey")}/failed/{attempts}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The case's effects that failed for good, for the case page.</summary>
    public async Task<IReadOnlyList<FailedDelivery>> FailedAsync(CaseId id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CaseRows.Partition(id)} and RowKey ge {OutboxRows.Prefix} and RowKey lt {OutboxRows.End} and Status eq {nameof(OutboxStatus.Failed)}");
        var failed = new List<FailedDelivery>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            failed.Add(new FailedDelivery(row.RowKey, OutboxRows.ReadEffect(row), row.GetString("LastError") ?? "", row.GetInt32("Attempts") ?? 0));
        }

        return failed;
    }

    /// <summary>The coordinator's "try again": a failed effect is pending again, due now, and delivered at once.</summary>
    public async Task<bool> RetryAsync(CaseId id, string rowKey, CancellationToken cancellationToken)
    {
        if (!rowKey.StartsWith(OutboxRows.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var found = await Table.GetEntityIfExistsAsync<TableEntity>(CaseRows.Partition(id), rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value!.GetString("Status") != nameof(OutboxStatus.Failed))
        {
            return false;
        }

        var row = found.Value;
        row["Status"] = nameof(OutboxStatus.Pending);
        row["Attempts"] = 0;
        row["NextAttemptAt"] = time.GetUtcNow();
        if (!await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await DispatchCaseAsync(id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Another dispatcher may have updated the row meanwhile; its word stands.</summary>
    private async Task<bool> TryUpdateAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            logger.LogDebug("Outbox row {Key} was updated by another dispatcher.", row.RowKey);
            return false;
        }
    }
}

/// <summary>An effect that could not be delivered, with the last error, shown on the case page.</summary>
internal sealed record FailedDelivery(string RowKey, Effect Effect, string Error, int Attempts);
