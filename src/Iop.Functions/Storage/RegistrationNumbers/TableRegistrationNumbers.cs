using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage.RegistrationNumbers;

/// <summary>
/// Registration numbers (diarienummer) from a per-year counter row in Azure Tables. The counter's update (under its ETag),
/// a row for the number and a row for the case are one entity-group transaction: a number is never given twice, never
/// skipped by a lost race, and a case asking again gets the number it already has.
/// </summary>
/// <remarks>
/// Allocations of a year take turns within the process, and the process remembers the counter as its last transaction
/// left it (value and ETag), so the usual allocation is that one transaction. Another process's allocation makes the
/// remembered ETag fail; the counter is then read again and the allocation retried with backoff.
/// </remarks>
internal sealed class TableRegistrationNumbers(
    TableServiceClient tables,
    IOptions<StorageOptions> storage,
    IOptions<IopOptions> settings,
    ILogger<TableRegistrationNumbers> logger)
    : IRegistrationNumbers
{
    private const string CounterRow = "counter";
    private const int MaxAttempts = 30;
    private static readonly TimeSpan MaxWaitForTurn = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private readonly ConcurrentDictionary<int, YearCounter> _years = new();

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(storage.Value.RegistryTable);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    });

    public async Task<RegistrationNumber> AllocateAsync(CaseId caseId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var year = TimeZoneInfo.ConvertTime(at, Stockholm).Year;
        var counter = _years.GetOrAdd(year, _ => new YearCounter());

        // Real time on purpose (here and in the backoff): the waits are about storage, not the case's clock.
        if (!await counter.Turn.WaitAsync(MaxWaitForTurn, cancellationToken).ConfigureAwait(false))
        {
            throw new CaseBusyException(caseId, $"Waited over {MaxWaitForTurn.TotalSeconds:0} s for the registration-number counter of {year}.");
        }

        try
        {
            return await AllocateInTurnAsync(table, counter, year, caseId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            counter.Turn.Release();
        }
    }

    private async Task<RegistrationNumber> AllocateInTurnAsync(TableClient table, YearCounter counter, int year, CaseId caseId, CancellationToken cancellationToken)
    {
        var partition = year.ToString(CultureInfo.InvariantCulture);
        var caseRow = $"case-{caseId}";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (counter.Known is not { } known)
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
                known = row.HasValue ? new CounterState(row.Value!.GetInt32("Last")!.Value, row.Value.ETag) : new CounterState(0, null);
            }

            var next = known.Last + 1;
            var updated = new TableEntity(partition, CounterRow) { ["Last"] = next };
            TableTransactionAction[] transaction =
            [
                known.ETag is { } etag
                    ? new(TableTransactionActionType.UpdateReplace, updated, etag)
                    : new(TableTransactionActionType.Add, updated),
                new(TableTransactionActionType.Add, new TableEntity(partition, $"number-{next:D6}") { ["CaseId"] = caseId.ToString() }),
                new(TableTransactionActionType.Add, new TableEntity(partition, caseRow) { ["Sequence"] = next }),
            ];

            try
            {
                var responses = await table.SubmitTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
                counter.Known = responses.Value[0].Headers.ETag is { } written ? new CounterState(next, written) : null;
                return Format(year, next);
            }
            catch (Exception e) when (e is TableTransactionFailedException { Status: 409 or 412 } or RequestFailedException { Status: 409 or 412 })
            {
                // Either this case has its number already (asked again, or a retry whose answer was lost), or another
                // process moved the counter: then read it again and retry, after a pause if that keeps happening.
                counter.Known = null;
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, caseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (existing.HasValue)
                {
                    return Format(year, existing.Value!.GetInt32("Sequence")!.Value);
                }

                if (attempt > 1)
                {
                    await Task.Delay(Backoff.Before(attempt - 1, FirstRetry, MaxRetry), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        logger.LogWarning("Could not allocate a registration number for case {CaseId} after {Attempts} attempts.", caseId, MaxAttempts);
        throw new CaseBusyException(caseId, $"Could not allocate a registration number after {MaxAttempts} attempts: other instances kept taking the next one.");
    }

    private RegistrationNumber Format(int year, int sequence) => RegistrationNumber.Format(settings.Value.RegistrationNumberFormat, year, sequence);

    /// <summary>The counter as this process's last transaction left it; null when it must be read.</summary>
    private sealed record CounterState(int Last, ETag? ETag);

    /// <summary>One year's turn-taking and remembered counter; <see cref="Known"/> is only touched by the turn's holder.</summary>
    private sealed class YearCounter
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public CounterState? Known { get; set; }
    }
}
