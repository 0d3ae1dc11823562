using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Iop.Functions.Storage.Azurite;

namespace Iop.Bench;

/// <summary>
/// Issue 12's load run, black-box, for two versions of the app in one run (published and started as the workflow
/// benchmark does, each on an in-memory Azurite of its own): cases are seeded, then 1, 4, 16 and 32 concurrent clients
/// each run the mixed workload of <see cref="LoadClient"/> for a fixed time per level; then a burst of concurrent
/// initiative submissions, a burst of concurrent assessments of one case, and a check that the registration numbers
/// are gap-free and never twice.
/// </summary>
internal static partial class LoadBenchmarks
{
    private static readonly string[] GroupNames = ["pages", "commands", "intake"];

    private const string Usage =
        "Usage: dotnet run -c Release --project bench/Iop.Bench -- load [--before 5ba7037] [--after .|<commit>] [--seconds 20] [--levels 1,4,16,32] " +
        "[--cases 30] [--portal-cases 6] [--burst 32] [--hot-case 50] [--versions before,after] [--count-storage false] [--work /tmp/iop-bench]";

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
        Console.WriteLine($"Load benchmark · {Environment.ProcessorCount} cores · {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC · {options.Seconds} s per level · work folder {options.Work}");
        Console.WriteLine("Preparing the versions:");
        var builds = new List<AppBuild>();
        foreach (var (label, source) in new[] { ("before", options.Before), ("after", options.After) }.Where(v => options.Versions.Contains(v.Item1)))
        {
            builds.Add(await AppBuild.PrepareAsync(label, source, repoRoot, options.Work));
        }

        foreach (var b in builds)
        {
            Console.WriteLine($"  {b.Label,-6} = {b.Description}");
        }

        var logs = Path.Combine(options.Work, "logs", DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var results = new List<VersionResult>();
        foreach (var build in builds)
        {
            results.Add(await RunVersionAsync(build, options, logs));
        }

        Console.WriteLine();
        Console.WriteLine(Summary(builds, results, options));
        Console.WriteLine($"Whole run: {total.Elapsed.TotalMinutes:0.0} min. App logs: {logs}");
        return 0;
    }

    private static async Task<VersionResult> RunVersionAsync(AppBuild build, Options options, string logs)
    {
        Console.WriteLine($"\n== {build.Label}: {build.Description}");
        await using var azurite = await AzuriteProcess.StartInMemoryAsync();

        // Optionally through a counting proxy, to see which storage requests each level makes (it adds a hop).
        await using var proxy = options.CountStorage ? CountingProxy.Start(azurite.BlobPort, azurite.QueuePort, azurite.TablePort) : null;
        await using var app = await RunningApp.StartAsync(build, proxy?.ConnectionString ?? azurite.ConnectionString, new Dictionary<string, string>(), Path.Combine(logs, $"{build.Label}-load.log"));
        Console.WriteLine($"  app pid {app.ProcessId} on {app.BaseAddress}");
        var tables = new TableServiceClient(azurite.ConnectionString);

        var seeding = Stopwatch.StartNew();
        var site = await SeedAsync(app.BaseAddress, tables, options);
        Console.WriteLine($"  seeded {site.Screening.Count} cases in screening and {site.PortalLinks.Count} in partner vetting in {seeding.Elapsed.TotalSeconds:0} s");

        var clients = Enumerable.Range(0, Math.Max(options.Levels.Max(), options.Burst)).Select(i => new LoadClient(app.BaseAddress, site, seed: i)).ToList();
        try
        {
            await Task.WhenAll(clients.Select(c => c.SignInAsync()));

            // Warm-up, not measured: JIT, connection pools, the first table scans.
            await RunLevelAsync(clients.Take(4).ToList(), TimeSpan.FromSeconds(5));
            LoadClient.Errors.TakeAll();

            var levels = new List<LevelResult>();
            foreach (var level in options.Levels)
            {
                var started = app.Sample();
                var storageBefore = proxy?.Snapshot();
                var watch = Stopwatch.StartNew();
                var samples = await RunLevelAsync(clients.Take(level).ToList(), TimeSpan.FromSeconds(options.Seconds));
                var elapsed = watch.Elapsed;
                var cpu = (app.Sample().CpuSeconds - started.CpuSeconds) / elapsed.TotalSeconds;
                var result = LevelResult.Of(level, samples, elapsed, cpu, Load());
                levels.Add(result);
                Console.WriteLine(result.Describe());
                if (proxy is not null && storageBefore is not null)
                {
                    var counted = proxy.Snapshot().Select(k => (k.Key, Count: k.Value - storageBefore.GetValueOrDefault(k.Key))).Where(k => k.Count > 0).OrderByDescending(k => k.Count).ToList();
                    var all = counted.Sum(k => k.Count);
                    Console.WriteLine($"    storage: {all / elapsed.TotalSeconds:0} requests/s, {(double)all / samples.Count:0.0} per HTTP request; most frequent: " +
                        string.Join("; ", counted.Take(10).Select(k => $"{k.Key} {k.Count / elapsed.TotalSeconds:0.0}/s")));
                }
                foreach (var error in LoadClient.Errors.TakeAll())
                {
                    Console.WriteLine($"      e.g. {error}");
                }
            }

            // The burst: every client submits one initiative at the same instant.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = clients.Take(options.Burst).Select(async c =>
            {
                await go.Task;
                return await c.SubmitAsync();
            }).ToList();
            go.SetResult();
            var burstSamples = await Task.WhenAll(burst);
            var burstStats = Stats.Of(burstSamples.Select(s => s.Milliseconds));
            var burstErrors = burstSamples.Count(s => s.IsError);
            Console.WriteLine($"  burst of {options.Burst} concurrent initiative submissions: {burstStats}, errors {burstErrors}");
            foreach (var error in LoadClient.Errors.TakeAll())
            {
                Console.WriteLine($"      e.g. {error}");
            }

            // The hot case: 50 assessments of one case at the same instant, as issue 12's tester sent them.
            var hot = await HotCaseAsync(clients, site.Screening[0], options.HotCase);
            Console.WriteLine($"  {options.HotCase} concurrent assessments of one case: {hot}");
            foreach (var error in LoadClient.Errors.TakeAll())
            {
                Console.WriteLine($"      e.g. {error}");
            }

            var numbers = await RegistrationNumbersAsync(clients[0], tables);
            Console.WriteLine($"  registration numbers: {numbers}");
            return new VersionResult(build.Label, levels, burstStats, burstErrors, hot, numbers);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<List<Sample>> RunLevelAsync(List<LoadClient> clients, TimeSpan duration)
    {
        using var until = new CancellationTokenSource(duration);
        var perClient = clients.Select(_ => new List<Sample>()).ToList();
        await Task.WhenAll(clients.Select((c, i) => Task.Run(() => c.RunAsync(perClient[i], until.Token))));
        return [.. perClient.SelectMany(s => s)];
    }

    /// <summary>Answers by status (how many of each) and the slowest answer.</summary>
    private static async Task<string> HotCaseAsync(List<LoadClient> clients, string caseId, int count)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = Enumerable.Range(0, count).Select(async i =>
        {
            await go.Task;
            return await clients[i % clients.Count].AssessAsync(caseId);
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(posts);
        var statuses = string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}"));
        return $"{statuses}; slowest {answers.Max(a => a.Milliseconds):0} ms";
    }

    /// <summary>Cases in screening through the initiative API, and cases in partner vetting with their portal links from the mails.</summary>
    private static async Task<LoadSite> SeedAsync(Uri baseAddress, TableServiceClient tables, Options options)
    {
        using var driver = new IopDriver(baseAddress);
        await driver.SignInAsync();
        var cases = new List<string>();
        for (var i = 0; i < options.Cases; i++)
        {
            cases.Add(await driver.SubmitAsync(i));
        }

        var vetting = new List<string>();
        for (var i = 0; i < options.PortalCases; i++)
        {
            vetting.Add(await driver.NewCaseInVettingAsync(10_000 + i));
        }

        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var waited = Stopwatch.StartNew();
        while (links.Count < vetting.Count)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new InvalidOperationException($"Only {links.Count} of {vetting.Count} portal-link mails arrived within 120 s.");
            }

            await Task.Delay(500);
            try
            {
                await foreach (var row in tables.GetTableClient("devoutbox").QueryAsync<TableEntity>("PartitionKey eq 'mail'", select: ["IdempotencyKey", "Text"]))
                {
                    var key = row.GetString("IdempotencyKey") ?? "";
                    var id = vetting.FirstOrDefault(v => key.StartsWith($"{v}/3/", StringComparison.Ordinal));
                    if (id is not null && PortalLink().Match(row.GetString("Text") ?? "") is { Success: true } link)
                    {
                        links[id] = new Uri(link.Value).PathAndQuery;
                    }
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // No mail yet: the table is created with the first one.
            }
        }

        return new LoadSite(cases, vetting, [.. links.Values]);
    }

    /// <summary>The numbers on the cases (API) and in the registry: 1..N each, none twice.</summary>
    private static async Task<string> RegistrationNumbersAsync(LoadClient client, TableServiceClient tables)
    {
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/cases"));
        var onCases = list.RootElement.EnumerateArray().Select(c => c.GetProperty("number").GetProperty("sequence").GetInt32()).Order().ToList();
        var registered = new List<int>();
        await foreach (var row in tables.GetTableClient("registry").QueryAsync<TableEntity>("RowKey ge 'number-' and RowKey lt 'number.'", select: ["RowKey"]))
        {
            registered.Add(int.Parse(row.RowKey["number-".Length..], CultureInfo.InvariantCulture));
        }

        registered.Sort();
        var casesGapFree = onCases.SequenceEqual(Enumerable.Range(1, onCases.Count));
        var registryGapFree = registered.SequenceEqual(Enumerable.Range(1, registered.Count));
        return $"{onCases.Count} cases numbered {(casesGapFree ? "1.." + onCases.Count + ", gap-free, none twice" : "WITH GAPS OR DUPLICATES")}; " +
               $"registry {registered.Count} numbers {(registryGapFree ? "gap-free" : "WITH GAPS")}{(registered.Count == onCases.Count ? "" : $" ({registered.Count - onCases.Count} without a case)")}";
    }

    private static string Load() => "load " + File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static string Summary(List<AppBuild> builds, List<VersionResult> results, Options options)
    {
        var text = new StringBuilder();
        foreach (var b in builds)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{b.Label,-6} = {b.Description}");
        }

        var header = string.Join("", results.Select(r => $"{r.Label,18}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"clients · measurement",-40}{header}  target");
        foreach (var level in options.Levels)
        {
            string Row(Func<LevelResult, string> value) => string.Join("", results.Select(r => $"{value(r.Levels.Single(l => l.Clients == level)),18}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"{$"{level,2} · requests/s",-40}{Row(l => F(l.PerSecond))}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{$"{level,2} · errors / expected 409s",-40}{Row(l => $"{l.Errors} / {l.Conflicts}")}  0 errors");
            foreach (var group in GroupNames)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{$"{level,2} · {group} p50 / p99 (ms)",-40}{Row(l => $"{F(l.Groups[group].P50)} / {F(l.Groups[group].P99)}")}{(level == 16 && group != "intake" ? "  p99 < 1000" : "")}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{$"burst of {options.Burst}: intake p50 / p99 (ms)",-40}{string.Join("", results.Select(r => $"{$"{F(r.Burst.P50)} / {F(r.Burst.P99)}",18}"))}  p99 < 2000");
        text.AppendLine(CultureInfo.InvariantCulture, $"{$"burst of {options.Burst}: errors",-40}{string.Join("", results.Select(r => $"{r.BurstErrors,18}"))}  0");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Label,-6} {options.HotCase} concurrent assessments of one case: {r.HotCase}");
        }

        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Label,-6} registration numbers: {r.Numbers}");
        }

        text.Append(CultureInfo.InvariantCulture, $"({Environment.ProcessorCount} cores shared by the app, its Azurite and the clients)");
        return text.ToString();
    }

    private static string F(double v) => double.IsNaN(v) ? "–" : v.ToString("0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"https?://[^\s""<>]+/portal/[A-Za-z0-9_\-\.]+")]
    private static partial Regex PortalLink();

    private sealed record VersionResult(string Label, List<LevelResult> Levels, Stats Burst, int BurstErrors, string HotCase, string Numbers);

    private sealed record LevelResult(int Clients, double PerSecond, int Errors, int Conflicts, Dictionary<RequestKind, (Stats Stats, int Errors, int Conflicts)> Kinds, Dictionary<string, Stats> Groups, double CpuCores, string Load)
    {
        public static LevelResult Of(int clients, List<Sample> samples, TimeSpan elapsed, double cpuCores, string load) => new(
            clients,
            samples.Count / elapsed.TotalSeconds,
            samples.Count(s => s.IsError),
            samples.Count(s => s.IsConflict),
            samples.GroupBy(s => s.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (Stats.Of(g.Select(s => s.Milliseconds)), g.Count(s => s.IsError), g.Count(s => s.IsConflict))),
            GroupNames.ToDictionary(g => g, g => Stats.Of(samples.Where(s => LoadClient.Group(s.Kind) == g).Select(s => s.Milliseconds)), StringComparer.Ordinal),
            cpuCores,
            load);

        public string Describe()
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Clients} clients: {PerSecond:0.0} requests/s, {Errors} errors, {Conflicts} expected 409s; app CPU {CpuCores:0.00} cores, {Load}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    {"request",-28}{"count",7}{"p50 ms",9}{"p99 ms",9}{"max ms",9}{"errors",8}{"409s",6}");
            foreach (var (kind, (stats, errors, conflicts)) in Kinds)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {LoadClient.Name(kind),-28}{stats.Count,7}{F(stats.P50),9}{F(stats.P99),9}{F(stats.Max),9}{errors,8}{conflicts,6}");
            }

            return text.ToString().TrimEnd();
        }
    }

    private sealed record Options(string Before, string After, string Work, int Seconds, int[] Levels, int Cases, int PortalCases, int Burst, int HotCase, HashSet<string> Versions, bool CountStorage)
    {
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

            var known = new[] { "before", "after", "work", "seconds", "levels", "cases", "portal-cases", "burst", "hot-case", "versions", "count-storage" };
            if (values.Keys.Any(k => !known.Contains(k)))
            {
                return null;
            }

            string S(string key, string fallback) => values.GetValueOrDefault(key, fallback);
            int I(string key, int fallback) => int.Parse(S(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return new Options(
                S("before", "5ba7037"),
                S("after", "."),
                Path.GetFullPath(S("work", Path.Combine(Path.GetTempPath(), "iop-bench"))),
                I("seconds", 20),
                [.. S("levels", "1,4,16,32").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))],
                I("cases", 30),
                I("portal-cases", 6),
                I("burst", 32),
                I("hot-case", 50),
                [.. S("versions", "before,after").Split(',', StringSplitOptions.RemoveEmptyEntries)],
                bool.Parse(S("count-storage", "false")));
        }
    }
}
