using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Officials;
using Iop.Partnerships;
using Iop.Reports;
using Iop.Screening;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Reports;

/// <summary>
/// The yearly follow-up's rules for running partnerships, over histories made of events: what counts as signed and as
/// renegotiated, how partnerships ended, and the co-financing committed and reported. Every case is signed on
/// 2026-03-02 (see <see cref="Cases.Spec"/>) with 553 200 kr from the municipality and volunteer time for 2026.
/// </summary>
public sealed class YearlyFollowUpRules
{
    private static readonly CoFinancing Hours800 = new(Party.Organisation, 2026, 0m, "Ideell tid, 800 timmar");

    private static DateTimeOffset Swedish(int year, int month, int day, int hour = 12) =>
        SwedishClock.FromLocal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified));

    /// <summary>A case of its own, signed, and what happened next.</summary>
    private static CaseEvent[] Signed(params CaseEvent[] then) => [.. OwnCase(UpTo(Stage.Active)), .. then];

    private static IEnumerable<CaseEvent> OwnCase(IEnumerable<CaseEvent> history)
    {
        var id = CaseId.New();
        return history.Select(e => e is InitiativeSubmitted s ? s with { Case = id } : e);
    }

    private static FollowUpRecorded Dialogue(DateTimeOffset at, params CoFinancing[] contributions) =>
        new(new FollowUpRecord(null, SwedishClock.LocalDate(at), null, "Läxhjälp varje vecka.", [.. contributions], null, "Målen nås.", "Bra samarbete."), Coordinator, at);

    private static YearlyReportSubmitted Report(int year, DateTimeOffset at, params CoFinancing[] contributions) =>
        new(year, new YearlyReportSubmission("Vi höll öppet 120 kvällar.", [.. contributions], [], "Karin Ek", at), Initiator, at);

    /// <summary>Renegotiated from <paramref name="start"/>: new terms with <paramref name="financing"/>, decided, and signed on <paramref name="signed"/> (if given).</summary>
    private static CaseEvent[] Renegotiation(DateTimeOffset start, DateTimeOffset? signed, params CoFinancing[] financing)
    {
        var term = new PartnershipTerm(new DateOnly(2027, 7, 1), new DateOnly(2030, 6, 30));
        var draft = WrittenDraft with { Terms = Terms with { CoFinancing = [.. financing], Term = term } };
        CaseEvent[] drafted =
        [
            new RenegotiationStarted("Verksamheten växer.", Coordinator, start),
            new AgreementTermsSet(draft, Coordinator, start.AddDays(1)),
            new AgreementSubmittedForDecision(Coordinator, start.AddDays(2)),
        ];
        return signed is { } at ? [.. drafted, new CommitteesApproved(Coordinator, at.AddDays(-1)), new AgreementSigned(term, Coordinator, at)] : drafted;
    }

    private static (Party, int, decimal, int, string)[] Totals(IEnumerable<CoFinancingTotal> totals) =>
        [.. totals.Select(c => (c.Party, c.Year, c.AmountSek, c.Partnerships, string.Join("; ", c.InKind)))];

    [Fact]
    public void The_latest_recorded_figure_counts_and_a_report_that_leaves_a_party_out_leaves_its_figure()
    {
        var history = Signed(
            Dialogue(Swedish(2026, 9, 10), new CoFinancing(Party.Municipality, 2026, 300_000m, null), Hours800),
            Dialogue(Swedish(2026, 11, 10), new CoFinancing(Party.Municipality, 2026, 320_000m, null)),
            Report(2026, Swedish(2027, 2, 10), new CoFinancing(Party.Municipality, 2026, 553_200m, null), new CoFinancing(Party.Organisation, 2026, 12_000m, "Ideell tid, 2 000 timmar")),
            Dialogue(Swedish(2027, 10, 1), new CoFinancing(Party.Municipality, 2027, 100_000m, null)));

        var y2026 = YearlyFollowUp.Compute([history], 2026);
        Assert.Equal([(Party.Municipality, 2026, 320_000m, 1, ""), (Party.Organisation, 2026, 0m, 1, "Ideell tid, 800 timmar")], Totals(y2026.CoFinancingReported));
        Assert.Equal((2, 0), (y2026.FollowUpDialogues, y2026.YearlyReportsReceived));

        // The report on 2026 came in 2027: it counts for 2026 in the follow-up of 2027, beside what was reported for 2027.
        var y2027 = YearlyFollowUp.Compute([history], 2027);
        Assert.Equal(
            [(Party.Municipality, 2026, 553_200m, 1, ""), (Party.Municipality, 2027, 100_000m, 1, ""), (Party.Organisation, 2026, 12_000m, 1, "Ideell tid, 2 000 timmar")],
            Totals(y2027.CoFinancingReported));
        Assert.Equal((1, 1), (y2027.FollowUpDialogues, y2027.YearlyReportsReceived));

        // Two years on, 2026 is no longer in the report.
        Assert.Equal([(Party.Municipality, 2027, 100_000m, 1, "")], Totals(YearlyFollowUp.Compute([history], 2028).CoFinancingReported));
    }

    [Fact]
    public void Reported_figures_add_up_over_partnerships_and_a_report_sent_again_in_the_same_year_is_received_once()
    {
        var first = Signed(
            Report(2026, Swedish(2027, 2, 10), new CoFinancing(Party.Municipality, 2026, 100_000m, null)),
            Report(2026, Swedish(2027, 3, 1), new CoFinancing(Party.Municipality, 2026, 110_000m, null), Hours800));
        var second = Signed(Dialogue(Swedish(2027, 1, 5), new CoFinancing(Party.Municipality, 2026, 200_000m, null), Hours800 with { InKind = " Lokaler " }));

        var r = YearlyFollowUp.Compute([first, second], 2027);

        Assert.Equal([(Party.Municipality, 2026, 310_000m, 2, ""), (Party.Organisation, 2026, 0m, 2, "Ideell tid, 800 timmar; Lokaler")], Totals(r.CoFinancingReported));
        Assert.Equal((1, 1), (r.YearlyReportsReceived, r.FollowUpDialogues));
    }

    [Fact]
    public void Endings_are_counted_by_kind_in_the_year_they_were_recorded()
    {
        CaseEvent[] Ended(EndingKind? kind, DateTimeOffset at) => Signed(new PartnershipEnded("Slut.", Coordinator, at, SwedishClock.LocalDate(at), kind));

        var histories = new[]
        {
            Ended(EndingKind.TermExpired, Swedish(2027, 3, 1)), Ended(EndingKind.Notice, Swedish(2027, 3, 1)), Ended(EndingKind.Rescission, Swedish(2027, 3, 1)),
            Ended(EndingKind.Ended, Swedish(2027, 3, 1)), Ended(null, Swedish(2027, 3, 1)),

            // Its last day was 31 December 2027; the end was recorded in the first hour of 2028.
            Signed(new PartnershipEnded("Avtalstiden löpte ut.", Actor.System, Swedish(2028, 1, 1, 0), new DateOnly(2027, 12, 31), EndingKind.TermExpired)),
        };

        var y2027 = YearlyFollowUp.Compute(histories, 2027);
        Assert.Equal(5, y2027.Ended);
        Assert.Equal(new EndingCounts(TermExpired: 1, Notice: 1, Rescission: 1, Other: 2), y2027.EndedBy);
        Assert.Equal(1, y2027.ActiveAtYearEnd);
        var y2028 = YearlyFollowUp.Compute(histories, 2028);
        Assert.Equal((1, new EndingCounts(1, 0, 0, 0), 0), (y2028.Ended, y2028.EndedBy, y2028.ActiveAtYearEnd));
        Assert.Equal((0, 6), (YearlyFollowUp.Compute(histories, 2026).Ended, YearlyFollowUp.Compute(histories, 2026).ActiveAtYearEnd));
    }

    [Fact]
    public void A_renegotiated_agreement_signed_again_is_renegotiated_not_a_new_partnership()
    {
        var history = Signed(Renegotiation(Swedish(2027, 5, 2), Swedish(2027, 6, 1), new CoFinancing(Party.Municipality, 2027, 600_000m, null), new CoFinancing(Party.Organisation, 2027, 0m, "Lokaler")));

        var y2026 = YearlyFollowUp.Compute([history], 2026);
        Assert.Equal((1, 1, 0, 0, 1), (y2026.Decided, y2026.SignedAgreements, y2026.RenegotiationsStarted, y2026.Renegotiated, y2026.ActiveAtYearEnd));

        var y2027 = YearlyFollowUp.Compute([history], 2027);
        Assert.Equal((0, 0, 1, 1, 1), (y2027.Decided, y2027.SignedAgreements, y2027.RenegotiationsStarted, y2027.Renegotiated, y2027.ActiveAtYearEnd));
        Assert.Equal(new LeadTime(0, null), y2027.InitiativeToDecision);
        Assert.All(y2027.Stages, s => Assert.Equal(0, s.Time.Cases));
        Assert.Empty(y2027.CoFinancing);

        // Committed for 2026 by the first agreement (in force in 2026), for 2027 by the renegotiated one.
        Assert.Equal(
            [(Party.Municipality, 2026, 553_200m, 1, ""), (Party.Municipality, 2027, 600_000m, 1, ""), (Party.Organisation, 2026, 0m, 1, "Ideell tid, 2 000 timmar"), (Party.Organisation, 2027, 0m, 1, "Lokaler")],
            Totals(y2027.CoFinancingCommitted));
    }

    [Fact]
    public void A_partnership_being_renegotiated_at_the_years_end_is_active_under_the_agreement_last_signed()
    {
        var history = Signed(Renegotiation(Swedish(2026, 11, 2), signed: null, new CoFinancing(Party.Municipality, 2026, 999_000m, null), new CoFinancing(Party.Organisation, 2027, 0m, "Lokaler")));

        var r = YearlyFollowUp.Compute([history], 2026);

        Assert.Equal((1, 1, 0), (r.ActiveAtYearEnd, r.RenegotiationsStarted, r.Renegotiated));
        Assert.Equal([(Party.Municipality, 2026, 553_200m, 1, ""), (Party.Organisation, 2026, 0m, 1, "Ideell tid, 2 000 timmar")], Totals(r.CoFinancingCommitted));
    }

    [Fact]
    public void A_renegotiation_given_up_ends_the_partnership_and_is_no_discontinued_initiative()
    {
        var history = Signed([.. Renegotiation(Swedish(2027, 5, 2), signed: null), new CaseDiscontinued("Parterna kom inte överens.", Alternative.None, Coordinator, Swedish(2027, 8, 1))]);

        var r = YearlyFollowUp.Compute([history], 2027);

        Assert.Equal((0, 1, 0), (r.Discontinued, r.Ended, r.ActiveAtYearEnd));
        Assert.Empty(r.Discontinuations);
        Assert.Equal(new EndingCounts(0, 0, 0, 1), r.EndedBy);
    }

    [Fact]
    public void What_is_committed_for_a_year_counts_for_partnerships_not_ended_before_it_began()
    {
        var terms = WrittenDraft with { Terms = Terms with { CoFinancing = [new CoFinancing(Party.Municipality, 2026, 100m, null), new CoFinancing(Party.Municipality, 2027, 200m, null), new CoFinancing(Party.Organisation, 2027, 0m, "Tid")] } };
        CaseEvent[] WithTerms(params CaseEvent[] then) =>
            [.. OwnCase(UpTo(Stage.Active)).Select(e => e is AgreementTermsSet ? new AgreementTermsSet(terms, Coordinator, e.At) : e), .. then];
        var endedIn2026 = WithTerms(new PartnershipEnded("Slut.", Coordinator, Swedish(2026, 10, 1), null, EndingKind.Rescission));
        var endedIn2027 = WithTerms(new PartnershipEnded("Slut.", Coordinator, Swedish(2027, 2, 1), null, EndingKind.Notice));

        var r = YearlyFollowUp.Compute([endedIn2026, endedIn2027], 2027);

        Assert.Equal([(Party.Municipality, 2026, 200m, 2, ""), (Party.Municipality, 2027, 200m, 1, ""), (Party.Organisation, 2027, 0m, 1, "Tid")], Totals(r.CoFinancingCommitted));
    }

    [Fact]
    public void A_case_received_after_the_year_or_closed_before_the_year_before_need_not_be_read()
    {
        var received = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
        CaseSummary Summary(Stage stage, DateTimeOffset updated) => new(Case, Number, "Föreningen Navet", stage, received, updated, null, 12);

        Assert.True(YearlyFollowUp.CannotCount(Summary(Stage.Screening, received), 2024));
        Assert.True(YearlyFollowUp.CannotCount(Summary(Stage.Discontinued, Swedish(2025, 12, 31, 23)), 2027));
        Assert.True(YearlyFollowUp.CannotCount(Summary(Stage.Ended, Swedish(2025, 12, 31, 23)), 2027));
        Assert.False(YearlyFollowUp.CannotCount(Summary(Stage.Ended, Swedish(2026, 1, 1, 0)), 2027));
        Assert.False(YearlyFollowUp.CannotCount(Summary(Stage.Discontinued, Swedish(2025, 6, 2)), 2026));
        Assert.False(YearlyFollowUp.CannotCount(Summary(Stage.Active, Swedish(2025, 6, 2)), 2030));
    }
}
