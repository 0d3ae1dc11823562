using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Officials;
using Iop.Screening;

namespace Iop.Reports;

/// <summary>
/// The yearly follow-up (Mora's <i>Uppföljning</i>): the number of initiatives and partnership decisions in one year,
/// counted from the cases' histories alone. Each figure for a year depends only on events recorded up to that year's
/// end, in Swedish time, so a past year's report never changes when cases move on.
/// </summary>
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

    /// <summary>The figures of <paramref name="year"/> from every case's history (each oldest first).</summary>
    public static FollowUpReport Compute(IEnumerable<IReadOnlyList<CaseEvent>> histories, int year)
    {
        var tally = new Tally(year);
        foreach (var history in histories)
        {
            tally.Add(history);
        }

        return tally.Report();
    }

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

    private sealed class Tally(int year)
    {
        private readonly List<int> _toDecision = [];
        private readonly Dictionary<Stage, List<int>> _stageDays = ProcessStages.ToDictionary(s => s, _ => new List<int>());
        private readonly Dictionary<(Stage, Alternative), int> _discontinued = [];
        private readonly Dictionary<(Party, int), (decimal Amount, HashSet<CaseId> Cases, List<string> InKind)> _financing = [];
        private readonly Dictionary<string, CommitteeTally> _committees = new(StringComparer.Ordinal);
        private int _received, _screened, _discontinuedTotal, _decided, _signed, _active, _ended;

        public void Add(IReadOnlyList<CaseEvent> history)
        {
            CaseState state = CaseState.Initial;
            DateTimeOffset? submittedAt = null, enteredAt = null, signedAt = null, endedAt = null;
            var spent = new Dictionary<Stage, int>();
            foreach (var e in history)
            {
                var before = state as RegisteredCase;
                state = CaseDecider.Evolve(state, e);
                var after = (RegisteredCase)state;
                var inYear = SwedishClock.LocalDate(e.At).Year == year;
                var upToYearEnd = SwedishClock.LocalDate(e.At).Year <= year;
                switch (e)
                {
                    case InitiativeSubmitted:
                        submittedAt = e.At;
                        _received += inYear ? 1 : 0;
                        break;
                    case ScreeningCompleted when inYear:
                        _screened++;
                        break;
                    case CaseDiscontinued d when inYear:
                        _discontinuedTotal++;
                        var key = (before!.Stage, Enum.IsDefined(d.Alternative) ? d.Alternative : Alternative.None);
                        _discontinued[key] = _discontinued.GetValueOrDefault(key) + 1;
                        break;
                    case CommitteesApproved when inYear:
                        _decided++;
                        _toDecision.Add(Days(submittedAt ?? e.At, e.At));
                        break;
                    case AgreementSigned when upToYearEnd:
                        signedAt = e.At;
                        if (inYear)
                        {
                            _signed++;
                            AddFinancing(after.File.Id, after.File.Agreement?.Terms.CoFinancing ?? ValueList<CoFinancing>.Empty);
                        }

                        break;
                    case PartnershipEnded when upToYearEnd:
                        endedAt = e.At;
                        _ended += inYear ? 1 : 0;
                        break;
                    case ScopeConfirmed scope when inYear:
                        foreach (var organisation in scope.Organisations)
                        {
                            Committee(organisation.Id, organisation.Name, organisation.Kind).Cases.Add(after.File.Id);
                        }

                        break;
                    case RequestAnswered { Answer.Content: CommitteeDecision decision } answered when inYear:
                        var request = after.File.Requests.FirstOrDefault(r => r.Id == answered.RequestId);
                        var scoped = after.File.Organisations.FirstOrDefault(o => o.Id == request?.OrganisationId);
                        var committee = Committee(request?.OrganisationId ?? answered.RequestId, scoped?.Name ?? request?.OrganisationName ?? answered.RequestId, scoped?.Kind ?? OrganisationKind.Committee);
                        if (decision.Approved)
                        {
                            committee.Approved++;
                        }
                        else
                        {
                            committee.Rejected++;
                        }

                        break;
                }

                if (before is null || before.Stage == after.Stage)
                {
                    enteredAt ??= e.At;
                    continue;
                }

                // Leaving a stage: its days add up; passing it forward (not stopping, not being sent back) counts them
                // in the year it is passed, with the days of earlier rounds that were sent back to it.
                spent[before.Stage] = spent.GetValueOrDefault(before.Stage) + Days(enteredAt ?? e.At, e.At);
                if (after.Stage > before.Stage && after.Stage is not (Stage.Discontinued or Stage.Ended) && _stageDays.TryGetValue(before.Stage, out var days))
                {
                    if (inYear)
                    {
                        days.Add(spent[before.Stage]);
                    }

                    spent[before.Stage] = 0;
                }

                enteredAt = e.At;
            }

            var yearEnd = new DateOnly(year, 12, 31);
            if (signedAt is { } signed && SwedishClock.LocalDate(signed) <= yearEnd && endedAt is null)
            {
                _active++;
            }
        }

        public FollowUpReport Report() => new(
            year,
            _received,
            _screened,
            _discontinuedTotal,
            _decided,
            _signed,
            _active,
            _ended,
            [.. _discontinued.OrderBy(d => d.Key.Item1).ThenBy(d => d.Key.Item2).Select(d => new DiscontinuedCount(d.Key.Item1, d.Key.Item2, d.Value))],
            new LeadTime(_toDecision.Count, Median(_toDecision)),
            [.. ProcessStages.Select(s => new StageLeadTime(s, new LeadTime(_stageDays[s].Count, Median(_stageDays[s]))))],
            [.. _financing.OrderBy(f => f.Key.Item1).ThenBy(f => f.Key.Item2)
                .Select(f => new CoFinancingTotal(f.Key.Item1, f.Key.Item2, f.Value.Amount, f.Value.Cases.Count, [.. f.Value.InKind]))],
            [.. _committees.Select(c => new CommitteeFigures(c.Key, c.Value.Name, c.Value.Kind, c.Value.Cases.Count, c.Value.Approved, c.Value.Rejected))]);

        private void AddFinancing(CaseId id, IEnumerable<CoFinancing> rows)
        {
            foreach (var row in rows)
            {
                var key = (row.Party, row.Year);
                if (!_financing.TryGetValue(key, out var total))
                {
                    total = (0m, [], []);
                }

                total.Cases.Add(id);
                if (!string.IsNullOrWhiteSpace(row.InKind) && !total.InKind.Contains(row.InKind.Trim(), StringComparer.Ordinal))
                {
                    total.InKind.Add(row.InKind.Trim());
                }

                _financing[key] = total with { Amount = total.Amount + row.AmountSek };
            }
        }

        private CommitteeTally Committee(string id, string name, OrganisationKind kind)
        {
            if (!_committees.TryGetValue(id, out var committee))
            {
                _committees[id] = committee = new CommitteeTally(name, kind);
            }

            return committee;
        }

        private static int Days(DateTimeOffset from, DateTimeOffset to) => SwedishClock.LocalDate(to).DayNumber - SwedishClock.LocalDate(from).DayNumber;
    }

    private sealed class CommitteeTally(string name, OrganisationKind kind)
    {
        public string Name { get; } = name;

        public OrganisationKind Kind { get; } = kind;

        public HashSet<CaseId> Cases { get; } = [];

        public int Approved { get; set; }

        public int Rejected { get; set; }
    }
}

/// <summary>One year's follow-up.</summary>
/// <param name="Year">The calendar year (Swedish time).</param>
/// <param name="Received">Initiatives received (registered) in the year.</param>
/// <param name="Screened">Screenings completed in the year.</param>
/// <param name="Discontinued">Cases discontinued in the year.</param>
/// <param name="Decided">Partnerships decided: every affected committee approved the agreement in the year.</param>
/// <param name="SignedAgreements">Agreements signed in the year.</param>
/// <param name="ActiveAtYearEnd">Partnerships signed by the year's end and not ended by then.</param>
/// <param name="Ended">Partnerships ended in the year.</param>
/// <param name="Discontinuations">The year's discontinued cases by the stage they were at and the referral given.</param>
/// <param name="InitiativeToDecision">Days from the initiative to the committees' approval, for the partnerships decided in the year.</param>
/// <param name="Stages">Days per stage, for the stages passed in the year, in process order.</param>
/// <param name="CoFinancing">What the parties committed in the agreements signed in the year, per party and year of contribution.</param>
/// <param name="Committees">Per affected committee or company: cases scoped to it and its decisions in the year.</param>
public sealed record FollowUpReport(
    int Year,
    int Received,
    int Screened,
    int Discontinued,
    int Decided,
    int SignedAgreements,
    int ActiveAtYearEnd,
    int Ended,
    IReadOnlyList<DiscontinuedCount> Discontinuations,
    LeadTime InitiativeToDecision,
    IReadOnlyList<StageLeadTime> Stages,
    IReadOnlyList<CoFinancingTotal> CoFinancing,
    IReadOnlyList<CommitteeFigures> Committees);

/// <summary>Cases discontinued at one stage with one referral.</summary>
/// <param name="AtStage">The stage the case was at.</param>
/// <param name="Referral">Where the initiators were referred instead.</param>
/// <param name="Count">How many.</param>
public sealed record DiscontinuedCount(Stage AtStage, Alternative Referral, int Count);

/// <summary>A lead time: how many cases were measured and the median of their whole days (Swedish dates).</summary>
/// <param name="Cases">The number of measurements.</param>
/// <param name="MedianDays">The median in days, or null when nothing was measured.</param>
public sealed record LeadTime(int Cases, decimal? MedianDays);

/// <summary>The lead time of one stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Time">Its lead time.</param>
public sealed record StageLeadTime(Stage Stage, LeadTime Time);

/// <summary>One party's committed contributions for one year, over the partnerships signed in the report's year.</summary>
/// <param name="Party">The party.</param>
/// <param name="Year">The year of the contribution.</param>
/// <param name="AmountSek">Money in kronor, summed.</param>
/// <param name="Partnerships">The partnerships with a contribution from the party that year.</param>
/// <param name="InKind">The contributions in kind, as written, each once.</param>
public sealed record CoFinancingTotal(Party Party, int Year, decimal AmountSek, int Partnerships, IReadOnlyList<string> InKind);

/// <summary>One affected committee or company in the year.</summary>
/// <param name="Id">The directory's id.</param>
/// <param name="Name">Its name as the case recorded it.</param>
/// <param name="Kind">Committee or company.</param>
/// <param name="Cases">Cases scoped to it in the year.</param>
/// <param name="Approved">Its decisions approving an agreement, recorded in the year.</param>
/// <param name="Rejected">Its decisions rejecting an agreement, recorded in the year.</param>
public sealed record CommitteeFigures(string Id, string Name, OrganisationKind Kind, int Cases, int Approved, int Rejected);
