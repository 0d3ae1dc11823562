using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Timers;
using Iop.Officials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iop.Functions.Tests.Officials;

/// <summary>Requests to officials ride the same durable timers as vetting: reminders to the addressee, escalation to the coordinator.</summary>
[Collection("Azurite")]
public sealed class RequestReminderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_unanswered_staffing_request_is_reminded_then_escalated_to_the_coordinator()
    {
        using var app = new IopAppFactory(azurite.ConnectionString);
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");
        var handler = new TimerHandler(app.Services.GetRequiredService<Cases.CaseService>(), app.Services.GetRequiredService<TimerQueue>(), app.Time, NullLogger<TimerHandler>.Instance);
        var cadence = TestCases.Policy.Reminders;
        var request = (await OfficialsCases.LoadAsync(app, id)).State.File.Requests.Single();

        app.Time.Advance(request.DueAt.AddDays(-cadence.FirstReminderDaysBeforeDue) - app.Time.GetUtcNow());
        var reminded = await handler.HandleAsync($$"""{"case":"{{id}}","at":"{{app.Time.GetUtcNow():O}}"}""", CancellationToken.None);
        app.Time.Advance(TimeSpan.FromDays(cadence.FirstReminderDaysBeforeDue + cadence.EscalateAfterDaysOverdue));
        var escalated = await handler.HandleAsync($$"""{"case":"{{id}}","at":"{{app.Time.GetUtcNow():O}}"}""", CancellationToken.None);

        Assert.Equal((TimerOutcome.Fired, TimerOutcome.Fired), (reminded, escalated));
        var history = await app.Services.GetRequiredService<Cases.ICaseStore>().LoadHistoryAsync(id, CancellationToken.None);
        Assert.Contains(history, h => h.Event is RequestReminded { RequestId: "staffing-socialnamnden" });
        Assert.Contains(history, h => h.Event is RequestEscalated { RequestId: "staffing-socialnamnden" });
        var outbox = app.Services.GetRequiredService<LocalOutboxStore>();
        IReadOnlyList<LocalOutboxMessage> mail = [], notices = [];
        for (var attempt = 0; attempt < 40 && (!mail.Any(m => m.Subject.StartsWith("Påminnelse: Bekräfta bemanning", StringComparison.Ordinal)) || !notices.Any(n => n.Subject.StartsWith("Försenat svar", StringComparison.Ordinal))); attempt++)
        {
            await Task.Delay(250);
            mail = await outbox.ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None);
            notices = await outbox.ListAsync(LocalOutboxStore.NotificationPartition, 500, CancellationToken.None);
        }

        // One reminder before the due date; one when the check finds it overdue (the due-date and overdue steps together).
        var reminders = mail.Where(m => m.Subject.StartsWith("Påminnelse: Bekräfta bemanning", StringComparison.Ordinal) && m.IdempotencyKey.StartsWith(id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Contains("helena.sjoberg@mora.example", r.To, StringComparison.Ordinal));
        Assert.All(reminders, r => Assert.Contains("/svar/", r.Text, StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Subject == "Försenat svar: Bekräftelse av bemanning – Socialnämnden" && n.CaseUrl == $"http://localhost/arenden/{id}");
    }
}
