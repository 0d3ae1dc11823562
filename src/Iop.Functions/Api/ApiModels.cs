using Iop.Cases;
using Iop.Screening;

namespace Iop.Functions.Api;

/// <summary>A new initiative. <c>SubmissionId</c> makes retries safe: the same id never creates a second case.</summary>
internal sealed record SubmitInitiativeRequest(
    Guid? SubmissionId,
    string? OrganisationName,
    string? OrganisationNumber,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? Challenge,
    string? Idea,
    Dictionary<string, string?>? SelfAssessment);

internal sealed record SubmittedInitiative(string CaseId, string RegistrationNumber);

/// <summary>Assessments of checklist criteria, made against the case version the client saw.</summary>
internal sealed record AssessmentsRequest(int? ExpectedVersion, List<AssessmentDto>? Assessments);

internal sealed record ScreeningRequest(int? ExpectedVersion, List<AssessmentDto>? Assessments, ScreeningOutcome? Outcome, string? Reason, Alternative? Alternative);

internal sealed record DiscontinueRequest(int? ExpectedVersion, string? Reason, Alternative? Alternative);

internal sealed record AssessmentDto(string? CriterionId, Assessment? Assessment, string? Note);

internal sealed record CaseDto(string Id, string RegistrationNumber, Stage Stage, int Version, string OrganisationName, DateTimeOffset ReceivedAt, CaseState State);

internal sealed record CaseEventDto(int Version, string Type, DateTimeOffset At, string By, CaseEvent Event);

internal sealed record CommandAccepted(string CaseId, int Version, Stage Stage);

/// <summary>A command that needs nothing but the case version the client saw (optional: without it the command acts on the current version).</summary>
internal sealed record VersionRequest(int? ExpectedVersion);

/// <summary>A command with a reason (cancelling a meeting, taking the agreement back for revision).</summary>
internal sealed record ReasonRequest(int? ExpectedVersion, string? Reason);

/// <summary>A person to invite or to pass a request to.</summary>
internal sealed record PersonDto(string? Name, string? Email);

/// <summary>A meeting to book: times with their offset (e.g. 2027-01-12T09:00:00+01:00); invitations go out through Outlook.</summary>
internal sealed record ScheduleMeetingRequest(
    int? ExpectedVersion, Meetings.MeetingKind? Kind, DateTimeOffset? Start, DateTimeOffset? End, string? Location, bool? Online, List<PersonDto>? Attendees);

/// <summary>A meeting that has already been held, with who took part and its notes; no invitation goes out.</summary>
internal sealed record RecordPastMeetingRequest(
    int? ExpectedVersion, Meetings.MeetingKind? Kind, DateTimeOffset? Start, DateTimeOffset? End, string? Location, bool? Online, List<PersonDto>? Attendees, string? Notes);

/// <summary>A meeting's new time and place; the invited get an update.</summary>
internal sealed record RescheduleMeetingRequest(int? ExpectedVersion, DateTimeOffset? Start, DateTimeOffset? End, string? Location, bool? Online);

/// <summary>That a meeting was held, with its notes.</summary>
internal sealed record MeetingHeldRequest(int? ExpectedVersion, string? Notes);

/// <summary>The review of a submitted document: accept it, or ask for completion with a comment and optionally a new due date.</summary>
internal sealed record ReviewDocumentRequest(int? ExpectedVersion, bool? Accept, string? Comment, DateOnly? NewDueDate);

/// <summary>A request's new due date (the end of that day in Sweden).</summary>
internal sealed record DueDateRequest(int? ExpectedVersion, DateOnly? DueDate);

/// <summary>The affected committees and companies, by their ids in <c>GET /api/organisations</c>.</summary>
internal sealed record ScopeRequest(int? ExpectedVersion, List<string>? Organisations);

/// <summary>Who takes over an official's request, and why.</summary>
internal sealed record ReassignRequestBody(int? ExpectedVersion, PersonDto? To, string? Reason);

/// <summary>The agreement's terms; the sections that concern them are rewritten from them.</summary>
internal sealed record AgreementTermsRequest(
    int? ExpectedVersion, string? TargetGroup, string? MunicipalitySignatory, string? OrganisationSignatory, DateOnly? TermStart, DateOnly? TermEnd, List<CoFinancingDto>? CoFinancing, string? InvoiceAddress = null);

/// <summary>One party's contribution for one year: kronor and other contributions (e.g. volunteer hours, premises).</summary>
internal sealed record CoFinancingDto(Iop.Agreements.Party? Party, int? Year, decimal? AmountSek, string? InKind);

/// <summary>A section's new text (paragraphs separated by blank lines).</summary>
internal sealed record SectionRequest(int? ExpectedVersion, string? Text);

/// <summary>A signature on the agreement, as signed on paper or electronically elsewhere.</summary>
/// <summary>A party's signature; for the organisation, whether it agrees that its contact person is shown in the public register.</summary>
internal sealed record SignatureRequest(int? ExpectedVersion, Iop.Agreements.Party? Party, string? SignerName, string? SignerRole, DateOnly? SignedOn, bool? PublishContact = null);

/// <summary>A command that created something on the case: the new item's id and where the case stands now.</summary>
internal sealed record ItemCreated(string CaseId, int Version, Stage Stage, string Id);

/// <summary>What the case waits on, the messages it could not send and the workflow steps that failed.</summary>
internal sealed record CaseWorkDto(IReadOnlyList<WaitDto> Waits, IReadOnlyList<FailedDeliveryDto> FailedDeliveries, IReadOnlyList<WorkflowFailureDto> WorkflowFailures);

internal sealed record WaitDto(string Key, string? Kind, string WhoName, string WhoEmail, string Organisation, DateTimeOffset DueAt, DateTimeOffset? NextStepAt, bool NextIsEscalation, bool Escalated);

internal sealed record FailedDeliveryDto(string Id, string Kind, string Error, int Attempts);

internal sealed record WorkflowFailureDto(string Id, string Step, string Error, DateTimeOffset At);
