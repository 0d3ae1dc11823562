using System.Text.Json.Serialization;
using Iop.Common;
using Iop.Intake;
using Iop.Meetings;
using Iop.Officials;
using Iop.Screening;
using Iop.Vetting;

namespace Iop.Cases;

/// <summary>
/// A fact in a case's history (a public record): who did what, and when. Events are never changed or removed.
/// The discriminators are stored: never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(InitiativeSubmitted), "initiative-submitted")]
[JsonDerivedType(typeof(CriteriaAssessed), "criteria-assessed")]
[JsonDerivedType(typeof(ScreeningCompleted), "screening-completed")]
[JsonDerivedType(typeof(CaseDiscontinued), "case-discontinued")]
[JsonDerivedType(typeof(PartnerVettingStarted), "partner-vetting-started")]
[JsonDerivedType(typeof(PartnerVettingCompleted), "partner-vetting-completed")]
[JsonDerivedType(typeof(PortalLinkIssued), "portal-link-issued")]
[JsonDerivedType(typeof(DocumentUploaded), "document-uploaded")]
[JsonDerivedType(typeof(DocumentFilesUploaded), "document-files-uploaded")]
[JsonDerivedType(typeof(DocumentMarkedNotExisting), "document-marked-not-existing")]
[JsonDerivedType(typeof(DeclarationSigned), "declaration-signed")]
[JsonDerivedType(typeof(DocumentAccepted), "document-accepted")]
[JsonDerivedType(typeof(DocumentCompletionRequested), "document-completion-requested")]
[JsonDerivedType(typeof(DocumentDueDateChanged), "document-due-date-changed")]
[JsonDerivedType(typeof(ReminderSent), "reminder-sent")]
[JsonDerivedType(typeof(OverdueEscalated), "overdue-escalated")]
[JsonDerivedType(typeof(ScopeConfirmed), "scope-confirmed")]
[JsonDerivedType(typeof(InternalDiscussionStarted), "internal-discussion-started")]
[JsonDerivedType(typeof(InternalPositionsReported), "internal-positions-reported")]
[JsonDerivedType(typeof(AgreementDraftingStarted), "agreement-drafting-started")]
[JsonDerivedType(typeof(AgreementSubmittedForDecision), "agreement-submitted-for-decision")]
[JsonDerivedType(typeof(CommitteesApproved), "committees-approved")]
[JsonDerivedType(typeof(AgreementRevisionStarted), "agreement-revision-started")]
[JsonDerivedType(typeof(RequestsSent), "requests-sent")]
[JsonDerivedType(typeof(RequestAnswered), "request-answered")]
[JsonDerivedType(typeof(RequestTransferred), "request-transferred")]
[JsonDerivedType(typeof(RequestsWithdrawn), "requests-withdrawn")]
[JsonDerivedType(typeof(RequestReminded), "request-reminded")]
[JsonDerivedType(typeof(RequestEscalated), "request-escalated")]
[JsonDerivedType(typeof(MeetingScheduled), "meeting-scheduled")]
[JsonDerivedType(typeof(MeetingRescheduled), "meeting-rescheduled")]
[JsonDerivedType(typeof(MeetingCancelled), "meeting-cancelled")]
[JsonDerivedType(typeof(MeetingHeld), "meeting-held")]
[JsonDerivedType(typeof(MeetingRecorded), "meeting-recorded")]
[JsonDerivedType(typeof(CalendarEventRecorded), "calendar-event-recorded")]
[JsonDerivedType(typeof(AgreementSigned), "agreement-signed")]
[JsonDerivedType(typeof(Agreements.AgreementTermsSet), "agreement-terms-set")]
[JsonDerivedType(typeof(Agreements.AgreementSectionEdited), "agreement-section-edited")]
[JsonDerivedType(typeof(Agreements.AgreementSignedByParty), "agreement-signed-by-party")]
[JsonDerivedType(typeof(PartnershipEnded), "partnership-ended")]
[JsonDerivedType(typeof(Checks.CheckRecorded), "check-recorded")]
[JsonDerivedType(typeof(Partnerships.TermEndingReminded), "term-ending-reminded")]
[JsonDerivedType(typeof(Partnerships.TermExtended), "term-extended")]
[JsonDerivedType(typeof(Partnerships.RenegotiationStarted), "renegotiation-started")]
[JsonDerivedType(typeof(Partnerships.TermLetEnd), "term-let-end")]
[JsonDerivedType(typeof(Partnerships.FollowUpRecorded), "follow-up-recorded")]
[JsonDerivedType(typeof(Partnerships.FollowUpReminded), "follow-up-reminded")]
[JsonDerivedType(typeof(Partnerships.YearlyReportRequested), "yearly-report-requested")]
[JsonDerivedType(typeof(Partnerships.YearlyReportSubmitted), "yearly-report-submitted")]
[JsonDerivedType(typeof(Partnerships.YearlyReportReminded), "yearly-report-reminded")]
[JsonDerivedType(typeof(Partnerships.YearlyReportEscalated), "yearly-report-escalated")]
[JsonDerivedType(typeof(Partnerships.NoticeGiven), "notice-given")]
[JsonDerivedType(typeof(Partnerships.DisputeRaised), "dispute-raised")]
[JsonDerivedType(typeof(Partnerships.DisputeEscalated), "dispute-escalated")]
[JsonDerivedType(typeof(Partnerships.DisputeResolved), "dispute-resolved")]
public abstract record CaseEvent(Actor By, DateTimeOffset At)
{
    /// <summary>
    /// Whether the event is the software's own bookkeeping (a calendar event id, a reminder, an escalation): a page
    /// showing the case from before it is not stale.
    /// </summary>
    [JsonIgnore]
    public bool IsBookkeeping => this is CalendarEventRecorded or RequestReminded or RequestEscalated or ReminderSent or OverdueEscalated or Partnerships.TermEndingReminded;
}

/// <summary>
/// An initiative was received and registered under <paramref name="Number"/>, following the policy <paramref name="PolicyId"/>
/// in its version <paramref name="PolicyVersion"/> (null in events recorded before versions were kept: the profile's
/// only version then).
/// </summary>
public sealed record InitiativeSubmitted(CaseId Case, RegistrationNumber Number, string PolicyId, Initiative Initiative, Actor By, DateTimeOffset At, string? PolicyVersion = null)
    : CaseEvent(By, At);

/// <summary>Checklist assessments were saved (a draft of the screening).</summary>
public sealed record CriteriaAssessed(ValueList<CriterionAssessment> Assessments, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The screening was completed with the coordinator's outcome.</summary>
public sealed record ScreeningCompleted(ValueList<CriterionAssessment> Assessments, ScreeningOutcome Outcome, Actor By, DateTimeOffset At)
    : CaseEvent(By, At);

/// <summary>The process towards an IOP was stopped.</summary>
public sealed record CaseDiscontinued(string Reason, Alternative Alternative, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>Vetting of the organisation started: these documents and the values declaration are requested, and the portal link issued.</summary>
public sealed record PartnerVettingStarted(ValueList<DocumentRequest> Requests, DateTimeOffset? DeclarationDueAt, PortalLink Link, Actor By, DateTimeOffset At)
    : CaseEvent(By, At);

/// <summary>The organisation passed vetting.</summary>
public sealed record PartnerVettingCompleted(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The affected committees and companies were identified.</summary>
public sealed record ScopeConfirmed(ValueList<ScopedOrganisation> Organisations, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The affected organisations reported their positions.</summary>
public sealed record InternalPositionsReported(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The follow-up meeting was held: the agreement is drafted.</summary>
public sealed record AgreementDraftingStarted(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The agreement draft went to the committees for decision.</summary>
public sealed record AgreementSubmittedForDecision(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The agreement was signed; the partnership is active for the term.</summary>
public sealed record AgreementSigned(PartnershipTerm Term, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The partnership ended: its last day <paramref name="EndedOn"/> and how (both null in events written before they were kept).</summary>
public sealed record PartnershipEnded(string Reason, Actor By, DateTimeOffset At, DateOnly? EndedOn = null, Partnerships.EndingKind? Kind = null) : CaseEvent(By, At);
