using System.Text.Json.Serialization;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Screening;

namespace Iop.Cases;

/// <summary>
/// Something that must happen outside the case because of new events: a message, a notification, a wait.
/// Effects are stored in the case's outbox in the same transaction as the events, then delivered at least once.
/// The discriminators are stored: never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MailToInitiator), "mail-to-initiator")]
[JsonDerivedType(typeof(NotifyCoordinator), "notify-coordinator")]
[JsonDerivedType(typeof(SendPortalLink), "send-portal-link")]
[JsonDerivedType(typeof(RemindInitiator), "remind-initiator")]
[JsonDerivedType(typeof(AskForCompletion), "ask-for-completion")]
[JsonDerivedType(typeof(MailToOfficial), "mail-to-official")]
[JsonDerivedType(typeof(NotifyAboutRequest), "notify-about-request")]
[JsonDerivedType(typeof(SendInvitation), "send-invitation")]
[JsonDerivedType(typeof(WaitsChanged), "waits-changed")]
[JsonDerivedType(typeof(SendReportLink), "send-report-link")]
public abstract record Effect(CaseId Case, RegistrationNumber Number);

/// <summary>An e-mail to the initiative's contact person.</summary>
public sealed record MailToInitiator(
    CaseId Case,
    RegistrationNumber Number,
    string ToName,
    string ToEmail,
    string OrganisationName,
    InitiatorMessage Message,
    string? Reason = null,
    Alternative Alternative = Alternative.None) : Effect(Case, Number);

/// <summary>A notification to the IOP coordinator (Teams in production); <paramref name="Items"/> names the documents concerned.</summary>
public sealed record NotifyCoordinator(CaseId Case, RegistrationNumber Number, CoordinatorNotice Notice, string OrganisationName, ValueList<string>? Items = null, string? PolicyId = null, string? PolicyVersion = null)
    : Effect(Case, Number);

/// <summary>
/// Mails the organisation its personal portal link (the token is signed when the mail is written). The mail names what is
/// asked for from the case's guideline (<paramref name="PolicyId"/>, <paramref name="PolicyVersion"/>; null in effects
/// stored before they were carried: the current guideline).
/// </summary>
public sealed record SendPortalLink(CaseId Case, RegistrationNumber Number, string ToName, string ToEmail, string OrganisationName, string TokenId, DateTimeOffset ExpiresAt, string? PolicyId = null, string? PolicyVersion = null)
    : Effect(Case, Number);

/// <summary>Reminds the organisation of what is still missing, with due dates, named from the case's guideline.</summary>
public sealed record RemindInitiator(CaseId Case, RegistrationNumber Number, string ToName, string ToEmail, string OrganisationName, ValueList<ItemDue> Missing, string TokenId, DateTimeOffset ExpiresAt, string? PolicyId = null, string? PolicyVersion = null)
    : Effect(Case, Number);

/// <summary>Asks the organisation to complete a document, named from the case's guideline.</summary>
public sealed record AskForCompletion(
    CaseId Case, RegistrationNumber Number, string ToName, string ToEmail, string OrganisationName, string DocumentId, string Comment, DateTimeOffset DueAt, string TokenId, DateTimeOffset ExpiresAt, string? PolicyId = null, string? PolicyVersion = null)
    : Effect(Case, Number);

/// <summary>
/// What the case waits for changed: the workflow starts a wait for each new key of <paramref name="Open"/> and ends the
/// waits whose keys are gone (see <see cref="Waiting.Waits"/>). Ids only: the workflow reads the rest from the record.
/// </summary>
public sealed record WaitsChanged(CaseId Case, RegistrationNumber Number, ValueList<string> Open) : Effect(Case, Number);

/// <summary>
/// An e-mail to an official with the link that answers request <paramref name="RequestId"/> (issue <paramref name="Issue"/>):
/// the request itself, or a reminder of it. The link's token is signed when the mail is written. A request for a committee's
/// decision carries the findings on the guideline's checks (<paramref name="Checks"/>), named from the case's guideline.
/// </summary>
public sealed record MailToOfficial(
    CaseId Case,
    RegistrationNumber Number,
    string RequestId,
    RequestKind Kind,
    int Issue,
    string ToName,
    string ToEmail,
    string OrganisationName,
    string AffectedOrganisation,
    DateTimeOffset DueAt,
    DateTimeOffset ExpiresAt,
    bool Reminder,
    ValueList<Checks.CheckFinding>? Checks = null,
    string? PolicyId = null,
    string? PolicyVersion = null) : Effect(Case, Number);

/// <summary>Tells the coordinator about a request to an official: an answer came (or a refusal), or it is overdue.</summary>
public sealed record NotifyAboutRequest(
    CaseId Case, RegistrationNumber Number, CoordinatorNotice Notice, string OrganisationName, RequestKind Kind, string AffectedOrganisation, string PersonName)
    : Effect(Case, Number);

/// <summary>
/// A meeting invitation, an update (<paramref name="Sequence"/> above 0) or, with <paramref name="CancellationReason"/>,
/// a cancellation; sent through the calendar port with the meeting as it now stands.
/// </summary>
public sealed record SendInvitation(
    CaseId Case,
    RegistrationNumber Number,
    string OrganisationName,
    string MeetingId,
    MeetingKind Kind,
    int Sequence,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Location,
    bool Online,
    ValueList<Person> Attendees,
    string? CancellationReason = null) : Effect(Case, Number);

/// <summary>
/// Mails the organisation the link to its report on <paramref name="Year"/> (issue <paramref name="Issue"/>; the token is
/// signed when the mail is written): the request itself, or with <paramref name="Reminder"/> a reminder of it.
/// </summary>
public sealed record SendReportLink(
    CaseId Case, RegistrationNumber Number, string ToName, string ToEmail, string OrganisationName, int Year, int Issue, DateTimeOffset DueAt, DateTimeOffset ExpiresAt, bool Reminder)
    : Effect(Case, Number);

/// <summary>An outstanding item and its due date.</summary>
public sealed record ItemDue(string Item, DateTimeOffset DueAt);

/// <summary>The messages the initiator receives.</summary>
public enum InitiatorMessage
{
    /// <summary>The initiative was received and registered (mottagningsbekräftelse).</summary>
    Acknowledgement,

    /// <summary>The case was discontinued, with the reason.</summary>
    Discontinued,

    /// <summary>The agreement is signed by all parties: the partnership is active.</summary>
    PartnershipActive,
}

/// <summary>What the coordinator is told about.</summary>
public enum CoordinatorNotice
{
    /// <summary>A new initiative arrived.</summary>
    NewInitiative,

    /// <summary>The organisation uploaded a document or said it does not exist: something to review.</summary>
    DocumentAnswered,

    /// <summary>The organisation signed the values declaration.</summary>
    DeclarationSigned,

    /// <summary>Requests are overdue past the escalation limit.</summary>
    Overdue,

    /// <summary>Partner vetting is complete; the case moves on to scoping.</summary>
    VettingCompleted,

    /// <summary>An official answered a request.</summary>
    AnswerReceived,

    /// <summary>An official said no: a refused staffing, a negative position, a market situation, a rejection.</summary>
    AnswerNegative,

    /// <summary>A request to an official is overdue past the escalation limit.</summary>
    RequestOverdue,

    /// <summary>Every committee approved the agreement: it can be signed.</summary>
    CommitteesApproved,

    /// <summary>The agreement is signed: the partnership is active.</summary>
    PartnershipActive,

    /// <summary>The partnership's term ends within the guideline's months: extend, renegotiate or let it end.</summary>
    TermEnding,

    /// <summary>The partnership ended (its term or notice period ran out).</summary>
    PartnershipEnded,

    /// <summary>A follow-up dialogue of the plan is due within a month: book it.</summary>
    FollowUpDue,

    /// <summary>A follow-up dialogue of the plan is a month late and not recorded.</summary>
    FollowUpLate,

    /// <summary>The organisation sent its yearly report.</summary>
    YearlyReportSubmitted,

    /// <summary>The organisation's yearly report is overdue past the escalation limit.</summary>
    YearlyReportOverdue,
}
