using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Portal;
using Iop.Functions.Tests.Infrastructure;
using Iop.Screening;
using Iop.Vetting;
using Xunit.Abstractions;

namespace Iop.Functions.Tests.Workflow;

/// <summary>
/// The built app as a child process on Azurite, killed with SIGKILL in the middle of its work and started again on the
/// same storage: every mail the record asks for goes out exactly once, none is missing. The local outbox keeps a mail
/// per idempotency key, so a mail sent twice shows as a second key for the same recipient and subject.
/// </summary>
[Collection("Azurite")]
public sealed class CrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int NewInitiatives = 30;

    /// <summary>The record's clock in the reminder round: a day passes in 20 s, so three days (before3 → due) take a minute.</summary>
    private const double Scale = 86_400 / 20.0;

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Work taken by the killed process (a locked work item, an invisible queue message) comes back after 5 s instead of
    /// 30 s, and the sweep relays rows whose signal died with the process after 2 s instead of 30 s.
    /// </summary>
    private Dictionary<string, string> Settings(string suffix)
    {
        var settings = AppProcess.OwnStorage(azurite, suffix);
        settings["Workflow:WorkItemVisibilityTimeout"] = "00:00:05";
        settings["Workflow:SweepGrace"] = "00:00:02";
        settings["Workflow:SweepInterval"] = "00:00:02";
        return settings;
    }

    [Fact]
    public async Task Killed_while_the_effects_of_30_new_initiatives_are_delivered_every_mail_goes_out_exactly_once_after_a_restart()
    {
        var suffix = Suffix();
        var settings = Settings(suffix);
        var cases = new TestCases(azurite, suffix: suffix);
        var outbox = new LocalOutboxStore(azurite.Tables(), cases.Options, TimeProvider.System);
        var submissions = Enumerable.Range(1, NewInitiatives)
            .Select(i => new Submission(Guid.NewGuid(), $"Föreningen Nummer {i}", $"kontakt{i}@forening{i}.example"))
            .ToList();

        int mailsAtKill;
        var unanswered = new List<Submission>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var first = await AppProcess.StartAsync(settings))
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: the app answers.");
            using var http = first.Client();
            var posts = submissions.Select(s => TrySubmitAsync(http, s)).ToList();

            // Killed as soon as the first acknowledgement is out: the other initiatives' effects are committed, being
            // relayed or delivered, or (for a submission still in flight) not committed at all.
            await Eventually.WaitForAsync(() => MailsAsync(outbox), m => m.Count > 0, "the first acknowledgement", 60);
            first.Kill();
            mailsAtKill = (await MailsAsync(outbox)).Count;
            var answers = await Task.WhenAll(posts);
            for (var i = 0; i < submissions.Count; i++)
            {
                if (answers[i] is not HttpStatusCode.Created)
                {
                    Assert.True(answers[i] is null, $"Submission {i + 1} answered {answers[i]} before the kill.");
                    unanswered.Add(submissions[i]);
                }
            }
        }

        Assert.True(mailsAtKill < NewInitiatives, $"All {mailsAtKill} acknowledgements were out before the kill: it interrupted nothing.");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed with {mailsAtKill} of {NewInitiatives} acknowledgements out and {unanswered.Count} submissions unanswered.");

        await using var second = await AppProcess.StartAsync(settings);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: the app answers again.");
        using (var http = second.Client())
        {
            // A submission whose answer the kill swallowed is sent again, as a browser would: the same submission id.
            foreach (var submission in unanswered)
            {
                var status = await TrySubmitAsync(http, submission);
                Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Submitting {submission.Organisation} again answered {status}.");
            }
        }

        // Done when every effect of every case is marked sent (or failed, which the assertions below report).
        var rows = await Eventually.WaitForAsync(
            () => OutboxRowsAsync(cases),
            r => r.Count == NewInitiatives * 2 && r.All(x => OutboxRows.Status(x) is OutboxStatus.Sent or OutboxStatus.Failed),
            "every effect to be delivered",
            90);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: every effect delivered.");
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, OutboxRows.Status(r)));

        var mails = await MailsAsync(outbox);
        var notices = await outbox.ListAsync(LocalOutboxStore.NotificationPartition, 1000, CancellationToken.None);
        AssertOncePerKeyAndPerRecipientAndSubject(mails);
        AssertOncePerKeyAndPerRecipientAndSubject(notices);
        var expectedMails = new List<(string To, string Subject)>();
        var expectedNotices = new List<string>();
        foreach (var submission in submissions)
        {
            var stored = await cases.Store.LoadAsync(new CaseId(submission.Id), CancellationToken.None);
            Assert.True(stored is not null, $"{submission.Organisation} was never registered.");
            expectedMails.Add(($"Karin Ek <{submission.Email}>", $"Vi har tagit emot ert IOP-initiativ – {stored.State.File.Number}"));
            expectedNotices.Add($"Nytt IOP-initiativ: {submission.Organisation}");
        }

        Assert.Equal(expectedMails.Order(), mails.Select(m => (m.To!, m.Subject)).Order());
        Assert.Equal(expectedNotices.Order(StringComparer.Ordinal), notices.Select(n => n.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(submissions.Select(s => $"{new CaseId(s.Id)}/1/0").Order(StringComparer.Ordinal), mails.Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Killed_during_a_reminder_pass_every_reminder_is_recorded_and_mailed_exactly_once_after_a_restart()
    {
        const int Waiting = 20;
        var firstReminder = TimeSpan.FromSeconds(15);
        var spread = TimeSpan.FromSeconds(0.25);
        var suffix = Suffix();
        var epoch = TimeProvider.System.GetUtcNow();
        var settings = Settings(suffix);

        // Both runs of the app share one sped-up clock: the record's time goes on across the crash.
        settings["Clock:Scale"] = Scale.ToString(CultureInfo.InvariantCulture);
        settings["Clock:Epoch"] = epoch.ToString("O", CultureInfo.InvariantCulture);

        // The cases start vetting at record times chosen so that the first reminder (3 days before the due date, 18 days
        // after the start) of case i falls due firstReminder + i × spread after the epoch, in real time: a pass of 5 s.
        var cases = new TestCases(azurite, start: epoch - TimeSpan.FromDays(18) + (firstReminder * Scale), suffix: suffix);
        var ids = new List<CaseId>();
        for (var i = 0; i < Waiting; i++)
        {
            ids.Add(await StartVettingAsync(cases, $"Föreningen Påminnelse {i + 1}"));
            cases.Time.Advance(spread * Scale);
        }

        var outbox = new LocalOutboxStore(azurite.Tables(), cases.Options, TimeProvider.System);
        int remindersAtKill;
        output.WriteLine($"{(TimeProvider.System.GetUtcNow() - epoch).TotalSeconds:F1} s after the epoch: {Waiting} cases wait.");
        await using (var first = await AppProcess.StartAsync(settings))
        {
            output.WriteLine($"{(TimeProvider.System.GetUtcNow() - epoch).TotalSeconds:F1} s after the epoch: the app answers.");
            await Eventually.WaitForAsync(() => RemindersAsync(outbox), m => m.Count > 0, "the first reminder mail", 60);
            first.Kill();
            remindersAtKill = (await RemindersAsync(outbox)).Count;
        }

        Assert.True(remindersAtKill < Waiting, $"All {remindersAtKill} reminders were out before the kill: it interrupted nothing.");
        var recordedAtKill = (await HistoriesAsync(cases, ids)).Count(h => Reminders(h.Value).Any());
        output.WriteLine($"{(TimeProvider.System.GetUtcNow() - epoch).TotalSeconds:F1} s after the epoch: killed with {recordedAtKill} of {Waiting} first reminders recorded and {remindersAtKill} mailed.");

        await using var second = await AppProcess.StartAsync(settings);
        output.WriteLine($"{(TimeProvider.System.GetUtcNow() - epoch).TotalSeconds:F1} s after the epoch: the app answers again.");

        // Done when every case has taken its first reminder step and every reminder it recorded has its mail.
        try
        {
            await Eventually.WaitForAsync(
                async () => (await HistoriesAsync(cases, ids), await RemindersAsync(outbox)),
                x => x.Item1.All(h => IsReminded(h.Key, h.Value, x.Item2)),
                "every case's first reminder and its mail",
                90);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}{Environment.NewLine}{await DiagnoseAsync(cases, ids, outbox)}{Environment.NewLine}The app's last lines:{Environment.NewLine}{second.Output()}", e);
        }

        output.WriteLine($"{(TimeProvider.System.GetUtcNow() - epoch).TotalSeconds:F1} s after the epoch: every first reminder recorded and mailed.");

        // Mails first, then the record: every mail read belongs to a reminder the record read afterwards holds.
        var reminderMails = await RemindersAsync(outbox);
        var after = await HistoriesAsync(cases, ids);
        foreach (var (id, history) in after)
        {
            var reminders = Reminders(history).ToList();
            var steps = reminders.SelectMany(r => r.Event.Steps).ToList();
            Assert.True(steps.Count == steps.Distinct(StringComparer.Ordinal).Count(), $"Case {id} took a reminder step twice: {string.Join(", ", steps)}");
            Assert.Single(reminders, r => IsFirstStep(r.Event));

            var mails = reminderMails.Where(m => m.IdempotencyKey.StartsWith($"{id}/", StringComparison.Ordinal)).ToList();
            var versions = mails.Select(m => int.Parse(m.IdempotencyKey.Split('/')[1], CultureInfo.InvariantCulture)).ToList();
            Assert.True(versions.Count == versions.Distinct().Count(), $"Case {id} has a reminder mailed twice: {string.Join(", ", mails.Select(m => m.IdempotencyKey))}");
            Assert.All(versions, v => Assert.Contains(reminders, r => r.Version == v));
            var first = reminders.Single(r => IsFirstStep(r.Event));
            Assert.Single(mails, m => m.IdempotencyKey.StartsWith($"{id}/{first.Version}/", StringComparison.Ordinal));
        }

        // Nothing else went out twice either: the acknowledgements, notices and portal links of the 20 cases.
        AssertOncePerKeyAndPerRecipientAndSubject((await MailsAsync(outbox)).Except(reminderMails).ToList());
        AssertOncePerKeyAndPerRecipientAndSubject(await outbox.ListAsync(LocalOutboxStore.NotificationPartition, 1000, CancellationToken.None));
    }

    private sealed record Submission(Guid Id, string Organisation, string Email);

    private static bool IsReminded(CaseId id, IReadOnlyList<RecordedEvent> history, IReadOnlyList<LocalOutboxMessage> mails) =>
        Reminders(history).Any(r => IsFirstStep(r.Event))
        && Reminders(history).All(r => mails.Any(m => m.IdempotencyKey.StartsWith($"{id}/{r.Version}/", StringComparison.Ordinal)));

    /// <summary>What the cases still lack: their reminders, reminder mails, outbox rows and wait rows.</summary>
    private static async Task<string> DiagnoseAsync(TestCases cases, IEnumerable<CaseId> ids, LocalOutboxStore outbox)
    {
        var mails = await RemindersAsync(outbox);
        var lines = new List<string>();
        foreach (var (id, history) in await HistoriesAsync(cases, ids))
        {
            if (IsReminded(id, history, mails))
            {
                continue;
            }

            var rows = new List<string>();
            await foreach (var row in cases.CasesTable.QueryAsync<TableEntity>(r => r.PartitionKey == id.ToString()))
            {
                if (row.RowKey.StartsWith(OutboxRows.Prefix, StringComparison.Ordinal) || row.RowKey.StartsWith("wait-", StringComparison.Ordinal))
                {
                    rows.Add($"{row.RowKey} {row.GetString("Type") ?? row.GetString("Key")} {row.GetString("Status")} {row.GetDateTimeOffset("NextStepAt")}");
                }
            }

            lines.Add($"Case {id} (version {history[^1].Version}): reminders at versions [{string.Join(", ", Reminders(history).Select(r => $"{r.Version}: {string.Join(" ", r.Event.Steps)}"))}]; "
                + $"reminder mails [{string.Join(", ", mails.Where(m => m.IdempotencyKey.StartsWith($"{id}/", StringComparison.Ordinal)).Select(m => m.IdempotencyKey))}]; rows [{string.Join("; ", rows)}]");
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The API's answer, or null when the app died before answering.</summary>
    private static async Task<HttpStatusCode?> TrySubmitAsync(HttpClient http, Submission submission)
    {
        var request = new
        {
            submissionId = submission.Id,
            organisationName = submission.Organisation,
            organisationNumber = Initiatives.ValidOrganisationNumber,
            contactName = "Karin Ek",
            contactEmail = submission.Email,
            contactPhone = "0250-123 45",
            challenge = "Ofrivillig ensamhet bland äldre i Mora.",
            idea = "Träffpunkter drivna av frivilliga.",
        };
        try
        {
            using var response = await http.PostAsJsonAsync("/api/initiatives", request);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<CaseId> StartVettingAsync(TestCases cases, string organisation)
    {
        var id = CaseId.New();
        Assert.IsType<Accepted>(await cases.Service.SubmitAsync(id, TestCases.Initiative(organisation), CancellationToken.None));
        var all = TestCases.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToList();
        Assert.IsType<Accepted>(await cases.Service.HandleAsync(id, new CompleteScreening(Common.ValueList.ToValueList(all), ScreeningOutcome.Continue, null, Alternative.None, TestCases.Coordinator), null, CancellationToken.None));
        Assert.IsType<Accepted>(await cases.Service.HandleAsync(id, new StartPartnerVetting(PortalTokens.NewTokenId(), cases.Time.GetUtcNow().AddDays(90), TestCases.Coordinator), null, CancellationToken.None));
        return id;
    }

    private static Task<IReadOnlyList<LocalOutboxMessage>> MailsAsync(LocalOutboxStore outbox) =>
        outbox.ListAsync(LocalOutboxStore.MailPartition, 1000, CancellationToken.None);

    private static async Task<List<LocalOutboxMessage>> RemindersAsync(LocalOutboxStore outbox) =>
        [.. (await MailsAsync(outbox)).Where(m => m.Subject.StartsWith("Påminnelse: uppgifter som saknas", StringComparison.Ordinal))];

    private static async Task<Dictionary<CaseId, IReadOnlyList<RecordedEvent>>> HistoriesAsync(TestCases cases, IEnumerable<CaseId> ids)
    {
        var histories = new Dictionary<CaseId, IReadOnlyList<RecordedEvent>>();
        foreach (var id in ids)
        {
            histories[id] = await cases.Store.LoadHistoryAsync(id, CancellationToken.None);
        }

        return histories;
    }

    private static IEnumerable<(int Version, ReminderSent Event)> Reminders(IReadOnlyList<RecordedEvent> history) =>
        history.Where(h => h.Event is ReminderSent).Select(h => (h.Version, (ReminderSent)h.Event));

    /// <summary>The reminder 3 days before the due date: the pass the crash interrupts.</summary>
    private static bool IsFirstStep(ReminderSent reminder) => reminder.Steps.Any(s => s.EndsWith("|before3", StringComparison.Ordinal));

    private static async Task<List<TableEntity>> OutboxRowsAsync(TestCases cases)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {OutboxRows.Prefix} and RowKey lt {"outbox."}");
        await foreach (var row in cases.CasesTable.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static void AssertOncePerKeyAndPerRecipientAndSubject(IReadOnlyList<LocalOutboxMessage> messages)
    {
        var twice = messages.GroupBy(m => m.IdempotencyKey, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Sent twice under one key: {string.Join(", ", twice)}");
        var same = messages.GroupBy(m => (m.To, m.Subject)).Where(g => g.Count() > 1).Select(g => $"{g.Key.To}: {g.Key.Subject} ({string.Join(", ", g.Select(m => m.IdempotencyKey))})").ToList();
        Assert.True(same.Count == 0, $"Sent twice: {string.Join("; ", same)}");
    }
}
