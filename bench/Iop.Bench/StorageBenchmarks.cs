using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Outbox;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Storage.RegistrationNumbers;
using Iop.Intake;
using Iop.Policies;
using Iop.Screening;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iop.Bench;

/// <summary>
/// Case commands through the store against the raw transactions they are made of. The measurements alternate in
/// rounds after one shared warm-up: whichever ran first would otherwise pay for warming Azurite (Node's JIT, its
/// heap), and on a shared machine all of them should see the same background load.
/// </summary>
internal static class StorageBenchmarks
{
    public static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public const int Rounds = 2;

    public static async Task<(Result Raw, Result Commands, Result Cold)> CompareAsync(TableServiceClient tables, AzuriteProcess azurite, int workers, TimeSpan duration)
    {
        var measurements = new[]
        {
            new Measurement("raw 2-entity transactions", await RawTransactionAsync(tables)),
            new Measurement("case commands (load, decide, commit)", await CaseCommandAsync(tables, azurite, workers, coldCache: false)),
            new Measurement("case commands, every load from storage", await CaseCommandAsync(tables, azurite, workers, coldCache: true)),
        };

        foreach (var m in measurements)
        {
            await RunAsync(workers, Warmup, m.Operation, new ConcurrentBag<double>());
        }

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var m in measurements)
            {
                m.Elapsed += await RunAsync(workers, duration / Rounds, m.Operation, m.Latencies);
            }
        }

        return (measurements[0].Result(), measurements[1].Result(), measurements[2].Result());
    }

    /// <summary>The limit: one entity-group transaction of two upserts (a snapshot and an event) on each worker's own four partitions.</summary>
    private static async Task<Func<int, int, Task>> RawTransactionAsync(TableServiceClient tables)
    {
        var table = tables.GetTableClient("raw" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var events = 0L;
        return async (worker, i) =>
        {
            // Like a command: the snapshot is replaced, the event row is new (the counter runs on across rounds).
            var partition = $"p{worker}-{i % 4}";
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, "snapshot") { ["Version"] = i, ["Json0"] = new string('s', 600) }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"event-{Interlocked.Increment(ref events):D10}") { ["Json0"] = new string('e', 300) }),
            ]);
        };
    }

    /// <summary>
    /// Case commands through CaseService and TableCaseStore: load the snapshot, decide, commit event + snapshot. Each
    /// worker owns a few cases, as a coordinator works on a few cases at a time; no two workers race on one case.
    /// </summary>
    private static async Task<Func<int, int, Task>> CaseCommandAsync(TableServiceClient tables, AzuriteProcess azurite, int workers, bool coldCache)
    {
        var storage = Options.Create(new StorageOptions { CasesTable = "bench" + Guid.NewGuid().ToString("N")[..8], RegistryTable = "benchregistry" });
        var settings = Options.Create(new Functions.Hosting.IopOptions());
        var signal = new QueueOutboxSignal(new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString), storage, NullLogger<QueueOutboxSignal>.Instance);
        var policy = PolicyProfileLoader.LoadBuiltIn();
        var policies = PolicyCatalog.WithBuiltIns(policy);
        ICaseStore store = new TableCaseStore(tables, storage, signal, policies, NullLogger<TableCaseStore>.Instance);
        store = coldCache ? new AlwaysFromStorage(store) : store;
        var service = new CaseService(store, new TableRegistrationNumbers(tables, storage, settings, NullLogger<TableRegistrationNumbers>.Instance), policies, TimeProvider.System);
        var coordinator = new Actor("bench@mora.example", "Bench", ActorRole.Coordinator);

        var cases = new CaseId[workers][];
        for (var w = 0; w < workers; w++)
        {
            cases[w] = new CaseId[4];
            for (var c = 0; c < cases[w].Length; c++)
            {
                cases[w][c] = CaseId.New();
                var initiative = new Initiative($"Förening {w}-{c}", "802012-3454", new ContactPerson("Bench", "bench@example.org", "0250-12345"), "Utmaning", "Idé", ValueList<CriterionAssessment>.Empty);
                await service.SubmitAsync(cases[w][c], initiative, CancellationToken.None);
            }
        }

        return async (worker, i) =>
        {
            var criterion = policy.Checklist[i % policy.Checklist.Count];
            var command = new RecordAssessments(ValueList.Of(new CriterionAssessment(criterion.Id, Assessment.Unclear, $"Anteckning {i}")), coordinator);
            var result = await service.HandleAsync(cases[worker][i % cases[worker].Length], command, null, CancellationToken.None);
            if (result is not Accepted)
            {
                throw new InvalidOperationException($"The command was not accepted: {result}");
            }
        };
    }

    private static async Task<TimeSpan> RunAsync(int workers, TimeSpan duration, Func<int, int, Task> operation, ConcurrentBag<double> latencies)
    {
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; total.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(worker, i);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return total.Elapsed;
    }

    private sealed class Measurement(string name, Func<int, int, Task> operation)
    {
        public Func<int, int, Task> Operation => operation;

        public ConcurrentBag<double> Latencies { get; } = [];

        public TimeSpan Elapsed { get; set; }

        public Result Result()
        {
            var sorted = Latencies.Order().ToArray();
            return new Result(name, sorted.Length / Elapsed.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
        }

        private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>The store without its decision cache: what a command costs in a process that has not seen the case.</summary>
    private sealed class AlwaysFromStorage(ICaseStore inner) : ICaseStore
    {
        public Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadAsync(id, cancellationToken);

        public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadAsync(id, cancellationToken);

        public Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken) => inner.TryCommitAsync(change, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadHistoryAsync(id, cancellationToken);

        public Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken) => inner.ListAsync(stage, cancellationToken);
    }

    internal sealed record Result(string Name, double PerSecond, double P50, double P95, double P99)
    {
        public override string ToString() => $"{Name,-42} {PerSecond,9:0} {P50,8:0.0} {P95,8:0.0} {P99,8:0.0}";
    }
}
