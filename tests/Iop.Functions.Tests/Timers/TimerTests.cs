using Iop.Cases;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Timers;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iop.Functions.Tests.Timers;

[Collection("Azurite")]
public sealed class TimerTests(AzuriteFixture azurite)
{
    /// <summary>Nine days a second: the first reminder (18 days after vetting starts) falls due two real seconds later.</summary>
    private const double Scale = 9 * 24 * 60 * 60;

    [Fact]
    public async Task A_timer_that_surfaces_early_is_armed_again()
    {
        var cases = new TestCases(azurite);
        var handler = new TimerHandler(cases.Service, cases.Timers, cases.Time, NullLogger<TimerHandler>.Instance);
        var id = await cases.SubmitAsync();
        var queue = await cases.Timers.QueueAsync();

        var outcome = await handler.HandleAsync($$"""{"case":"{{id}}","at":"{{cases.Time.GetUtcNow().AddDays(30):O}}"}""", CancellationToken.None);

        Assert.Equal(TimerOutcome.Rearmed, outcome);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_timer_delivered_twice_takes_its_step_once()
    {
        var cases = new TestCases(azurite);
        var handler = new TimerHandler(cases.Service, cases.Timers, cases.Time, NullLogger<TimerHandler>.Instance);
        var id = await cases.SubmitAsync();
        await cases.Service.HandleAsync(id, new CompleteScreening(Shared.AllMet(), ScreeningOutcome.Continue, null, Iop.Screening.Alternative.None, TestCases.Coordinator), null, CancellationToken.None);
        await cases.Service.HandleAsync(id, new StartPartnerVetting("t1", cases.Time.GetUtcNow().AddDays(90), TestCases.Coordinator), null, CancellationToken.None);
        cases.Time.Advance(TimeSpan.FromDays(18));
        var message = $$"""{"case":"{{id}}","at":"{{cases.Time.GetUtcNow():O}}"}""";

        var first = await handler.HandleAsync(message, CancellationToken.None);
        var second = await handler.HandleAsync(message, CancellationToken.None);

        Assert.Equal((TimerOutcome.Fired, TimerOutcome.NothingDue), (first, second));
        var history = await cases.Store.LoadHistoryAsync(id, CancellationToken.None);
        Assert.Single(history, h => h.Event is ReminderSent);
    }

    [Fact]
    public async Task A_reminder_falling_due_while_the_app_is_down_is_sent_once_after_it_comes_back()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var clock = new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), Scale);
        CaseId id;
        using (var before = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix).WithClock(clock))
        {
            (id, _, _) = await VettingCases.StartAsync(before);
            // The vetting start's outbox row arms the timer; wait until its message is on the queue, then stop the app.
            var timers = before.Services.GetRequiredService<TimerQueue>();
            var queue = await timers.QueueAsync();
            for (var i = 0; i < 40 && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0; i++)
            {
                await Task.Delay(50);
            }

            Assert.True((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0, "The timer was not armed.");
        }

        // Down while the first reminder falls due (two real seconds = eighteen days).
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var after = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix).WithClock(clock);
        var store = after.Services.GetRequiredService<ICaseStore>();
        IReadOnlyList<RecordedEvent> history = [];
        for (var i = 0; i < 100 && !history.Any(h => h.Event is ReminderSent); i++)
        {
            await Task.Delay(100);
            history = await store.LoadHistoryAsync(id, CancellationToken.None);
        }

        var firstStep = history.Select(h => h.Event).OfType<ReminderSent>().Where(r => r.Steps.Any(s => s.StartsWith("statutes|", StringComparison.Ordinal) && s.EndsWith("|before3", StringComparison.Ordinal))).ToList();
        Assert.Single(firstStep);
        var number = (await store.LoadAsync(id, CancellationToken.None))!.State.File.Number;
        var mail = await WaitForMailAsync(after.Services.GetRequiredService<LocalOutboxStore>(), $"Påminnelse: uppgifter som saknas – {number}");
        Assert.Contains("Stadgar, bolagsordning eller motsvarande", mail.Text, StringComparison.Ordinal);
    }

    private static async Task<LocalOutboxMessage> WaitForMailAsync(LocalOutboxStore outbox, string subject)
    {
        for (var i = 0; i < 100; i++)
        {
            var mails = await outbox.ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None);
            if (mails.FirstOrDefault(m => m.Subject == subject) is { } mail)
            {
                return mail;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail \"{subject}\" in the local outbox.");
    }

    private static class Shared
    {
        public static Common.ValueList<Screening.CriterionAssessment> AllMet() =>
            Common.ValueList.ToValueList(TestCases.Policy.Checklist.Select(c => new Screening.CriterionAssessment(c.Id, Screening.Assessment.Met, null)));
    }
}
