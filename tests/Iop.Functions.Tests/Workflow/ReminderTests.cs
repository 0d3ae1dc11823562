using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Workflow;
using Iop.Functions.Workflow.Activities;
using Iop.Officials;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Workflow;

/// <summary>
/// Reminders and escalations on durable timers of the local durable backend, with the record's clock sped up: twelve
/// days a second, so a request due in 21 days is reminded 1.5 s later, on its due date at 1.75 s, escalated at 2.3 s.
/// </summary>
[Collection("Azurite")]
public sealed class ReminderTests(AzuriteFixture azurite)
{
    private const double Scale = 12 * 24 * 60 * 60;

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private static Task<IReadOnlyList<RecordedEvent>> HistoryAsync(IopAppFactory app, CaseId id) =>
        app.Services.GetRequiredService<ICaseStore>().LoadHistoryAsync(id, CancellationToken.None);

    [Fact]
    public async Task An_unanswered_staffing_request_is_reminded_before_and_on_its_due_date_then_escalated_to_the_coordinator()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Suffix()).WithClock(new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), Scale));
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");

        var history = await Eventually.WaitForAsync(() => HistoryAsync(app, id), h => h.Any(e => e.Event is RequestEscalated), "the escalation");

        var steps = history.Select(h => h.Event).OfType<RequestReminded>().Where(r => r.RequestId == "staffing-socialnamnden").SelectMany(r => r.Steps).ToList();
        Assert.Equal(steps.Distinct(StringComparer.Ordinal).Count(), steps.Count);
        Assert.EndsWith("|before3", steps[0], StringComparison.Ordinal);
        Assert.EndsWith("|due", steps[1], StringComparison.Ordinal);
        var escalation = Assert.Single(history.Select(h => h.Event).OfType<RequestEscalated>());
        Assert.True(escalation.At > history.Select(h => h.Event).OfType<RequestReminded>().First().At);

        var outbox = app.Services.GetRequiredService<LocalOutboxStore>();
        var reminders = await Eventually.WaitForAsync(
            async () => (await outbox.ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None)).Where(m => m.Subject.StartsWith("Påminnelse: Bekräfta bemanning", StringComparison.Ordinal)).ToList(),
            r => r.Count >= 2,
            "the reminder mails");
        Assert.All(reminders, r => Assert.Contains("helena.sjoberg@mora.example", r.To, StringComparison.Ordinal));
        Assert.All(reminders, r => Assert.Contains("/svar/", r.Text, StringComparison.Ordinal));
        Assert.Equal(reminders.Count, reminders.Select(r => r.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());
        await Eventually.WaitForAsync(
            () => outbox.ListAsync(LocalOutboxStore.NotificationPartition, 500, CancellationToken.None),
            n => n.Any(x => x.Subject == "Försenat svar: Bekräftelse av bemanning – Socialnämnden" && x.CaseUrl == $"http://localhost/arenden/{id}"),
            "the coordinator's notice");
    }

    [Fact]
    public async Task An_answer_ends_the_wait_and_no_reminder_follows()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Suffix()).WithClock(new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), Scale));
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");
        var rows = app.Services.GetRequiredService<WaitRows>();
        await Eventually.WaitForAsync(() => rows.ListAsync(id, CancellationToken.None), w => w.Any(x => x.Kind == RequestKind.StaffingConfirmation), "the wait to show");

        var head = new Person("Helena Sjöberg", "helena.sjoberg@mora.example");
        await OfficialsCases.Accept(app.Services.GetRequiredService<CaseService>(), id, new AnswerRequest("staffing-socialnamnden", 1, new StaffingAnswer(true, Common.ValueList.Of(head), null), head, Common.Actor.System));
        await Eventually.WaitForAsync(() => rows.ListAsync(id, CancellationToken.None), w => w.Count == 0, "the wait to end");
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.DoesNotContain(await HistoryAsync(app, id), h => h.Event is RequestReminded or RequestEscalated);
    }

    [Fact]
    public async Task A_reminder_falling_due_while_the_app_is_down_is_sent_once_after_it_comes_back()
    {
        var suffix = Suffix();
        var clock = new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), Scale);
        CaseId id;
        // Work the stopped app had taken comes back after 5 s instead of the default 30 s.
        const string Visibility = "00:00:05";
        using (var before = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix).WithClock(clock).WithSetting("Workflow:WorkItemVisibilityTimeout", Visibility))
        {
            (id, _, _) = await VettingCases.StartAsync(before);

            // The wait is armed when it shows; then the app stops, before the first reminder falls due (1.5 s).
            await Eventually.WaitForAsync(() => before.Services.GetRequiredService<WaitRows>().ListAsync(id, CancellationToken.None), w => w.Count == 1, "the vetting wait");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));

        using var after = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix).WithClock(clock).WithSetting("Workflow:WorkItemVisibilityTimeout", Visibility);
        var history = await Eventually.WaitForAsync(() => HistoryAsync(after, id), h => h.Any(e => e.Event is ReminderSent), "the reminder");

        var firstStep = history.Select(h => h.Event).OfType<ReminderSent>().Where(r => r.Steps.Any(s => s.StartsWith("statutes|", StringComparison.Ordinal) && s.EndsWith("|before3", StringComparison.Ordinal))).ToList();
        Assert.Single(firstStep);
        var number = (await after.Services.GetRequiredService<ICaseStore>().LoadAsync(id, CancellationToken.None))!.State.File.Number;
        var mails = await Eventually.WaitForAsync(
            () => after.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None),
            m => m.Any(x => x.Subject == $"Påminnelse: uppgifter som saknas – {number}"),
            "the reminder mail");
        Assert.Contains("Stadgar, bolagsordning eller motsvarande", mails.First(m => m.Subject == $"Påminnelse: uppgifter som saknas – {number}").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_reminder_twice_takes_its_step_once()
    {
        var cases = new TestCases(azurite);
        var id = await cases.SubmitAsync();
        var all = TestCases.Policy.Checklist.Select(c => new Screening.CriterionAssessment(c.Id, Screening.Assessment.Met, null)).ToList();
        await cases.Service.HandleAsync(id, new CompleteScreening(Common.ValueList.ToValueList(all), ScreeningOutcome.Continue, null, Screening.Alternative.None, TestCases.Coordinator), null, CancellationToken.None);
        await cases.Service.HandleAsync(id, new StartPartnerVetting("t1", cases.Time.GetUtcNow().AddDays(90), TestCases.Coordinator), null, CancellationToken.None);
        cases.Time.Advance(TimeSpan.FromDays(18));
        var activity = new RecordReminder(cases.Service);
        var due = new ReminderDue(id.ToString(), "vetting", "statutes");

        var first = await activity.RunAsync(new TestActivityContext(nameof(RecordReminder)), due);
        var second = await activity.RunAsync(new TestActivityContext(nameof(RecordReminder)), due);

        Assert.Equal((true, false), (first, second));
        Assert.Single(await cases.Store.LoadHistoryAsync(id, CancellationToken.None), h => h.Event is ReminderSent);
    }
}
