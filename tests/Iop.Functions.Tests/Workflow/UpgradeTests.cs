using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Iop.Functions.Outbox;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Storage;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Workflow;
using Iop.Meetings;
using Iop.Officials;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Iop.Functions.Tests.Workflow;

/// <summary>
/// A deployment in the middle of a long wait: the app stops under orchestration version 1 and starts again as version 2
/// on the same storage (<c>Workflow:Version</c>). The record's clock runs a day a second, so a staffing request due in
/// 21 days is reminded 18 s after it was sent and is due 3 s later.
/// </summary>
[Collection("Azurite")]
public sealed class UpgradeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const double Scale = 86_400;

    private const string Staffing = "staffing-socialnamnden";

    private static readonly Person Head = new("Helena Sjöberg", "helena.sjoberg@mora.example");

    private IopAppFactory App(string suffix, TimeProvider clock, string version) =>
        new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix).WithClock(clock)
            .WithSetting("Workflow:Version", version)
            // Work the stopped app had taken comes back after 5 s instead of 30 s.
            .WithSetting("Workflow:WorkItemVisibilityTimeout", "00:00:05");

    [Fact]
    public async Task A_wait_started_under_version_1_goes_on_under_version_2_and_version_1_does_not_run_what_version_2_took_over()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var clock = new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), Scale);
        var instances = new DurableInstances(azurite, $"iop{suffix}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        CaseId id;
        string waitInstance;
        using (var v1 = App(suffix, clock, "1"))
        {
            id = await OfficialsCases.ScopedAsync(v1, "socialnamnden");
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: the head is asked to confirm staffing.");
            var wait = await Eventually.WaitForAsync(
                () => v1.Services.GetRequiredService<WaitRows>().ListAsync(id, CancellationToken.None),
                w => w.Any(x => x.Kind == RequestKind.StaffingConfirmation),
                "the staffing wait",
                60);
            waitInstance = wait.Single(x => x.Kind == RequestKind.StaffingConfirmation).InstanceId;
            Assert.Equal("1", await instances.VersionAsync(id.ToString()));
            Assert.Equal("1", await instances.VersionAsync(waitInstance));
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: the staffing request waits under version 1; the app stops.");
        }

        using (var v2 = App(suffix, clock, "2"))
        {
            var lifecycle = v2.Services.GetRequiredService<DurableTaskClient>();
            var outbox = v2.Services.GetRequiredService<LocalOutboxStore>();

            // The wait the old version started sends its next reminder, once, with its mail.
            var history = await Eventually.WaitForAsync(() => HistoryAsync(v2, id), h => Reminded(h).Any(), "the first reminder", 60);
            var reminder = Reminded(history).First();
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: reminded ({string.Join(", ", reminder.Event.Steps)}).");

            // Its first step; a timer that fires late (a busy machine) takes the due date's step in the same reminder.
            Assert.EndsWith("|before3", reminder.Event.Steps[0], StringComparison.Ordinal);
            var mails = await Eventually.WaitForAsync(
                () => outbox.ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None),
                m => m.Any(x => x.IdempotencyKey.StartsWith($"{id}/{reminder.Version}/", StringComparison.Ordinal)),
                "the reminder mail");
            var reminderMail = Assert.Single(mails, m => m.IdempotencyKey.StartsWith($"{id}/{reminder.Version}/", StringComparison.Ordinal));
            Assert.StartsWith("Påminnelse: Bekräfta bemanning", reminderMail.Subject, StringComparison.Ordinal);
            Assert.Contains(Head.Email, reminderMail.To, StringComparison.Ordinal);

            // The lifecycle took the reminder's batch and continued as new under the version now running.
            await Eventually.WaitForAsync(() => instances.VersionAsync(id.ToString()), v => v == "2", "the lifecycle to move to version 2");

            // An answer still ends the wait; nothing is reminded after it.
            var service = v2.Services.GetRequiredService<CaseService>();
            await OfficialsCases.Accept(service, id, new AnswerRequest(Staffing, 1, new StaffingAnswer(true, ValueList.Of(Head), null), Head, Actor.System));
            var answeredAt = (await HistoryAsync(v2, id)).Single(h => h.Event is RequestAnswered).Version;
            await Eventually.WaitForAsync(() => lifecycle.GetInstanceAsync(waitInstance), i => i?.IsCompleted == true, "the wait to end", 60);
            await Eventually.WaitForAsync(() => v2.Services.GetRequiredService<WaitRows>().ListAsync(id, CancellationToken.None), w => w.Count == 0, "the case page's wait to go");
            history = await HistoryAsync(v2, id);
            Assert.DoesNotContain(history, h => h.Version > answeredAt && h.Event is RequestReminded or RequestEscalated);
            var steps = Reminded(history).SelectMany(r => r.Event.Steps).ToList();
            Assert.Equal(steps.Distinct(StringComparer.Ordinal).Count(), steps.Count);
            Assert.Equal("2", await instances.VersionAsync(id.ToString()));
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await lifecycle.GetInstanceAsync(id.ToString()))?.RuntimeStatus);
        }

        // Rolled back to version 1: the lifecycle already at version 2 is not run by the older code. A meeting's
        // invitation committed now waits, while a new case's lifecycle (version 1) is carried out by the same app.
        int scheduledAt;
        using (var back = App(suffix, clock, "1"))
        {
            var service = back.Services.GetRequiredService<CaseService>();
            var contact = back.Services.GetRequiredService<OrganisationDirectory>().Find("socialnamnden")!.Contact;
            var start = clock.GetUtcNow().AddDays(14);
            await OfficialsCases.Accept(service, id, new ScheduleMeeting(MeetingKind.StakeholderMeeting, start, start.AddHours(1), "Stadshuset", false, ValueList.Of(contact), VettingCases.Coordinator));
            scheduledAt = (await HistoryAsync(back, id))[^1].Version;
            var control = CaseId.New();
            Assert.IsType<Accepted>(await service.SubmitAsync(control, TestCases.Initiative("Föreningen Kontroll"), CancellationToken.None));

            var outbox = back.Services.GetRequiredService<LocalOutboxStore>();
            await Eventually.WaitForAsync(
                () => outbox.ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None),
                m => m.Any(x => x.IdempotencyKey == $"{control}/1/0"),
                "the new case's acknowledgement from version 1",
                60);
            output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: version 1 delivered a new case's effects.");
            var invitation = await Eventually.WaitForAsync(() => InvitationRowAsync(back, id, scheduledAt), r => r is not null && OutboxRows.Status(r) != OutboxStatus.Pending, "the invitation to be handed over");
            Assert.Equal("1", await instances.VersionAsync(control.ToString()));

            // Handed to the lifecycle, which version 1 declines to run: not delivered, and not failed either.
            Assert.Equal(OutboxStatus.Relayed, OutboxRows.Status(invitation!));
            Assert.DoesNotContain(await outbox.ListAsync(LocalOutboxStore.CalendarPartition, 500, CancellationToken.None), m => m.IdempotencyKey.StartsWith($"{id}/{scheduledAt}/", StringComparison.Ordinal));
            Assert.Equal("2", await instances.VersionAsync(id.ToString()));
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await back.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(id.ToString()))?.RuntimeStatus);
        }

        // Version 2 again: the invitation the older code left alone goes out, once.
        using var again = App(suffix, clock, "2");
        var invitations = await Eventually.WaitForAsync(
            async () => (await again.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.CalendarPartition, 500, CancellationToken.None))
                .Where(m => m.IdempotencyKey.StartsWith($"{id}/{scheduledAt}/", StringComparison.Ordinal)).ToList(),
            m => m.Count > 0,
            "the invitation from version 2",
            60);
        Assert.Single(invitations);
        output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: version 2 delivered the invitation.");
        await Eventually.WaitForAsync(() => InvitationRowAsync(again, id, scheduledAt), r => r is not null && OutboxRows.Status(r) == OutboxStatus.Sent, "the invitation to be marked sent");
    }

    private static async Task<TableEntity?> InvitationRowAsync(IopAppFactory app, CaseId id, int version)
    {
        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.CasesTable);
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == id.ToString()))
        {
            if (row.RowKey.StartsWith(OutboxRows.Key(version, 0)[..^3], StringComparison.Ordinal) && row.GetString("Type") is { } type && type.Contains("invitation", StringComparison.OrdinalIgnoreCase))
            {
                return row;
            }
        }

        return null;
    }

    private static Task<IReadOnlyList<RecordedEvent>> HistoryAsync(IopAppFactory app, CaseId id) =>
        app.Services.GetRequiredService<ICaseStore>().LoadHistoryAsync(id, CancellationToken.None);

    private static IEnumerable<(int Version, RequestReminded Event)> Reminded(IReadOnlyList<RecordedEvent> history) =>
        history.Where(h => h.Event is RequestReminded { RequestId: Staffing }).Select(h => (h.Version, (RequestReminded)h.Event));
}
