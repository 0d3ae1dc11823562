using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Iop.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Workflow;

/// <summary>
/// A running partnership's term on the workflow's durable timers, with the record's clock sped up to twelve days a
/// second: the coordinator is reminded 6 and 3 months before the end, and the partnership ends by itself after its
/// last day (about 15, 23 and 30 seconds after the term starts for a one-year term; setting the case up takes some of that).
/// </summary>
[Collection("Azurite")]
public sealed class TermTests(AzuriteFixture azurite)
{
    private const double Scale = 12 * 24 * 60 * 60;

    [Fact]
    public async Task The_coordinator_is_reminded_before_the_term_ends_and_the_partnership_ends_by_itself()
    {
        // The case reaches drafting on the tests' usual fake clock; the sped-up clock takes over from there.
        var storage = Guid.NewGuid().ToString("N")[..8];
        CaseId id;
        using (var drafting = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(storage))
        {
            id = await OfficialsCases.AtAgreementDraftingAsync(drafting, "Terminsföreningen");

            // Let its workflow deliver what the steps so far sent (the meetings' invitations) before it stops: the history stands still.
            await Eventually.UntilHistoryStandsStillAsync(drafting.Services.GetRequiredService<ICaseStore>(), id, seconds: 60);
        }

        var logs = new CapturedLogs();
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(storage).WithClock(new ScaledTimeProvider(TimeProvider.System.GetUtcNow(), Scale)).WithCapturedLogs(logs);
        var service = app.Services.GetRequiredService<CaseService>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        foreach (var section in (await OfficialsCases.LoadAsync(app, id)).State.File.Agreement!.Sections.Where(s => s.AwaitsText))
        {
            await OfficialsCases.Accept(service, id, new EditAgreementSection(section.Id, "Parterna har skrivit avsnittet tillsammans.", VettingCases.Coordinator));
        }

        // The term is set last, from the sped-up clock's today, so that little of it passes before the signatures.
        var today = SwedishClock.LocalDate(clock.GetUtcNow());
        var term = new PartnershipTerm(today, today.AddMonths(12));
        await OfficialsCases.Accept(service, id, new SetAgreementTerms(OfficialsCases.Terms with
        {
            Term = term,
            CoFinancing = ValueList.Of(new CoFinancing(Party.Municipality, today.Year, 100_000m, null), new CoFinancing(Party.Organisation, today.Year, 0m, "Ideell tid")),
        }, VettingCases.Coordinator));
        await OfficialsCases.Accept(service, id, new SubmitAgreementForDecision(VettingCases.Coordinator));
        var decision = (await OfficialsCases.LoadAsync(app, id)).State.File.Requests.Single(r => r.Kind == RequestKind.CommitteeDecision && r.IsOpen);
        var signedOn = SwedishClock.LocalDate(clock.GetUtcNow());
        await OfficialsCases.Accept(service, id, new AnswerRequest(decision.Id, 1, new CommitteeDecision(true, signedOn, "§ 19", null), decision.Addressee, Actor.System));
        await OfficialsCases.Accept(service, id, new RecordSignature(Party.Municipality, "Anna Ordförande", "Kommunstyrelsens ordförande", signedOn, VettingCases.Coordinator));
        await OfficialsCases.Accept(service, id, new RecordSignature(Party.Organisation, "Karin Ek", "Ordförande", signedOn, VettingCases.Coordinator));

        var store = app.Services.GetRequiredService<ICaseStore>();
        var history = await Eventually.WaitForAsync(
            () => store.LoadHistoryAsync(id, CancellationToken.None), h => h.Any(e => e.Event is PartnershipEnded), "the end of the term", seconds: 120);

        var reminded = history.Select(h => h.Event).OfType<TermEndingReminded>().SelectMany(r => r.Steps).ToList();
        Assert.True(reminded.Count == 2, string.Join("\n", history.Select(h => $"{h.Version} {h.Event.GetType().Name} {h.Event.At:O}")) + "\nLOG\n" + string.Join("\n", logs.About(id.ToString()).TakeLast(150)));
        var end = term.End.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([$"term-6m@{end}", $"term-3m@{end}"], reminded);
        var ended = Assert.Single(history.Select(h => h.Event).OfType<PartnershipEnded>());
        Assert.Equal(ActorRole.System, ended.By.Role);
        Assert.True(SwedishClock.LocalDate(ended.At) > term.End);
        Assert.IsType<EndedPartnership>((await store.LoadAsync(id, CancellationToken.None))!.State);

        var outbox = app.Services.GetRequiredService<LocalOutboxStore>();
        var notices = await Eventually.WaitForAsync(
            async () => (await outbox.ListAsync(LocalOutboxStore.NotificationPartition, 500, CancellationToken.None)).Where(x => x.Subject.Contains("Terminsföreningen", StringComparison.Ordinal)).Select(x => x.Subject).ToList(),
            n => n.Contains("Partnerskapet har avslutats – Terminsföreningen"),
            "the coordinator's notice of the end",
            seconds: 60);
        Assert.Equal(2, notices.Count(x => x == "Avtalstiden slutar snart – Terminsföreningen"));

        // The same calendar wait took the yearly follow-up's reminder (due on the last day of a one-year term) and, where
        // the guideline's January day falls within the term, asked the organisation for its report on the first year.
        var rule = app.Services.GetRequiredService<Iop.Policies.PolicyCatalog>().Current.Partnership;
        var followUp = Assert.Single(history.Select(h => h.Event).OfType<FollowUpReminded>(), f => !f.Late);
        Assert.Equal(term.Start.AddMonths(12), followUp.DueOn);
        Assert.Contains("Dags för uppföljningsdialog – Terminsföreningen", notices);
        var year = term.Start.Year;
        if (SwedishClock.LocalDate(YearlyReports.RequestAt(year, rule)) <= term.End)
        {
            var requested = Assert.Single(history.Select(h => h.Event).OfType<YearlyReportRequested>());
            Assert.Equal((year, 1, ActorRole.System), (requested.Year, requested.Issue, requested.By.Role));
            var mails = await Eventually.WaitForAsync(
                async () => (await outbox.ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None)).Where(x => x.Subject.Contains($"Årsrapport för {year}", StringComparison.Ordinal)).ToList(),
                m => m.Count > 0,
                "the request for the yearly report",
                seconds: 60);
            Assert.Contains(mails, m => m.Subject.StartsWith($"Årsrapport för {year} – ", StringComparison.Ordinal) && m.Text.Contains("/arsrapport/", StringComparison.Ordinal));

            // Not sent, the report is reminded on the guideline's cadence by a wait of its own, and the coordinator is told it is late.
            Assert.Contains(history.Select(h => h.Event), e => e is YearlyReportReminded r && r.Year == year);
            Assert.Contains(history.Select(h => h.Event), e => e is YearlyReportEscalated r && r.Year == year);
            Assert.Contains(mails, m => m.Subject.StartsWith($"Påminnelse: Årsrapport för {year} – ", StringComparison.Ordinal));
            Assert.Contains("Försenad årsrapport – Terminsföreningen", notices);
        }
    }
}
