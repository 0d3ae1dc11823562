using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Storage.Cases;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Bench;

/// <summary>
/// Issue 10's measurements, black-box, for two versions of the app in one run: each version is published into its own
/// folder and run as a child process (<c>dotnet Iop.Functions.dll</c>, Development) on an in-memory Azurite of its own,
/// driven through its HTTP API and pages, and observed through storage (the local outbox table, the case's rows) and
/// /proc. Every measurement runs before, then after, back to back, so both see the same machine.
/// </summary>
internal static class WorkflowBenchmarks
{
    private const string Usage =
        "Usage: dotnet run -c Release --project bench/Iop.Bench -- workflow [--before 50dcdf8] [--after .|<commit>] [--initiatives 40] " +
        "[--reminder-cases 20] [--reminder-spacing 3] [--reminder-scale 100800] [--open 0,100,1000] [--idle 60] [--concurrency 8] [--storage-seconds 10] " +
        "[--only latency,reminders,open,storage] [--work /tmp/iop-bench]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.WriteLine(Usage);
            return 2;
        }

        var repoRoot = AzuriteProcess.RepositoryRoot();
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Workflow benchmark · {Environment.ProcessorCount} cores · {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC · work folder {options.Work}");
        Console.WriteLine("Preparing the two versions:");
        var builds = new[]
        {
            await AppBuild.PrepareAsync("before", options.Before, repoRoot, options.Work),
            await AppBuild.PrepareAsync("after", options.After, repoRoot, options.Work),
        };
        foreach (var b in builds)
        {
            Console.WriteLine($"  {b.Label,-6} = {b.Description}");
        }

        Console.WriteLine($"  prepared in {total.Elapsed.TotalSeconds:0} s");
        var logs = Path.Combine(options.Work, "logs", DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var results = builds.ToDictionary(b => b.Label, _ => new VersionResults(), StringComparer.Ordinal);

        if (options.Runs("storage"))
        {
            Console.WriteLine($"\n4. Synchronous case commands: each version's own `storage` benchmark ({options.StorageSeconds} s, {options.StorageWorkers} workers), in-process against its library");
            foreach (var b in builds)
            {
                results[b.Label].Storage = await StorageAsync(b, options);
            }
        }

        if (options.Runs("latency"))
        {
            Console.WriteLine($"\n1. Effect latency: {options.Initiatives} initiatives 1 s apart (idle); commit = the case's first event row, visible = the acknowledgement's row in the local outbox (both Azurite's own timestamps)");
            foreach (var b in builds)
            {
                results[b.Label].Latency = await EffectLatencyAsync(b, options, logs);
            }
        }

        if (options.Runs("reminders"))
        {
            Console.WriteLine($"\n2. Reminder accuracy: {options.ReminderCases} cases put into partner vetting {options.ReminderSpacing:0.#} s apart, clock ×{options.ReminderScale:0} (a day = {86400 / options.ReminderScale:0.000} s)");
            foreach (var b in builds)
            {
                results[b.Label].Reminders = await RemindersAsync(b, options, logs);
            }
        }

        if (options.Runs("open"))
        {
            Console.WriteLine($"\n3. Open cases waiting on a timer (partner vetting, first reminder 18 days ahead): an idle {options.IdleSeconds} s window at {string.Join(" and ", options.Open)} open cases");
            foreach (var b in builds)
            {
                results[b.Label].Open = await OpenCasesAsync(b, options, logs);
            }
        }

        Console.WriteLine();
        Console.WriteLine(Summary(builds, results, options));
        Console.WriteLine($"Whole run: {total.Elapsed.TotalMinutes:0.0} min. App logs: {logs}");
        return 0;
    }

    // ---- 1. Effect latency -------------------------------------------------------------------------------------------

    private static async Task<Latency> EffectLatencyAsync(AppBuild build, Options options, string logs)
    {
        await using var azurite = await AzuriteProcess.StartInMemoryAsync();
        await using var app = await RunningApp.StartAsync(build, azurite.ConnectionString, new Dictionary<string, string>(), Path.Combine(logs, $"{build.Label}-latency.log"));
        using var driver = new IopDriver(app.BaseAddress);
        var tables = new TableServiceClient(azurite.ConnectionString);

        // Warm-up: the first commands and deliveries pay for JIT, table creation and connections.
        var warm = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            warm.Add(await driver.SubmitAsync(i));
        }

        await WaitForMailsAsync(tables, warm, version: 1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var submitted = new List<(string Id, DateTimeOffset Answered)>();
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < options.Initiatives; i++)
        {
            var wait = TimeSpan.FromSeconds(i) - pace.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var id = await driver.SubmitAsync(100 + i);
            submitted.Add((id, DateTimeOffset.UtcNow));
        }

        var mails = await WaitForMailsAsync(tables, submitted.Select(s => s.Id).ToList(), version: 1, TimeSpan.FromSeconds(60));
        var cases = tables.GetTableClient("cases");
        var commitToMail = new List<double>();
        var answerToMail = new List<double>();
        foreach (var (id, answered) in submitted)
        {
            if (!mails.TryGetValue(id, out var mail))
            {
                continue;
            }

            var commit = (await cases.GetEntityAsync<TableEntity>(id, CaseRows.EventKey(1), ["Timestamp"])).Value.Timestamp!.Value;
            commitToMail.Add((mail - commit).TotalMilliseconds);
            answerToMail.Add((mail - answered).TotalMilliseconds);
        }

        var result = new Latency(options.Initiatives, commitToMail.Count, Stats.Of(commitToMail), Stats.Of(answerToMail));
        Console.WriteLine($"  {build.Label,-6} {Load()} · {result.Delivered}/{result.Submitted} acknowledgements · commit → mail visible: {result.CommitToMail} · API answer → mail visible: {result.AnswerToMail}");
        return result;
    }

    /// <summary>
    /// Waits until every case has a mail of <paramref name="version"/> in the local outbox (idempotency key
    /// <c>{case}/{version}/{index}</c>, the same in both versions); the earliest such row's timestamp per case.
    /// </summary>
    private static async Task<Dictionary<string, DateTimeOffset>> WaitForMailsAsync(TableServiceClient tables, List<string> ids, int version, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var found = await MailsAsync(tables, version);
            var mine = ids.Where(found.ContainsKey).ToDictionary(id => id, id => found[id], StringComparer.Ordinal);
            if (mine.Count == ids.Count || waited.Elapsed > timeout)
            {
                return mine;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<Dictionary<string, DateTimeOffset>> MailsAsync(TableServiceClient tables, int version)
    {
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var marker = string.Create(CultureInfo.InvariantCulture, $"/{version}/");
        try
        {
            await foreach (var row in tables.GetTableClient("devoutbox").QueryAsync<TableEntity>("PartitionKey eq 'mail'", select: ["IdempotencyKey", "Timestamp"]))
            {
                var key = row.GetString("IdempotencyKey") ?? "";
                var slash = key.IndexOf('/', StringComparison.Ordinal);
                if (slash > 0 && key.AsSpan(slash).StartsWith(marker, StringComparison.Ordinal))
                {
                    var id = key[..slash];
                    var at = row.Timestamp!.Value;
                    found[id] = found.TryGetValue(id, out var earlier) && earlier < at ? earlier : at;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No mail yet: the table is created with the first one.
        }

        return found;
    }

    // ---- 2. Reminder accuracy ----------------------------------------------------------------------------------------

    private static async Task<Reminders> RemindersAsync(AppBuild build, Options options, string logs)
    {
        var scale = options.ReminderScale;
        var epoch = DateTimeOffset.UtcNow;
        TimeSpan Real(TimeSpan recordSpan) => recordSpan / scale;
        DateTimeOffset RealAt(DateTimeOffset recordAt) => epoch + Real(recordAt - epoch);

        await using var azurite = await AzuriteProcess.StartInMemoryAsync();
        var settings = new Dictionary<string, string>
        {
            ["Clock:Scale"] = scale.ToString("R", CultureInfo.InvariantCulture),
            ["Clock:Epoch"] = epoch.ToString("O", CultureInfo.InvariantCulture),
        };
        await using var app = await RunningApp.StartAsync(build, azurite.ConnectionString, settings, Path.Combine(logs, $"{build.Label}-reminders.log"));
        using var driver = new IopDriver(app.BaseAddress, signInPerCommand: true);
        await driver.SignInAsync();
        var warm = await driver.NewCaseInVettingAsync(0);
        await WaitForMailsAsync(new TableServiceClient(azurite.ConnectionString), [warm], version: 3, TimeSpan.FromSeconds(30));

        var cadence = PolicyProfileLoader.LoadBuiltIn().Reminders;
        var lastStep = TimeSpan.FromDays(cadence.DueDays + (2 * cadence.RepeatEveryDaysOverdue));
        var ids = new List<string>();
        var pace = Stopwatch.StartNew();
        for (var i = 0; i < options.ReminderCases; i++)
        {
            var wait = TimeSpan.FromSeconds(i * options.ReminderSpacing) - pace.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            ids.Add(await driver.NewCaseInVettingAsync(100 + i));
        }

        // Every case is followed to its second weekly reminder; a step is expected when it fell due at least `grace`
        // before the rows are read, so one later than that (or never taken) counts as missing.
        var grace = TimeSpan.FromSeconds(5);
        var end = DateTimeOffset.UtcNow + Real(lastStep) + grace;
        await Task.Delay(end - DateTimeOffset.UtcNow);
        var cutoff = end - grace;

        var cases = new TableServiceClient(azurite.ConnectionString).GetTableClient("cases");
        var lateness = new List<double>();
        var missing = 0;
        var missingByStep = new SortedDictionary<double, int>();
        var commits = 0;
        foreach (var id in ids)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in cases.QueryAsync<TableEntity>($"PartitionKey eq '{id}' and RowKey ge '{CaseRows.EventPrefix}' and RowKey lt '{CaseRows.EventEnd}'"))
            {
                rows.Add(row);
            }

            var events = rows.Select(r => (Event: CaseRows.ReadEvent(r), Committed: r.Timestamp!.Value)).ToList();
            var started = events.Select(e => e.Event).OfType<PartnerVettingStarted>().Single();
            var dues = started.Requests.Select(r => r.DueAt).Concat(started.DeclarationDueAt is { } declarationDue ? [declarationDue] : []).Distinct().ToList();

            // When each step was first committed (a reminder or an escalation event), by the step's own time.
            var firstCommit = new Dictionary<DateTimeOffset, DateTimeOffset>();
            foreach (var (e, committed) in events)
            {
                var steps = e switch
                {
                    ReminderSent r => r.Steps,
                    OverdueEscalated o => o.Steps,
                    _ => null,
                };
                if (steps is null)
                {
                    continue;
                }

                commits++;
                foreach (var key in steps)
                {
                    var at = StepTime(key, dues, cadence, TimeSpan.FromDays(365));
                    if (!firstCommit.TryGetValue(at, out var earlier) || committed < earlier)
                    {
                        firstCommit[at] = committed;
                    }
                }
            }

            // The steps that fell due (by the schedule, on the record's clock) before the cut-off, one per instant.
            var expected = dues
                .SelectMany(d => ReminderSchedule.StepsFor("x", d, cadence, d + lastStep).Select(s => (s.At, Days: (s.At - d).TotalDays)))
                .DistinctBy(s => s.At)
                .Where(s => RealAt(s.At) <= cutoff);
            foreach (var (at, days) in expected)
            {
                if (firstCommit.TryGetValue(at, out var committed))
                {
                    lateness.Add((committed - RealAt(at)).TotalMilliseconds);
                }
                else
                {
                    missing++;
                    missingByStep[days] = missingByStep.GetValueOrDefault(days) + 1;
                }
            }
        }

        var result = new Reminders(ids.Count, lateness.Count, missing, commits, Stats.Of(lateness));
        var which = string.Join(", ", missingByStep.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Value} at due {m.Key:+0;-0;±0} d")));
        Console.WriteLine($"  {build.Label,-6} {Load()} · {result.Steps} step instants from {result.Cases} cases ({result.Commits} reminder/escalation events), {result.Missing} missing{(which.Length > 0 ? $" ({which})" : "")} · due → committed (real time): {result.Lateness}");
        return result;
    }

    /// <summary>
    /// A step key is <c>{item}|{due, yyyyMMddTHHmm}|{kind}</c> (ReminderSchedule, the same in both versions): its time
    /// on the record's clock, from the item's exact due date.
    /// </summary>
    private static DateTimeOffset StepTime(string key, IReadOnlyList<DateTimeOffset> dues, ReminderCadence cadence, TimeSpan horizon)
    {
        var parts = key.Split('|');
        var due = dues.FirstOrDefault(d => d.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture) == parts[1]);
        if (due == default)
        {
            throw new InvalidOperationException($"Step {key} matches no due date of the case.");
        }

        return ReminderSchedule.StepsFor(parts[0], due, cadence, due + horizon).First(s => s.Key == key).At;
    }

    // ---- 3. Open cases waiting on a timer ----------------------------------------------------------------------------

    private static async Task<List<OpenCases>> OpenCasesAsync(AppBuild build, Options options, string logs)
    {
        await using var azurite = await AzuriteProcess.StartInMemoryAsync();
        await using var proxy = CountingProxy.Start(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        await using var app = await RunningApp.StartAsync(build, proxy.ConnectionString, new Dictionary<string, string>(), Path.Combine(logs, $"{build.Label}-open.log"));
        using var driver = new IopDriver(app.BaseAddress);
        await driver.SignInAsync();

        // The bench reads storage directly, past the proxy: only the app's requests are counted.
        var tables = new TableServiceClient(azurite.ConnectionString);
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var results = new List<OpenCases>();
        var ids = new List<string>();
        foreach (var target in options.Open)
        {
            var creating = Stopwatch.StartNew();
            var fresh = Enumerable.Range(ids.Count, target - ids.Count).ToList();
            var created = new System.Collections.Concurrent.ConcurrentBag<string>();
            await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (n, _) => created.Add(await driver.NewCaseInVettingAsync(n)));
            ids.AddRange(created);
            var commandsSeconds = creating.Elapsed.TotalSeconds;

            // Armed: every case's portal-link mail is out and a timer is set for each (after: a wait row written by the
            // wait's PlanWait before it sleeps on its durable timer; before: a delayed message on the timers queue).
            // Then idle: no work left queued (the outbox signals, both versions; Durable Task's work items, after), so the
            // window sees what waiting costs, not a backlog being drained.
            var (mailed, armed, backlog) = (0, 0, 0);
            while (creating.Elapsed < TimeSpan.FromMinutes(options.ArmTimeoutMinutes))
            {
                mailed = (await MailsAsync(tables, version: 3)).Count;
                armed = Math.Max(await WaitRowsAsync(tables), await QueueLengthAsync(queues, "timers"));
                backlog = await QueueLengthAsync(queues, "outbox") + await QueueLengthAsync(queues, "iop-workitems");
                if (mailed >= ids.Count && armed >= ids.Count && backlog == 0)
                {
                    break;
                }

                await Task.Delay(2000);
            }

            var armedSeconds = creating.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(15)); // settle: the last deliveries' own follow-ups

            var samples = new List<ProcessSample>();
            var before = proxy.Snapshot();
            var first = app.Sample();
            var window = Stopwatch.StartNew();
            while (window.Elapsed < TimeSpan.FromSeconds(options.IdleSeconds))
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, options.IdleSeconds - window.Elapsed.TotalSeconds + 0.01)));
                samples.Add(app.Sample());
            }

            var after = proxy.Snapshot();
            var minutes = window.Elapsed.TotalMinutes;
            var perKind = after.ToDictionary(k => k.Key, k => (k.Value - before.GetValueOrDefault(k.Key)) / minutes, StringComparer.Ordinal);
            var last = samples[^1];
            var result = new OpenCases(
                ids.Count, mailed, armed, backlog, commandsSeconds, armedSeconds,
                perKind.Values.Sum(),
                perKind.Where(k => k.Value > 0).GroupBy(k => k.Key.Split(' ')[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(k => k.Value), StringComparer.Ordinal),
                [.. perKind.Where(k => k.Value > 0).OrderByDescending(k => k.Value).Take(6)],
                last, samples.Max(s => s.RssMb), (last.CpuSeconds - first.CpuSeconds) / minutes);
            Console.WriteLine($"  {build.Label,-6} {Load()} · {result.Describe()}");
            results.Add(result);
        }

        return results;
    }

    private static async Task<int> WaitRowsAsync(TableServiceClient tables)
    {
        var count = 0;
        await foreach (var _ in tables.GetTableClient("cases").QueryAsync<TableEntity>("RowKey ge 'wait-' and RowKey lt 'wait.'", select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Messages on a queue (delayed ones included); 0 when the version under test has no such queue.</summary>
    private static async Task<int> QueueLengthAsync(QueueServiceClient queues, string name)
    {
        try
        {
            return (await queues.GetQueueClient(name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    // ---- 4. Synchronous case commands --------------------------------------------------------------------------------

    private static async Task<List<string>> StorageAsync(AppBuild build, Options options)
    {
        var output = await Shell.RunAsync("dotnet", [build.BenchDll, "storage", options.StorageSeconds.ToString(CultureInfo.InvariantCulture), options.StorageWorkers.ToString(CultureInfo.InvariantCulture)], build.SourceRoot);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("raw 2-entity", StringComparison.Ordinal) || l.StartsWith("case commands", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"  {build.Label,-6} {Load()}");
        foreach (var line in lines)
        {
            Console.WriteLine($"  {build.Label,-6} {line}");
        }

        return lines;
    }

    /// <summary>The machine's 1-minute load average at the end of a measurement: how much else ran (2 cores = 2.0 busy).</summary>
    private static string Load() =>
        "load " + File.ReadAllText("/proc/loadavg").Split(' ')[0];

    // ---- Summary ----------------------------------------------------------------------------------------------------

    private static string Summary(AppBuild[] builds, Dictionary<string, VersionResults> results, Options options)
    {
        var b = results["before"];
        var a = results["after"];
        var rows = new List<(string Name, string Before, string After, string Target)>();
        if (b.Latency is { } lb && a.Latency is { } la)
        {
            rows.Add(("1. effect latency p50, commit → mail (ms)", F(lb.CommitToMail.P50), F(la.CommitToMail.P50), "≤ 250"));
            rows.Add(("   effect latency p99 (ms)", F(lb.CommitToMail.P99), F(la.CommitToMail.P99), "≤ 1000"));
            rows.Add(("   effect latency max (ms)", F(lb.CommitToMail.Max), F(la.CommitToMail.Max), ""));
            rows.Add(("   delivered / submitted", $"{lb.Delivered}/{lb.Submitted}", $"{la.Delivered}/{la.Submitted}", "all"));
        }

        if (b.Reminders is { } rb && a.Reminders is { } ra)
        {
            rows.Add(("2. reminder lateness p50, due → committed (ms)", F(rb.Lateness.P50), F(ra.Lateness.P50), ""));
            rows.Add(("   reminder lateness p99 (ms)", F(rb.Lateness.P99), F(ra.Lateness.P99), "≤ 2000"));
            rows.Add(("   reminder lateness max (ms)", F(rb.Lateness.Max), F(ra.Lateness.Max), ""));
            rows.Add(("   steps measured / missing", $"{rb.Steps} / {rb.Missing}", $"{ra.Steps} / {ra.Missing}", "0 missing"));
        }

        for (var i = 0; i < Math.Min(b.Open.Count, a.Open.Count); i++)
        {
            var (ob, oa) = (b.Open[i], a.Open[i]);
            rows.Add(($"3. {ob.Cases} open cases: storage requests / idle min", F(ob.RequestsPerMinute), F(oa.RequestsPerMinute), "flat"));
            rows.Add(("   RSS / private (MB)", $"{ob.End.RssMb:0} / {ob.End.PrivateMb:0}", $"{oa.End.RssMb:0} / {oa.End.PrivateMb:0}", "flat"));
            rows.Add(("   CPU s / idle min", $"{ob.CpuSecondsPerMinute:0.00}", $"{oa.CpuSecondsPerMinute:0.00}", ""));
            rows.Add(("   created (commands) / armed+drained (s)", $"{ob.CommandsSeconds:0} / {ob.ArmedSeconds:0}", $"{oa.CommandsSeconds:0} / {oa.ArmedSeconds:0}", ""));
        }

        if (b.Storage.Count > 0 && a.Storage.Count > 0)
        {
            foreach (var (lineB, lineA) in b.Storage.Zip(a.Storage))
            {
                var (name, rateB, p99B) = StorageLine(lineB);
                var (_, rateA, p99A) = StorageLine(lineA);
                rows.Add(($"4. {name}: ops/s · p99 ms", $"{rateB:0} · {p99B:0.0}", $"{rateA:0} · {p99A:0.0}", "within noise"));
            }
        }

        var width = Math.Max(48, rows.Max(r => r.Name.Length) + 2);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Summary · before = {builds[0].Description}");
        text.AppendLine(CultureInfo.InvariantCulture, $"          after  = {builds[1].Description}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"measurement".PadRight(width)}{"before",16}{"after",16}  {"target"}");
        foreach (var (name, before, after, target) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name.PadRight(width)}{before,16}{after,16}  {target}");
        }

        text.Append(CultureInfo.InvariantCulture, $"({Environment.ProcessorCount} cores shared with other work; reminder clock ×{options.ReminderScale:0}, lateness converted to real time)");
        return text.ToString();

        static string F(double v) => v.ToString("0", CultureInfo.InvariantCulture);
    }

    private static (string Name, double Rate, double P99) StorageLine(string line)
    {
        var numbers = line[42..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return (line[..42].Trim(), numbers[0], numbers[3]);
    }

    private sealed class VersionResults
    {
        public Latency? Latency { get; set; }

        public Reminders? Reminders { get; set; }

        public List<OpenCases> Open { get; set; } = [];

        public List<string> Storage { get; set; } = [];
    }

    private sealed record Latency(int Submitted, int Delivered, Stats CommitToMail, Stats AnswerToMail);

    private sealed record Reminders(int Cases, int Steps, int Missing, int Commits, Stats Lateness);

    private sealed record OpenCases(
        int Cases, int Mailed, int Armed, int Backlog, double CommandsSeconds, double ArmedSeconds, double RequestsPerMinute,
        Dictionary<string, double> PerService, List<KeyValuePair<string, double>> TopKinds, ProcessSample End, double MaxRssMb, double CpuSecondsPerMinute)
    {
        public string Describe()
        {
            var services = string.Join(", ", PerService.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:0}"));
            var kinds = string.Join("; ", TopKinds.Select(k => $"{k.Key} {k.Value:0}"));
            return $"{Cases} open cases (mailed {Mailed}, timers armed {Armed}, queued work left {Backlog}); commands took {CommandsSeconds:0.0} s, armed and drained after {ArmedSeconds:0.0} s\n" +
                   $"         idle: {RequestsPerMinute:0} storage requests/min ({services})\n" +
                   $"         most frequent: {kinds}\n" +
                   $"         memory at the end: RSS {End.RssMb:0} MB, private {End.PrivateMb:0} MB, anonymous {End.AnonMb:0} MB (max RSS {MaxRssMb:0} MB); {End.Threads} threads; CPU {CpuSecondsPerMinute:0.00} s per idle minute";
        }
    }

    private sealed record Options(
        string Before, string After, string Work, int Initiatives, int ReminderCases, double ReminderSpacing, double ReminderScale, int[] Open, int IdleSeconds,
        int Concurrency, int StorageSeconds, int StorageWorkers, int ArmTimeoutMinutes, HashSet<string> Only)
    {
        public bool Runs(string measurement) => Only.Count == 0 || Only.Contains(measurement);

        public static Options? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    return null;
                }

                values[args[i][2..]] = args[++i];
            }

            string S(string key, string fallback) => values.GetValueOrDefault(key, fallback);
            int I(string key, int fallback) => int.Parse(S(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            var known = new[] { "before", "after", "work", "initiatives", "reminder-cases", "reminder-spacing", "reminder-scale", "open", "idle", "concurrency", "storage-seconds", "storage-workers", "arm-timeout", "only" };
            if (values.Keys.Any(k => !known.Contains(k)))
            {
                return null;
            }

            return new Options(
                S("before", "50dcdf8"),
                S("after", "."),
                Path.GetFullPath(S("work", Path.Combine(Path.GetTempPath(), "iop-bench"))),
                I("initiatives", 40),
                I("reminder-cases", 20),
                double.Parse(S("reminder-spacing", "3"), CultureInfo.InvariantCulture),
                double.Parse(S("reminder-scale", "100800"), CultureInfo.InvariantCulture),
                [.. S("open", "0,100,1000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))],
                I("idle", 60),
                I("concurrency", 8),
                I("storage-seconds", 10),
                I("storage-workers", 8),
                I("arm-timeout", 15),
                [.. S("only", "").Split(',', StringSplitOptions.RemoveEmptyEntries)]);
        }
    }
}
