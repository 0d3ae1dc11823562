using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Officials;
using Iop.Partnerships;
using Iop.Screening;

namespace Iop.Reports;

/// <summary>How a partnership ended, as the follow-up counts it.</summary>
internal enum EndingCategory
{
    TermExpired,
    Notice,
    Rescission,
    Other,
}

/// <summary>One committee or company as one case saw it in the year: scoped to it, and its decisions.</summary>
internal sealed record CommitteeInCase(string Name, OrganisationKind Kind, bool Scoped, int Approved, int Rejected);

/// <summary>
/// What one case adds to one year's follow-up, from its history alone (see <see cref="YearlyFollowUp"/> for the rules).
/// Immutable once made, so that it can be kept for as long as the case does not change.
/// </summary>
internal sealed class CaseFigures
{
    private CaseFigures(CaseId id, int version)
    {
        Id = id;
        Version = version;
    }

    /// <summary>The case.</summary>
    public CaseId Id { get; }

    /// <summary>How many events of the case's history were counted.</summary>
    public int Version { get; }

    public bool Received { get; private set; }

    public int Screened { get; private set; }

    /// <summary>Discontinued in the year before becoming a partnership: at which stage and with which referral.</summary>
    public (Stage AtStage, Alternative Referral)? Discontinued { get; private set; }

    /// <summary>Days from the initiative to each approval by the committees in the year, before the first signature.</summary>
    public IReadOnlyList<int> ToDecision { get; private set; } = [];

    public bool Signed { get; private set; }

    public int RenegotiationsStarted { get; private set; }

    public int Renegotiated { get; private set; }

    public bool ActiveAtYearEnd { get; private set; }

    /// <summary>How the partnership ended, when it ended in the year.</summary>
    public EndingCategory? Ended { get; private set; }

    public int FollowUpDialogues { get; private set; }

    public int YearlyReportsReceived { get; private set; }

    /// <summary>The days of each stage passed in the year, in the order passed.</summary>
    public IReadOnlyList<(Stage Stage, int Days)> StageDays { get; private set; } = [];

    /// <summary>The co-financing of the agreement first signed in the year.</summary>
    public IReadOnlyList<CoFinancing> SignedCoFinancing { get; private set; } = [];

    /// <summary>What the agreement in force commits for the year before and the year itself.</summary>
    public IReadOnlyList<CoFinancing> Committed { get; private set; } = [];

    /// <summary>What was reported for the year before and the year itself: the latest figure per party and year.</summary>
    public IReadOnlyList<CoFinancing> Reported { get; private set; } = [];

    /// <summary>The committees and companies of the case in the year, by directory id.</summary>
    public IReadOnlyDictionary<string, CommitteeInCase> Committees { get; private set; } = new Dictionary<string, CommitteeInCase>();

    /// <summary>Counts what the case (its history, oldest first) adds to the follow-up of <paramref name="year"/>.</summary>
    public static CaseFigures Of(IReadOnlyList<CaseEvent> history, int year)
    {
        var figures = new CaseFigures(history.Count > 0 && history[0] is InitiativeSubmitted submitted ? submitted.Case : default, history.Count);
        CaseState state = CaseState.Initial;
        DateTimeOffset? submittedAt = null, enteredAt = null;
        bool everSigned = false, signedByYearEnd = false;
        int? closedIn = null;
        IReadOnlyList<CoFinancing>? inForceYearBefore = null, inForceYear = null;
        var reported = new Dictionary<(Party, int), CoFinancing>();
        var reportsOn = new HashSet<int>();
        var stageDays = new List<(Stage, int)>();
        var toDecision = new List<int>();
        var committees = new Dictionary<string, CommitteeInCase>(StringComparer.Ordinal);
        var spent = new Dictionary<Stage, int>();

        void Report(IEnumerable<CoFinancing> contributions)
        {
            // A later report replaces the figure an earlier one gave for the same party and year, and only that figure.
            foreach (var c in contributions.Where(c => c.Year == year || c.Year == year - 1))
            {
                reported[(c.Party, c.Year)] = c;
            }
        }

        void Committee(string id, string name, OrganisationKind kind, Func<CommitteeInCase, CommitteeInCase> change) =>
            committees[id] = change(committees.GetValueOrDefault(id) ?? new CommitteeInCase(name, kind, false, 0, 0));

        foreach (var e in history)
        {
            var before = state as RegisteredCase;
            state = CaseDecider.Evolve(state, e);
            var after = (RegisteredCase)state;
            var eventYear = SwedishClock.LocalDate(e.At).Year;
            var inYear = eventYear == year;
            var upToYearEnd = eventYear <= year;
            var wasSigned = everSigned;
            switch (e)
            {
                case InitiativeSubmitted:
                    submittedAt = e.At;
                    figures.Received = inYear;
                    break;
                case ScreeningCompleted when inYear:
                    figures.Screened++;
                    break;
                case CaseDiscontinued when wasSigned:
                    // A renegotiation given up: the partnership is over. An ending, not a discontinued initiative.
                    closedIn ??= upToYearEnd ? eventYear : null;
                    figures.Ended = inYear ? EndingCategory.Other : figures.Ended;
                    break;
                case CaseDiscontinued d when inYear:
                    figures.Discontinued = (before!.Stage, Enum.IsDefined(d.Alternative) ? d.Alternative : Alternative.None);
                    break;
                case CommitteesApproved when inYear && !wasSigned:
                    toDecision.Add(Days(submittedAt ?? e.At, e.At));
                    break;
                case AgreementSigned:
                    everSigned = true;
                    if (upToYearEnd)
                    {
                        // The agreement as signed is the one in force from now on, also for a renegotiated partnership.
                        var financing = after.File.Agreement?.Terms.CoFinancing ?? ValueList<CoFinancing>.Empty;
                        inForceYearBefore = eventYear < year ? financing : inForceYearBefore;
                        inForceYear = financing;
                        signedByYearEnd = true;
                        if (inYear && !wasSigned)
                        {
                            figures.Signed = true;
                            figures.SignedCoFinancing = financing;
                        }
                    }

                    figures.Renegotiated += inYear && wasSigned ? 1 : 0;
                    break;
                case RenegotiationStarted when inYear:
                    figures.RenegotiationsStarted++;
                    break;
                case PartnershipEnded ended when upToYearEnd:
                    closedIn = eventYear;
                    figures.Ended = inYear ? Category(ended.Kind) : null;
                    break;
                case FollowUpRecorded recorded when upToYearEnd:
                    figures.FollowUpDialogues += inYear ? 1 : 0;
                    Report(recorded.Record.Contributions);
                    break;
                case YearlyReportSubmitted submittedReport when upToYearEnd:
                    if (inYear)
                    {
                        reportsOn.Add(submittedReport.Year);
                    }

                    Report(submittedReport.Submission.Contributions);
                    break;
                case ScopeConfirmed scope when inYear:
                    foreach (var organisation in scope.Organisations)
                    {
                        Committee(organisation.Id, organisation.Name, organisation.Kind, c => c with { Scoped = true });
                    }

                    break;
                case RequestAnswered { Answer.Content: CommitteeDecision decision } answered when inYear:
                    var request = after.File.Requests.FirstOrDefault(r => r.Id == answered.RequestId);
                    var scoped = after.File.Organisations.FirstOrDefault(o => o.Id == request?.OrganisationId);
                    Committee(
                        request?.OrganisationId ?? answered.RequestId,
                        scoped?.Name ?? request?.OrganisationName ?? answered.RequestId,
                        scoped?.Kind ?? OrganisationKind.Committee,
                        c => decision.Approved ? c with { Approved = c.Approved + 1 } : c with { Rejected = c.Rejected + 1 });
                    break;
            }

            if (before is null || before.Stage == after.Stage)
            {
                enteredAt ??= e.At;
                continue;
            }

            // Leaving a stage: its days add up; passing it forward (not stopping, not being sent back) counts them
            // in the year it is passed, with the days of earlier rounds that were sent back to it. Only the way to the
            // first signature is a lead time: a renegotiation's rounds are not.
            spent[before.Stage] = spent.GetValueOrDefault(before.Stage) + Days(enteredAt ?? e.At, e.At);
            if (!wasSigned && after.Stage > before.Stage && after.Stage is not (Stage.Discontinued or Stage.Ended) && YearlyFollowUp.ProcessStages.Contains(before.Stage))
            {
                if (inYear)
                {
                    stageDays.Add((before.Stage, spent[before.Stage]));
                }

                spent[before.Stage] = 0;
            }

            enteredAt = e.At;
        }

        figures.ActiveAtYearEnd = signedByYearEnd && closedIn is null;
        figures.YearlyReportsReceived = reportsOn.Count;
        figures.StageDays = stageDays;
        figures.ToDecision = toDecision;
        figures.Committees = committees;
        figures.Reported = [.. reported.Values];
        figures.Committed =
        [
            .. (inForceYearBefore is not null && !(closedIn < year - 1) ? inForceYearBefore.Where(c => c.Year == year - 1) : []),
            .. (inForceYear is not null && !(closedIn < year) ? inForceYear.Where(c => c.Year == year) : []),
        ];
        return figures;
    }

    private static EndingCategory Category(EndingKind? kind) => kind switch
    {
        EndingKind.TermExpired => EndingCategory.TermExpired,
        EndingKind.Notice => EndingCategory.Notice,
        EndingKind.Rescission => EndingCategory.Rescission,
        _ => EndingCategory.Other,
    };

    private static int Days(DateTimeOffset from, DateTimeOffset to) => SwedishClock.LocalDate(to).DayNumber - SwedishClock.LocalDate(from).DayNumber;
}
