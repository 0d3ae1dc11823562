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
