using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Digest;
using Iop.Functions.Hosting;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Partnerships;
using Iop.Policies;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Officials;

/// <summary>
/// The weekly digest names the running partnerships that wait on the coordinator: a follow-up dialogue due within 30 days
/// or overdue, a decision on the term's end the coordinator was reminded of, a yearly report past its due date.
/// The term is 2026-07-01 – 2029-06-30: follow-ups are due 1 July 2027 and 2028, the report on 2026 by 31 March 2027.
/// </summary>
[Collection("Azurite")]
public sealed class PartnershipDigestTests(AzuriteFixture azurite) : IDisposable
{
    // Storage of its own, so the digest lists this test's cases only; the web role, so no workflow acts behind its back.
    private readonly IopAppFactory _app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage($"dg{Guid.NewGuid():N}"[..10]).WithSetting(IopRoles.Key, "Web");

    public void Dispose() => _app.Dispose();

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 8, 0, 0, TimeSpan.Zero);

    private CaseService Service => _app.Services.GetRequiredService<CaseService>();

    private PolicyProfile Policy => _app.Services.GetRequiredService<PolicyCatalog>().Current;

    private async Task<ActivePartnership> ActiveAsync(CaseId id) => Assert.IsType<ActivePartnership>((await OfficialsCases.LoadAsync(_app, id)).State);

    /// <summary>The calendar's steps due now, as the workflow's timer would take them.</summary>
    private async Task StepsDueAsync(CaseId id, DateTimeOffset now)
    {
        _app.Time.SetUtcNow(now);
        await OfficialsCases.Accept(Service, id, new CheckDeadlines(Actor.System));
    }

    [Fact]
    public async Task A_follow_up_counts_from_30_days_before_it_is_due_and_stays_until_it_is_recorded()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "Uppföljningsföreningen");
        var active = await ActiveAsync(id);

        Assert.Empty(PartnershipAttention.Describe(active, Policy, At(2027, 5, 31)));
        Assert.Equal(["uppföljningsdialog senast 1 juli 2027"], PartnershipAttention.Describe(active, Policy, At(2027, 6, 1)));
        Assert.Equal(["uppföljningsdialogen skulle ha hållits senast 1 juli 2027"], PartnershipAttention.Describe(active, Policy, At(2027, 7, 2)));

        _app.Time.SetUtcNow(At(2027, 7, 2));
        await OfficialsCases.Accept(Service, id, new RecordFollowUp(new DateOnly(2027, 6, 28), null, "Läxhjälp varje vecka.", [], null, "Målen nås.", "Bra samarbete.", VettingCases.Coordinator));
        Assert.Empty(PartnershipAttention.Describe(await ActiveAsync(id), Policy, At(2027, 7, 2)));
    }

    [Fact]
    public async Task A_yearly_report_past_its_due_date_and_a_term_decision_reminded_of_are_named_until_the_coordinator_acts()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "Årsrapportföreningen");

        await StepsDueAsync(id, At(2027, 1, 20));
        var requested = await ActiveAsync(id);
        Assert.Empty(PartnershipAttention.Describe(requested, Policy, At(2027, 3, 31)));
        Assert.Equal(["organisationens årsrapport för 2026, försenad sedan 31 mars 2027"], PartnershipAttention.Describe(requested, Policy, At(2027, 4, 5)));

        await StepsDueAsync(id, At(2029, 1, 5));
        var reminded = await ActiveAsync(id);
        Assert.Contains("term-6m@20290630", reminded.StepsTaken);
        Assert.True(PartnershipAttention.TermDecisionDue(reminded));
        Assert.Contains("beslut om avtalstidens slut 30 juni 2029: förlänga, omförhandla eller avsluta", PartnershipAttention.Describe(reminded, Policy, At(2029, 1, 5)));

        await OfficialsCases.Accept(Service, id, new GiveNotice(Party.Organisation, new DateOnly(2029, 1, 5), "Föreningen läggs ned.", VettingCases.Coordinator));
        var noticed = await ActiveAsync(id);
        Assert.False(PartnershipAttention.TermDecisionDue(noticed));
        Assert.DoesNotContain(PartnershipAttention.Describe(noticed, Policy, At(2029, 1, 5)), p => p.StartsWith("beslut om avtalstidens slut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_weekly_digest_lists_the_partnerships_that_need_the_coordinator_after_the_open_cases()
    {
        var due = await OfficialsCases.ActiveAsync(_app, "Digestföreningen");
        var recorded = await OfficialsCases.ActiveAsync(_app, "Lugna föreningen");
        var open = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        _app.Time.SetUtcNow(At(2027, 6, 10));
        await OfficialsCases.Accept(Service, recorded, new RecordFollowUp(new DateOnly(2027, 6, 8), null, "Läxhjälp.", [], null, "Bra.", "Bra.", VettingCases.Coordinator));
        var number = (await OfficialsCases.LoadAsync(_app, due)).State.File.Number;

        var contents = await _app.Services.GetRequiredService<CoordinatorDigest>().SendAsync(CancellationToken.None);

        Assert.Equal(new DigestContents(1, 1), contents);
        var digest = Assert.Single(await _app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.NotificationPartition, 10, CancellationToken.None));
        Assert.Equal("Veckosammanställning vecka 23: 1 öppna IOP-ärenden, 1 partnerskap att följa upp", digest.Subject);
        var sections = digest.Text.Split("\n\n");
        Assert.Equal(2, sections.Length);
        Assert.Contains((await OfficialsCases.LoadAsync(_app, open)).State.File.Number.Value, sections[0], StringComparison.Ordinal);
        Assert.Equal($"1 löpande partnerskap behöver dig:\n– {number} Digestföreningen: uppföljningsdialog senast 1 juli 2027.", sections[1]);
        Assert.DoesNotContain("Lugna föreningen", digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_open_case_a_partnership_that_needs_the_coordinator_is_still_sent()
    {
        await OfficialsCases.ActiveAsync(_app, "Ensamma föreningen");
        _app.Time.SetUtcNow(At(2027, 7, 5));

        var contents = await _app.Services.GetRequiredService<CoordinatorDigest>().SendAsync(CancellationToken.None);

        Assert.Equal(new DigestContents(0, 1), contents);
        var digest = Assert.Single(await _app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.NotificationPartition, 10, CancellationToken.None));
        Assert.StartsWith("Inga ärenden är öppna.\n\n1 löpande partnerskap behöver dig:", digest.Text, StringComparison.Ordinal);
        Assert.EndsWith("Ensamma föreningen: uppföljningsdialogen skulle ha hållits senast 1 juli 2027.", digest.Text, StringComparison.Ordinal);
    }
}
