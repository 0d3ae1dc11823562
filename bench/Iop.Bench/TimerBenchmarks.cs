using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Outbox;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Timers;
using Iop.Intake;
using Iop.Policies;
using Iop.Screening;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iop.Bench;

/// <summary>
/// One timer pass with many open cases of which only some are due: the cost must follow the due ones, because a case's
/// timer is its own delayed queue message and invisible until it is due.
/// </summary>
internal static class TimerBenchmarks
{
    public static async Task<(int Open, int Due, int Handled, double Seconds, double ReceiveSeconds, double HandleSeconds, double ProbeMs, long Requests)> PassAsync(AzuriteProcess azurite, int open, int due)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var storage = Options.Create(new StorageOptions { CasesTable = "tcases" + suffix, TimersQueue = "ttimers" + suffix });
        var counter = new RequestCounter();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions();
        queueOptions.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(azurite.ConnectionString, tableOptions);
        var queues = new QueueServiceClient(azurite.ConnectionString, queueOptions);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var policy = PolicyProfileLoader.LoadBuiltIn();
        var service = new CaseService(new TableCaseStore(tables, storage, new NoSignal()), new Numbers(), policy, time);
        var timers = new TimerQueue(queues, storage, time);
        var handler = new TimerHandler(service, timers, time, NullLogger<TimerHandler>.Instance);
        var actor = new Actor("bench", "Bench", ActorRole.Coordinator);
        var met = policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();

        // Open cases in vetting, each with its timer armed for its first reminder (eighteen days ahead: invisible).
        var ids = Enumerable.Range(0, open).Select(_ => CaseId.New()).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            var initiative = new Initiative("Förening", "802012-3454", new ContactPerson("K", "k@example.org", "0250-12345"), "U", "I", ValueList<CriterionAssessment>.Empty);
            await service.SubmitAsync(id, initiative, ct);
            await service.HandleAsync(id, new CompleteScreening(met, ScreeningOutcome.Continue, null, Alternative.None, actor), null, ct);
            await service.HandleAsync(id, new StartPartnerVetting("t", time.GetUtcNow().AddDays(90), actor), null, ct);
            await timers.ScheduleAsync(id, time.GetUtcNow().AddDays(18), ct);
        });

        // Eighteen days later, `due` of them have a timer that surfaced (armed now, visible at once).
        time.Advance(TimeSpan.FromDays(18));
        foreach (var id in ids.Take(due))
        {
            await timers.ScheduleAsync(id, time.GetUtcNow(), CancellationToken.None);
        }

        var queue = await timers.QueueAsync();
        var handled = 0;
        var requestsBefore = counter.Count;
        var receiving = new Stopwatch();
        var handling = new Stopwatch();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            receiving.Start();
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            receiving.Stop();
            if (messages.Length == 0)
            {
                break;
            }

            handling.Start();
            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (m, ct) =>
            {
                await handler.HandleAsync(m.MessageText, ct);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, ct);
                Interlocked.Increment(ref handled);
            });
            handling.Stop();
        }

        var requests = counter.Count - requestsBefore;

        // What a single point read costs in this emulator at this size: the floor under any per-timer work.
        var probe = Stopwatch.StartNew();
        await tables.GetTableClient(storage.Value.CasesTable).GetEntityIfExistsAsync<TableEntity>(ids[^1].ToString(), "snapshot");
        var probeMs = probe.Elapsed.TotalMilliseconds;
        return (open, due, handled, clock.Elapsed.TotalSeconds, receiving.Elapsed.TotalSeconds, handling.Elapsed.TotalSeconds, probeMs, requests);
    }

    private sealed class NoSignal : IOutboxSignal
    {
        public Task SignalAsync(CaseId id, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Numbers : IRegistrationNumbers
    {
        private int _next;

        public Task<RegistrationNumber> AllocateAsync(CaseId caseId, DateTimeOffset at, CancellationToken cancellationToken) =>
            Task.FromResult(RegistrationNumber.Format("KS {year}/{sequence}", 2026, Interlocked.Increment(ref _next)));
    }
}
