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
/// a row per number and a row per case are one entity-group transaction: a number is never given twice, never skipped
/// by a lost race, and a case asking again gets the number it already has.
/// </summary>
/// <remarks>
/// One counter row is one hot spot, so the process takes it in turns and in groups: while a transaction is under way,
/// the cases that ask meanwhile queue up, and the next transaction numbers all of them at once (up to
/// <see cref="MaxGroup"/>). The process remembers the counter as its last transaction left it (value and ETag), so
/// the usual group costs that one transaction. Another process's allocation makes the remembered ETag fail: the group's
/// cases are looked up (one may have been numbered meanwhile), the counter is read again, and the rest retried with
/// backoff.
/// </remarks>
internal sealed class TableRegistrationNumbers(
    TableServiceClient tables,
    IOptions<StorageOptions> storage,
    IOptions<IopOptions> settings,
    ILogger<TableRegistrationNumbers> logger)
    : IRegistrationNumbers
{
    /// <summary>Cases numbered by one transaction: the counter plus two rows per case, within the 100-action limit.</summary>
    public const int MaxGroup = 40;

    private const string CounterRow = "counter";
    private const int MaxAttempts = 30;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
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
        var counter = _years.GetOrAdd(year, _ => new YearCounter(year));
        var request = new Request(caseId);
        bool lead;
        lock (counter.Queue)
        {
            counter.Queue.Add(request);
            lead = !counter.Allocating;
            counter.Allocating = true;
        }

        if (lead)
        {
            // Not on the caller's cancellation: the group serves other requests too.
            _ = Task.Run(() => AllocateQueuedAsync(table, counter), CancellationToken.None);
        }

        try
        {
            // Real time on purpose: the wait is about storage, not the case's clock (which tests fake).
            var sequence = await request.Sequence.Task.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false);
            return Format(year, sequence);
        }
        catch (TimeoutException)
        {
            throw new CaseBusyException(caseId, $"Waited over {MaxWait.TotalSeconds:0} s for a registration number of {year}.");
        }
    }

    /// <summary>Numbers the queued cases, a group per transaction, until nobody waits.</summary>
    private async Task AllocateQueuedAsync(TableClient table, YearCounter counter)
    {
        while (true)
        {
            List<Request> group;
            lock (counter.Queue)
            {
                if (counter.Queue.Count == 0)
                {
                    counter.Allocating = false;
                    return;
                }

                group = [.. counter.Queue.Take(MaxGroup)];
                counter.Queue.RemoveRange(0, group.Count);
            }

            try
            {
                await AllocateGroupAsync(table, counter, group).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var request in group)
                {
                    request.Sequence.TrySetException(e);
                }
            }
        }
    }

    private async Task AllocateGroupAsync(TableClient table, YearCounter counter, List<Request> group)
    {
        var partition = counter.Year.ToString(CultureInfo.InvariantCulture);

        // The same case twice in a group (a double submit) gets one number.
        var pending = group.GroupBy(r => r.Case).ToDictionary(g => g.Key, g => g.ToList());
        for (var attempt = 1; attempt <= MaxAttempts && pending.Count > 0; attempt++)
        {
            var known = counter.Known ?? await ReadCounterAsync(table, partition).ConfigureAwait(false);
            var cases = pending.Keys.ToList();
            var transaction = new List<TableTransactionAction>(1 + (2 * cases.Count))
            {
                known.ETag is { } etag
                    ? new(TableTransactionActionType.UpdateReplace, new TableEntity(partition, CounterRow) { ["Last"] = known.Last + cases.Count }, etag)
                    : new(TableTransactionActionType.Add, new TableEntity(partition, CounterRow) { ["Last"] = known.Last + cases.Count }),
            };
            for (var i = 0; i < cases.Count; i++)
            {
                var sequence = known.Last + 1 + i;
                transaction.Add(new(TableTransactionActionType.Add, new TableEntity(partition, $"number-{sequence:D6}") { ["CaseId"] = cases[i].ToString() }));
                transaction.Add(new(TableTransactionActionType.Add, new TableEntity(partition, CaseRow(cases[i])) { ["Sequence"] = sequence }));
            }

            try
            {
                var responses = await table.SubmitTransactionAsync(transaction).ConfigureAwait(false);
                counter.Known = responses.Value[0].Headers.ETag is { } written ? new CounterState(known.Last + cases.Count, written) : null;
                for (var i = 0; i < cases.Count; i++)
                {
                    Complete(pending, cases[i], known.Last + 1 + i);
                }
            }
            catch (Exception e) when (e is TableTransactionFailedException { Status: 409 or 412 } or RequestFailedException { Status: 409 or 412 })
            {
                // Another process moved the counter, or a case of the group has its number already (asked again, or an
                // SDK retry of a transaction whose answer was lost): those get theirs, the rest are numbered again.
                counter.Known = null;
                foreach (var (caseId, sequence) in await NumberedAsync(table, partition, cases).ConfigureAwait(false))
                {
                    Complete(pending, caseId, sequence);
                }

                if (attempt > 1 && pending.Count > 0)
                {
                    await Task.Delay(Backoff.Before(attempt - 1, FirstRetry, MaxRetry)).ConfigureAwait(false);
                }
            }
        }

        if (pending.Count > 0)
        {
            logger.LogWarning("Could not allocate registration numbers for {Cases} cases after {Attempts} attempts.", pending.Count, MaxAttempts);
            foreach (var (caseId, requests) in pending)
            {
                var busy = new CaseBusyException(caseId, $"Could not allocate a registration number after {MaxAttempts} attempts: other instances kept taking the next one.");
                requests.ForEach(r => r.Sequence.TrySetException(busy));
            }
        }
    }

    private static void Complete(Dictionary<CaseId, List<Request>> pending, CaseId caseId, int sequence)
    {
        if (pending.Remove(caseId, out var requests))
        {
            requests.ForEach(r => r.Sequence.TrySetResult(sequence));
        }
    }

    private static async Task<CounterState> ReadCounterAsync(TableClient table, string partition)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow).ConfigureAwait(false);
        return row.HasValue ? new CounterState(row.Value!.GetInt32("Last")!.Value, row.Value.ETag) : new CounterState(0, null);
    }

    private static async Task<List<(CaseId Case, int Sequence)>> NumberedAsync(TableClient table, string partition, List<CaseId> cases)
    {
        var rows = await Task.WhenAll(cases.Select(c => table.GetEntityIfExistsAsync<TableEntity>(partition, CaseRow(c)))).ConfigureAwait(false);
        return [.. cases.Zip(rows).Where(x => x.Second.HasValue).Select(x => (x.First, x.Second.Value!.GetInt32("Sequence")!.Value))];
    }

    private static string CaseRow(CaseId caseId) => $"case-{caseId}";

    private RegistrationNumber Format(int year, int sequence) => RegistrationNumber.Format(settings.Value.RegistrationNumberFormat, year, sequence);

    /// <summary>The counter as this process's last transaction left it; null when it must be read.</summary>
    private sealed record CounterState(int Last, ETag? ETag);

    /// <summary>A case waiting for its number.</summary>
    private sealed record Request(CaseId Case)
    {
        public TaskCompletionSource<int> Sequence { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One year's queue and remembered counter; <see cref="Known"/> is only touched by the one allocating.</summary>
    private sealed class YearCounter(int year)
    {
        public int Year { get; } = year;

        /// <summary>The cases waiting; also the lock for itself and <see cref="Allocating"/>.</summary>
        public List<Request> Queue { get; } = [];

        public bool Allocating { get; set; }

        public CounterState? Known { get; set; }
    }
}
