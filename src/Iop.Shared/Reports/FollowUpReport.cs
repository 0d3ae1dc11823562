using Iop.Agreements;
using Iop.Cases;
using Iop.Officials;
using Iop.Screening;

namespace Iop.Reports;

/// <summary>One year's follow-up.</summary>
/// <param name="Year">The calendar year (Swedish time).</param>
/// <param name="Received">Initiatives received (registered) in the year.</param>
/// <param name="Screened">Screenings completed in the year.</param>
/// <param name="Discontinued">Cases discontinued in the year before they became partnerships.</param>
/// <param name="Decided">Partnerships decided: every affected committee approved the agreement in the year, before its first signature.</param>
/// <param name="SignedAgreements">Agreements signed in the year for the first time: new partnerships (a renegotiated agreement signed again is in <paramref name="Renegotiated"/>).</param>
/// <param name="ActiveAtYearEnd">Partnerships signed by the year's end and not ended by then (one being renegotiated included: its agreement runs on).</param>
/// <param name="Ended">Partnerships ended in the year (recorded in the year), <paramref name="EndedBy"/> how.</param>
/// <param name="Discontinuations">The year's discontinued cases by the stage they were at and the referral given.</param>
/// <param name="InitiativeToDecision">Days from the initiative to the committees' approval, for the partnerships decided in the year.</param>
/// <param name="Stages">Days per stage, for the stages passed in the year on the way to the first signature, in process order.</param>
/// <param name="CoFinancing">What the parties committed in the agreements signed for the first time in the year, per party and year of contribution.</param>
/// <param name="Committees">Per affected committee or company: cases scoped to it and its decisions in the year.</param>
/// <param name="RenegotiationsStarted">Running partnerships taken back to drafting to be renegotiated in the year.</param>
/// <param name="Renegotiated">Renegotiated agreements signed again in the year.</param>
/// <param name="FollowUpDialogues">Follow-up dialogues recorded in the year.</param>
/// <param name="YearlyReportsReceived">The organisations' yearly reports received in the year (a report sent again in the same year counts once).</param>
/// <param name="EndedBy">How the partnerships ended in the year ended.</param>
/// <param name="CoFinancingCommitted">Per party, for the year before and the year itself: what the agreements in force then commit.</param>
/// <param name="CoFinancingReported">Per party, for the year before and the year itself: what the parties reported contributing, up to the year's end.</param>
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
    IReadOnlyList<CommitteeFigures> Committees,
    int RenegotiationsStarted,
    int Renegotiated,
    int FollowUpDialogues,
    int YearlyReportsReceived,
    EndingCounts EndedBy,
    IReadOnlyList<CoFinancingTotal> CoFinancingCommitted,
    IReadOnlyList<CoFinancingTotal> CoFinancingReported);

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

/// <summary>One party's contributions for one year, summed over partnerships.</summary>
/// <param name="Party">The party.</param>
/// <param name="Year">The year of the contribution.</param>
/// <param name="AmountSek">Money in kronor, summed.</param>
/// <param name="Partnerships">The partnerships with a contribution from the party that year.</param>
/// <param name="InKind">The contributions in kind, as written, each once, in ordinal order.</param>
public sealed record CoFinancingTotal(Party Party, int Year, decimal AmountSek, int Partnerships, IReadOnlyList<string> InKind);

/// <summary>How the partnerships that ended in a year ended.</summary>
/// <param name="TermExpired">Their term ran out.</param>
/// <param name="Notice">A party gave notice and the notice period ran out.</param>
/// <param name="Rescission">A party rescinded the agreement.</param>
/// <param name="Other">Ended by the coordinator for another reason, a renegotiation discontinued, or an ending recorded before its kind was.</param>
public sealed record EndingCounts(int TermExpired, int Notice, int Rescission, int Other);

/// <summary>One affected committee or company in the year.</summary>
/// <param name="Id">The directory's id.</param>
/// <param name="Name">Its name as the case recorded it.</param>
/// <param name="Kind">Committee or company.</param>
/// <param name="Cases">Cases scoped to it in the year.</param>
/// <param name="Approved">Its decisions approving an agreement, recorded in the year.</param>
/// <param name="Rejected">Its decisions rejecting an agreement, recorded in the year.</param>
public sealed record CommitteeFigures(string Id, string Name, OrganisationKind Kind, int Cases, int Approved, int Rejected);
