using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Storage.Azurite;
using Iop.Officials;
using Iop.Policies;
using Iop.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iop.Bench;

/// <summary>
/// The yearly follow-up (<c>/uppfoljning/{year}</c>) at 2,000 and 5,000 cases. Per size: a fresh in-memory Azurite,
/// cases seeded through the real store (<see cref="FollowUpCases"/>), then the app (role Web, in this process) behind a
/// <see cref="CountingProxy"/>, so every storage request it sends is counted. Each of two fresh app instances serves last
/// year's page and this year's, first in the process (cold) and then again (warm); and, as a reference, the report is
/// computed as the page first did: every case's history read, eight at a time, on every request.
/// </summary>
internal static class FollowUpBenchmarks
{
    /// <summary>Usage: <c>report [sizes, default 2000,5000] [warm repeats, default 3]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        int[] sizes = args.Length > 1 ? [.. args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [2_000, 5_000];
        var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var now = TimeProvider.System.GetUtcNow();
        var thisYear = SwedishClock.LocalDate(now).Year;
        Console.WriteLine($"Yearly follow-up · {string.Join(" and ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} cases · {Environment.ProcessorCount} cores · load {Load()}");
        foreach (var size in sizes)
        {
            await using var azurite = await AzuriteProcess.StartInMemoryAsync();
            await using var proxy = CountingProxy.Start(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);

            var fill = Stopwatch.StartNew();
            int templates;
            long events;
            string lengths;
            await using (var seeder = new ReportApp(azurite.ConnectionString))
            {
                var services = seeder.Services;
                var store = services.GetRequiredService<ICaseStore>();
                var policies = services.GetRequiredService<PolicyCatalog>();
                var made = await new FollowUpCases(store, services.GetRequiredService<IRegistrationNumbers>(), policies, services.GetRequiredService<OrganisationDirectory>()).TemplatesAsync(now);
                templates = made.Count;
                lengths = string.Join(", ", made.Chunk(made.Count / 6).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Min(h => h.Count)}–{t.Max(h => h.Count)}")));
                events = made.Sum(t => (long)t.Count) + await FollowUpCases.SeedAsync(store, policies, made, size - made.Count, now);
            }

            Console.WriteLine($"\n{size:N0} cases ({events:N0} events, {events / (double)size:0.0} a case; {templates} templates made by commands, the rest copies) written in {fill.Elapsed.TotalSeconds:0} s; events per template by path: {lengths}");
            for (var run = 1; run <= 2; run++)
            {
                await using var app = new ReportApp(proxy.ConnectionString);
                using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                http.Timeout = TimeSpan.FromMinutes(60);
                await IopDriver.SignInAsync(http);

                // The start-up's reconciliation of the case list's index runs in the background: let it finish first.
                await Task.Delay(TimeSpan.FromSeconds(3));
                foreach (var year in new[] { thisYear - 1, thisYear })
                {
                    var first = await MeasureAsync(http, proxy, year);
                    var warm = new List<(double Ms, long Requests)>();
                    for (var i = 0; i < repeats; i++)
                    {
                        warm.Add(await MeasureAsync(http, proxy, year));
                    }

                    var w = Stats.Of(warm.Select(x => x.Ms));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  app {run} · {year} ({(year < thisYear ? "last year" : "this year")}) · first request {first.Ms,8:N0} ms, {first.Requests,6:N0} table requests · then p50 {w.P50,8:N0} ms (max {w.Max,8:N0}), {warm.Average(x => x.Requests),6:N0} table requests each"));
                }

                if (run == 1)
                {
                    // The reference: what every request cost before — every history read and the figures computed.
                    var store = app.Services.GetRequiredService<ICaseStore>();
                    var times = new List<double>();
                    long requests = 0;
                    for (var i = 0; i < repeats; i++)
                    {
                        var before = TableRequests(proxy);
                        var clock = Stopwatch.StartNew();
                        var report = YearlyFollowUp.Compute(await ReadEveryHistoryAsync(store), thisYear - 1);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                        requests = TableRequests(proxy) - before;
                        GC.KeepAlive(report);
                    }

                    var r = Stats.Of(times);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reference · {thisYear - 1} computed from every history, read 8 at a time · p50 {r.P50,8:N0} ms (max {r.Max,8:N0}), {requests,6:N0} table requests each"));
                }
            }
        }

        return 0;
    }

    private static async Task<(double Ms, long Requests)> MeasureAsync(HttpClient http, CountingProxy proxy, int year)
    {
        var before = TableRequests(proxy);
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"/uppfoljning/{year}"), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("Inkomna initiativ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"/uppfoljning/{year} answered {(int)response.StatusCode}.");
        }

        return (ms, TableRequests(proxy) - before);
    }

    private static long TableRequests(CountingProxy proxy) => proxy.Snapshot().Where(k => k.Key.StartsWith("table ", StringComparison.Ordinal)).Sum(k => k.Value);

    private static async Task<IReadOnlyList<IReadOnlyList<CaseEvent>>> ReadEveryHistoryAsync(ICaseStore store)
    {
        var cases = await store.ListAsync(null, CancellationToken.None);
        var histories = new IReadOnlyList<CaseEvent>[cases.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            histories[i] = [.. (await store.LoadHistoryAsync(cases[i].Id, ct)).Select(e => e.Event)]);
        return histories;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>The app's pages and API only (role Web: no workflow in the process), on the given storage.</summary>
    private sealed class ReportApp : WebApplicationFactory<Iop.Functions.Hosting.IopOptions>
    {
        private readonly string _connectionString;

        public ReportApp(string connectionString)
        {
            _connectionString = connectionString;
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_IOP_FUNCTIONS", Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "Iop.Functions"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Iop:Role", "Web");
            builder.UseSetting("ConnectionStrings:Storage", _connectionString);
            builder.UseSetting("Storage:StartAzurite", "false");
            builder.UseSetting("Iop:PublicBaseUrl", "http://localhost");
            builder.UseSetting("Portal:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
