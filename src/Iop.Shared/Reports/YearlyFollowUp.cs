using Iop.Agreements;
using Iop.Cases;

namespace Iop.Reports;

/// <summary>
/// The yearly follow-up (Mora's <i>Uppföljning</i>): the number of initiatives and partnership decisions in one year,
/// and how the running partnerships fared, counted from the cases' histories alone. Each figure for a year depends only
/// on events recorded up to that year's end, in Swedish time, so a past year's report never changes when cases move on.
/// </summary>
/// <remarks>
/// <para>
/// Every event counts in the year it was recorded. An agreement counts as signed once, in the year of its first signature:
/// a renegotiated agreement signed again is counted as renegotiated, not as a new partnership, and the committees'
/// approval of it, and its drafting and decision rounds, are not in "decided" or the lead times (the committees' own
/// decisions are in their table). A partnership being renegotiated at the year's end is still active: its agreement
/// runs on until the new one is signed; a renegotiation discontinued ends the partnership (an ending of kind "other").
/// </para>
/// <para>
/// Co-financing: <i>committed</i> for a year is what the agreement in force then commits for it (the one last signed by
/// that year's end), for partnerships not ended before the year began; <i>reported</i> is what follow-up dialogues and
/// the organisation's yearly reports recorded up to the report's year end give for that year. When several of them give
/// a figure for the same case, party and year, the latest recorded counts (a correction replaces, it does not add); a
/// report that leaves a party out leaves that party's earlier figure as it was. Both are given for the year and the year
/// before, because the organisation's report on a year comes in the year after: so the year before's reported figures
/// include the reports received in the year, and every report is counted in some year's follow-up.
/// </para>
/// </remarks>
public static class YearlyFollowUp
{
    /// <summary>The stages a case passes before it is signed, whose lead times are reported.</summary>
    public static IReadOnlyList<Stage> ProcessStages { get; } =
    [
        Stage.Received, Stage.Screening, Stage.FirstMeeting, Stage.PartnerVetting, Stage.Scoping, Stage.StakeholderMeeting,
        Stage.InternalDiscussion, Stage.FollowUpMeeting, Stage.AgreementDrafting, Stage.CommitteeDecision,
    ];

    /// <summary>The earliest year a report is made for.</summary>
    public const int FirstYear = 2000;

    /// <summary>
    /// The version of these rules. A report kept once its year has closed is kept under this version, so one counted by
    /// earlier rules is counted again; raise it whenever a figure would come out differently.
    /// </summary>
    public const int Version = 2;

    /// <summary>The figures of <paramref name="year"/> from every case's history (each oldest first).</summary>
    public static FollowUpReport Compute(IEnumerable<IReadOnlyList<CaseEvent>> histories, int year) =>
        Sum(year, histories.Select(h => CaseFigures.Of(h, year)));

    /// <summary>The median of whole days, or null when there are none.</summary>
    public static decimal? Median(IReadOnlyCollection<int> days)
    {
        if (days.Count == 0)
        {
            return null;
        }

        var sorted = days.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }

    /// <summary>
    /// Whether a case can add nothing to the report of <paramref name="year"/>, by its summary alone: received after the
    /// year, or closed (discontinued or ended: it changes no more) before the year before began. Such a case's history
    /// need not be read.
    /// </summary>
    public static bool CannotCount(CaseSummary summary, int year) =>
        Common.SwedishClock.LocalDate(summary.ReceivedAt).Year > year
        || (summary.Stage is Stage.Discontinued or Stage.Ended && Common.SwedishClock.LocalDate(summary.UpdatedAt).Year < year - 1);

    /// <summary>The year's figures from what each case adds to them; the cases' order does not matter.</summary>
    internal static FollowUpReport Sum(int year, IEnumerable<CaseFigures> figures)
    {
        var cases = figures.OrderBy(c => c.Id.Value).ToList();
        var toDecision = cases.SelectMany(c => c.ToDecision).ToList();
        var stageDays = cases.SelectMany(c => c.StageDays).ToLookup(s => s.Stage, s => s.Days);
        var discontinued = cases.Where(c => c.Discontinued is not null).Select(c => c.Discontinued!.Value)
            .GroupBy(d => d).OrderBy(g => g.Key.AtStage).ThenBy(g => g.Key.Referral)
            .Select(g => new DiscontinuedCount(g.Key.AtStage, g.Key.Referral, g.Count()));
        var committees = new Dictionary<string, (CommitteeInCase First, int Cases, int Approved, int Rejected)>(StringComparer.Ordinal);
        foreach (var (id, c) in cases.SelectMany(c => c.Committees.Select(kv => (kv.Key, kv.Value))))
        {
            var (first, scoped, approved, rejected) = committees.GetValueOrDefault(id, (c, 0, 0, 0));
            committees[id] = (first, scoped + (c.Scoped ? 1 : 0), approved + c.Approved, rejected + c.Rejected);
        }

        int Ended(EndingCategory category) => cases.Count(c => c.Ended == category);
        return new FollowUpReport(
            year,
            cases.Count(c => c.Received),
            cases.Sum(c => c.Screened),
            cases.Count(c => c.Discontinued is not null),
            toDecision.Count,
            cases.Count(c => c.Signed),
            cases.Count(c => c.ActiveAtYearEnd),
            cases.Count(c => c.Ended is not null),
            [.. discontinued],
            new LeadTime(toDecision.Count, Median(toDecision)),
            [.. ProcessStages.Select(s => new StageLeadTime(s, new LeadTime(stageDays[s].Count(), Median([.. stageDays[s]]))))],
            Totals(cases.Select(c => (c.Id, c.SignedCoFinancing))),
            [.. committees.Select(c => new CommitteeFigures(c.Key, c.Value.First.Name, c.Value.First.Kind, c.Value.Cases, c.Value.Approved, c.Value.Rejected))],
            cases.Sum(c => c.RenegotiationsStarted),
            cases.Sum(c => c.Renegotiated),
            cases.Sum(c => c.FollowUpDialogues),
            cases.Sum(c => c.YearlyReportsReceived),
            new EndingCounts(Ended(EndingCategory.TermExpired), Ended(EndingCategory.Notice), Ended(EndingCategory.Rescission), Ended(EndingCategory.Other)),
            Totals(cases.Select(c => (c.Id, c.Committed))),
            Totals(cases.Select(c => (c.Id, c.Reported))));
    }

    /// <summary>Contributions summed per party and year: money added, partnerships counted once, each text in kind once (in ordinal order).</summary>
    private static IReadOnlyList<CoFinancingTotal> Totals(IEnumerable<(CaseId Case, IReadOnlyList<CoFinancing> Rows)> cases) =>
    [
        .. cases.SelectMany(c => c.Rows.Select(row => (c.Case, Row: row)))
            .GroupBy(r => (r.Row.Party, r.Row.Year))
            .OrderBy(g => g.Key.Party).ThenBy(g => g.Key.Year)
            .Select(g => new CoFinancingTotal(
                g.Key.Party,
                g.Key.Year,
                g.Sum(r => r.Row.AmountSek),
                g.Select(r => r.Case).Distinct().Count(),
                [.. g.Select(r => r.Row.InKind?.Trim()).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])),
    ];
}
