using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Localization;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Workflow;
using Iop.Functions.Workflow.Activities;
using Iop.Officials;
using Iop.Vetting;
using Microsoft.DurableTask.Client;
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
        var logs = new CapturedLogs();
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Suffix()).WithClock(new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), Scale)).WithCapturedLogs(logs);
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");

        IReadOnlyList<RecordedEvent> history;
        try
        {
            // Seconds of real time on this clock; the generous limit is for a machine busy with the rest of the suite.
            history = await Eventually.WaitForAsync(() => HistoryAsync(app, id), h => h.Any(e => e.Event is RequestEscalated), "the escalation", seconds: 120);
        }
        catch (TimeoutException timeout)
        {
            // Say where the workflow stood, so an intermittent failure can be diagnosed from the test output alone.
            var events = (await HistoryAsync(app, id)).Select(h => $"{h.Version} {h.Event.GetType().Name} {h.Event.At:O}");
            var waits = (await app.Services.GetRequiredService<WaitRows>().ListAsync(id, CancellationToken.None)).Select(w => $"{w.Key} next {w.NextStepAt:O} escalated {w.Escalated} instance {w.InstanceId}");
            var failures = (await app.Services.GetRequiredService<WorkflowFailures>().ListAsync(id, CancellationToken.None)).Select(f => f.ToString());
            var durable = app.Services.GetRequiredService<DurableTaskClient>();
            var instances = new List<string>();
            await foreach (var instance in durable.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = id.ToString() }))
            {
                instances.Add($"{instance.InstanceId} {instance.Name} {instance.RuntimeStatus} updated {instance.LastUpdatedAt:O}");
            }

            throw new TimeoutException(
                $"{timeout.Message}\nHistory:\n{string.Join("\n", events)}\nWaits:\n{string.Join("\n", waits)}\nWorkflow failures:\n{string.Join("\n", failures)}" +
                $"\nInstances:\n{string.Join("\n", instances)}\nLog:\n{string.Join("\n", logs.About(id.ToString()).TakeLast(300))}",
                timeout);
        }

        var steps = history.Select(h => h.Event).OfType<RequestReminded>().Where(r => r.RequestId == "staffing-socialnamnden").SelectMany(r => r.Steps).ToList();
        Assert.Equal(steps.Distinct(StringComparer.Ordinal).Count(), steps.Count);
        Assert.EndsWith("|before3", steps[0], StringComparison.Ordinal);
        Assert.EndsWith("|due", steps[1], StringComparison.Ordinal);
        var escalation = Assert.Single(history.Select(h => h.Event).OfType<RequestEscalated>());
        Assert.True(escalation.At >= history.Select(h => h.Event).OfType<RequestReminded>().First().At);

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

        // What the case page shows of the wait says it was escalated, and names the next weekly reminder.
        var wait = await Eventually.WaitForAsync(() => app.Services.GetRequiredService<WaitRows>().ListAsync(id, CancellationToken.None), w => w.Any(x => x.Escalated), "the escalated wait");
        Assert.Equal(RequestKind.StaffingConfirmation, Assert.Single(wait).Kind);
        Assert.False(wait[0].NextIsEscalation);
    }

    [Fact]
    public async Task The_case_page_lists_whom_the_case_waits_on_for_what_and_by_when()
    {
        // Real time: the development sign-in's cookie would expire at once on a sped-up clock.
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Suffix());
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");
        var wait = Assert.Single(await Eventually.WaitForAsync(() => app.Services.GetRequiredService<WaitRows>().ListAsync(id, CancellationToken.None), w => w.Count == 1, "the wait"));
        var client = app.Pages();
        await client.SignInAsCoordinatorAsync();

        var page = await client.GetStringAsync($"/arenden/{id}");

        var waits = page[page.IndexOf("id=\"waits\"", StringComparison.Ordinal)..];
        waits = waits[..waits.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Helena Sjöberg", waits, StringComparison.Ordinal);
        Assert.Contains("Socialnämnden", waits, StringComparison.Ordinal);
        Assert.Contains("Bekräftelse av bemanning", waits, StringComparison.Ordinal);
        Assert.Contains(SwedishTime.FormatDate(wait.DueAt), waits, StringComparison.Ordinal);
        Assert.Contains(SwedishTime.FormatDate(wait.NextStepAt!.Value), waits, StringComparison.Ordinal);
        Assert.DoesNotContain("Eskalerat", waits, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_wait_is_shown_on_the_case_page_until_the_coordinator_dismisses_it()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Suffix());
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");
        var failures = app.Services.GetRequiredService<WorkflowFailures>();
        await failures.RecordAsync(id, new WorkflowFailure($"{id}:0123456789abcdef", nameof(AwaitAnswer), "staffing-socialnamnden@x", "RequestFailedException: Server busy"), CancellationToken.None);
        var client = app.Pages();
        await client.SignInAsCoordinatorAsync();

        var page = await client.GetStringAsync($"/arenden/{id}");
        Assert.Contains("Påminnelserna stannade", page, StringComparison.Ordinal);
        Assert.Contains("RequestFailedException: Server busy", page, StringComparison.Ordinal);

        var failure = Assert.Single(await failures.ListAsync(id, CancellationToken.None));
        var dismissed = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=DismissWorkflowFailure", [new("failure", failure.RowKey)]);
        var after = await dismissed.Content.ReadAsStringAsync();
        Assert.Contains("Felet är markerat som omhändertaget.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Påminnelserna stannade", after, StringComparison.Ordinal);
        Assert.Empty(await failures.ListAsync(id, CancellationToken.None));
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
