using System.Diagnostics;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Bench;

/// <summary>
/// The coordinator's case list at 1,000 and 10,000 cases: the scan of every snapshot row it used to be (the filter
/// reads past each case's event rows) against the index, read whole (a process's first list) and as it is read
/// afterwards (the rows changed since, one here); each followed by the same search, view and page in memory. Cases are written as the store writes them: a snapshot with its state and twenty event rows per case.
/// The two alternate, after a warm-up of each, so that both see the same Azurite.
/// </summary>
internal static class CaseListBenchmarks
{
    /// <summary>Event rows per case: 20 at 1,000 cases; at 10,000 only 4, because the in-memory Azurite fills ever more slowly (210,000 rows took over ten minutes).</summary>
    private static int EventsPerCase(int size) => size <= 1_000 ? 20 : 4;

    public static async Task RunAsync(TableServiceClient tables, IReadOnlyList<int> sizes, int repeats, Action<string> report)
    {
        foreach (var size in sizes)
        {
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var cases = tables.GetTableClient("listcases" + suffix);
            var indexTable = tables.GetTableClient("listindex" + suffix);
            await cases.CreateAsync();
            await indexTable.CreateAsync();
            var index = new CaseIndex(tables, Options.Create(new StorageOptions { CaseIndexTable = indexTable.Name }));

            var fill = Stopwatch.StartNew();
            var events = EventsPerCase(size);
            var summaries = Enumerable.Range(1, size).Select(i => Summary(i, events)).ToList();
            await Parallel.ForEachAsync(summaries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (summary, ct) =>
            {
                var snapshot = CaseRows.Summary(summary.Id, summary);
                snapshot["State0"] = new string('s', 3_000);
                var rows = Enumerable.Range(1, events).Select(v => new TableEntity(CaseRows.Partition(summary.Id), CaseRows.EventKey(v)) { ["Version"] = v, ["Json0"] = new string('e', 400) });
                await cases.SubmitTransactionAsync([new(TableTransactionActionType.Add, snapshot), .. rows.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))], ct);
            });
            foreach (var batch in summaries.Chunk(100))
            {
                await indexTable.SubmitTransactionAsync(batch.Select(s => new TableTransactionAction(TableTransactionActionType.Add, CaseIndex.Row(s))));
            }

            report($"{size:N0} cases ({size * (events + 1):N0} case rows: a snapshot and {events} events each) written in {fill.Elapsed.TotalSeconds:0} s");

            // As in use, the rows are older than the index's look-back by the time the lists are read.
            await Task.Delay(CaseIndex.Overlap + TimeSpan.FromSeconds(1));
            var now = DateTimeOffset.UtcNow;
            var queries = new (string Name, CaseListQuery Query)[]
            {
                ("list: open cases, first page", new CaseListQuery()),
                ("search: one organisation", new CaseListQuery($"Förening {size / 2:D5}")),
                ("view: waiting on me, by due date", new CaseListQuery(View: CaseView.Mine, Sort: CaseSort.Due)),
            };
            foreach (var (name, query) in queries)
            {
                var scan = new List<double>();
                var full = new List<double>();
                var steady = new List<double>();
                async Task<int> Scan() => query.Apply(await ScanAsync(cases), now).Total;
                async Task<int> Index() => query.Apply(await index.ListAsync(null, CancellationToken.None), now).Total;

                // The index also searches organisation numbers and contacts, which the snapshots' summary lacked: it may find more, never fewer.
                var (a, b) = (await Scan(), await Index());
                if (b < a)
                {
                    throw new InvalidOperationException($"The scan found {a} cases and the index only {b} for '{name}'.");
                }

                for (var i = 0; i < repeats; i++)
                {
                    scan.Add(await TimeAsync(Scan));

                    // A process's first list (and every ten minutes): every row of the index.
                    index.Forget();
                    full.Add(await TimeAsync(Index));

                    // Afterwards: a case changed meanwhile (by another process: written straight to the table), and the list.
                    var changed = summaries[(i * 7919) % summaries.Count] with { Version = events + 1 + i, UpdatedAt = now };
                    await indexTable.UpsertEntityAsync(CaseIndex.Row(changed), TableUpdateMode.Replace);
                    steady.Add(await TimeAsync(Index));
                }

                var (s, f, x) = (Stats.Of(scan), Stats.Of(full), Stats.Of(steady));
                report($"  {name,-34} {a,5}/{b,5} found · scan p50 {s.P50,5:0} ms (max {s.Max,5:0}) · index, all rows p50 {f.P50,5:0} ms (max {f.Max,5:0}) · index, changes only p50 {x.P50,4:0} ms (max {x.Max,4:0}) · {s.P50 / x.P50,5:0}× faster than the scan");
            }

            await cases.DeleteAsync();
            await indexTable.DeleteAsync();
        }
    }

    private static async Task<double> TimeAsync(Func<Task<int>> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>How the store listed cases before the index: every snapshot row of the table, summary columns only.</summary>
    private static async Task<List<CaseSummary>> ScanAsync(TableClient cases)
    {
        var list = new List<CaseSummary>();
        await foreach (var row in cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {CaseRows.Snapshot}"), select: CaseRows.SummaryColumns))
        {
            list.Add(CaseRows.ReadSummary(row));
        }

        return list;
    }

    /// <summary>A case somewhere in the process: a quarter of them waiting on the coordinator, some overdue.</summary>
    private static CaseSummary Summary(int i, int events)
    {
        var stages = Enum.GetValues<Stage>();
        var received = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero).AddHours(i * 3);
        var mine = i % 4 == 0;
        return new CaseSummary(CaseId.New(), new RegistrationNumber($"KS {received.Year}/{i}", received.Year, i), $"Förening {i:D5}", stages[i % stages.Length], received, received, received.AddDays(30 + (i % 60)), events)
        {
            OrganisationNumber = $"80{i:D4}-{i % 10000:D4}",
            ContactName = $"Kontakt {i}",
            ContactEmail = $"kontakt{i}@example.org",
            WaitingOn = ValueList.Of(mine ? new Awaited(PartyKind.Coordinator, "", null, received.AddDays(30)) : new Awaited(PartyKind.Organisation, $"Kontakt {i}", $"Förening {i:D5}", received.AddDays(30))),
        };
    }
}
