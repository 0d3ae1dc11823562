using System.Text.Json.Serialization;
using Iop.Common;
using Iop.Intake;
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
[JsonDerivedType(typeof(DocumentMarkedNotExisting), "document-marked-not-existing")]
[JsonDerivedType(typeof(DeclarationSigned), "declaration-signed")]
[JsonDerivedType(typeof(DocumentAccepted), "document-accepted")]
[JsonDerivedType(typeof(DocumentCompletionRequested), "document-completion-requested")]
[JsonDerivedType(typeof(DocumentDueDateChanged), "document-due-date-changed")]
[JsonDerivedType(typeof(ReminderSent), "reminder-sent")]
[JsonDerivedType(typeof(OverdueEscalated), "overdue-escalated")]
[JsonDerivedType(typeof(ScopeConfirmed), "scope-confirmed")]
[JsonDerivedType(typeof(StakeholderMeetingHeld), "stakeholder-meeting-held")]
[JsonDerivedType(typeof(InternalPositionsReported), "internal-positions-reported")]
[JsonDerivedType(typeof(FollowUpMeetingHeld), "follow-up-meeting-held")]
[JsonDerivedType(typeof(AgreementSubmittedForDecision), "agreement-submitted-for-decision")]
[JsonDerivedType(typeof(CommitteeDecisionRecorded), "committee-decision-recorded")]
[JsonDerivedType(typeof(AgreementSigned), "agreement-signed")]
[JsonDerivedType(typeof(PartnershipEnded), "partnership-ended")]
public abstract record CaseEvent(Actor By, DateTimeOffset At);

/// <summary>An initiative was received and registered under <paramref name="Number"/>, following the policy <paramref name="PolicyId"/>.</summary>
public sealed record InitiativeSubmitted(CaseId Case, RegistrationNumber Number, string PolicyId, Initiative Initiative, Actor By, DateTimeOffset At)
    : CaseEvent(By, At);

/// <summary>Checklist assessments were saved (a draft of the screening).</summary>
public sealed record CriteriaAssessed(ValueList<CriterionAssessment> Assessments, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The screening was completed with the coordinator's outcome.</summary>
public sealed record ScreeningCompleted(ValueList<CriterionAssessment> Assessments, ScreeningOutcome Outcome, Actor By, DateTimeOffset At)
    : CaseEvent(By, At);

/// <summary>The process towards an IOP was stopped.</summary>
public sealed record CaseDiscontinued(string Reason, Alternative Alternative, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>Vetting of the organisation started: these documents and the values declaration are requested, and the portal link issued.</summary>
public sealed record PartnerVettingStarted(ValueList<DocumentRequest> Requests, DateTimeOffset DeclarationDueAt, PortalLink Link, Actor By, DateTimeOffset At)
    : CaseEvent(By, At);

/// <summary>The organisation passed vetting.</summary>
public sealed record PartnerVettingCompleted(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The affected committees and companies were decided.</summary>
public sealed record ScopeConfirmed(ValueList<string> AffectedOrganisations, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stakeholder meeting was held.</summary>
public sealed record StakeholderMeetingHeld(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The affected organisations reported their positions.</summary>
public sealed record InternalPositionsReported(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The follow-up meeting was held.</summary>
public sealed record FollowUpMeetingHeld(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The agreement draft went to the committees for decision.</summary>
public sealed record AgreementSubmittedForDecision(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The committees decided.</summary>
public sealed record CommitteeDecisionRecorded(bool Approved, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The agreement was signed; the partnership is active for the term.</summary>
public sealed record AgreementSigned(PartnershipTerm Term, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The partnership ended.</summary>
public sealed record PartnershipEnded(string Reason, Actor By, DateTimeOffset At) : CaseEvent(By, At);
