using Iop.Cases;
using Iop.Common;
using Iop.Functions.Security;
using Iop.Screening;
using Accepted = Iop.Cases.Accepted;

namespace Iop.Functions.Api;

/// <summary>The JSON API for the coordinator's commands and queries. Every failure is RFC 7807 problem details.</summary>
internal static class CaseApi
{
    public static RouteGroupBuilder MapCaseApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").RequireAuthorization(StaffPolicies.Coordinator).WithTags("Cases");
        cases.MapGet("/", List).WithSummary("Lists cases, overdue first; optionally only one stage.")
            .Produces<IReadOnlyList<CaseSummary>>().ProducesValidationProblem();
        cases.MapGet("/{id}", Get).WithSummary("One case: its stage, version and state.");
        cases.MapGet("/{id}/events", History).WithSummary("The case's full history, oldest first.");
        cases.MapPost("/{id}/assessments", Assess).WithSummary("Saves checklist assessments without completing the screening.");
        cases.MapPost("/{id}/screening", Screen).WithSummary("Completes the screening: continue to a first meeting, or discontinue with a reason.");
        cases.MapPost("/{id}/discontinue", Discontinue).WithSummary("Discontinues the case with a reason.");
        return cases;
    }

    private static async Task<IResult> List(Stage? stage, ICaseStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (stage is { } asked && !Enum.IsDefined(asked))
        {
            return ApiProblems.Validation([("stage", Localization.Language.T("Okänt steg.", "Unknown stage."))]);
        }

        return TypedResults.Ok(CaseSummary.InWorkOrder(await store.ListAsync(stage, cancellationToken).ConfigureAwait(false), time.GetUtcNow()));
    }

    private static async Task<IResult> Get(string id, ICaseStore store, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return ApiProblems.NotFound();
        }

        var file = stored.State.File;
        return TypedResults.Ok(new CaseDto(caseId.ToString(), file.Number.Value, stored.State.Stage, stored.Version, file.Initiative.OrganisationName, file.ReceivedAt, stored.State));
    }

    private static async Task<IResult> History(string id, ICaseStore store, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound();
        }

        var history = await store.LoadHistoryAsync(caseId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(history.Select(r => new CaseEventDto(r.Version, TypeName(r.Event), r.Event.At, r.Event.By.Name, r.Event)).ToList());
    }

    private static Task<IResult> Assess(string id, AssessmentsRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        ToAssessments(request.Assessments) is not { } assessments
            ? Task.FromResult(InvalidAssessments())
            : RunAsync(id, new RecordAssessments(assessments, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> Screen(string id, ScreeningRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        if (ToAssessments(request.Assessments) is not { } assessments)
        {
            return Task.FromResult(InvalidAssessments());
        }

        if (request.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            return Task.FromResult(ApiProblems.Validation([("outcome", Localization.Language.T("Ange utfallet: Continue eller Discontinue.", "Give the outcome: Continue or Discontinue."))]));
        }

        if (request.Alternative is { } alternative && !Enum.IsDefined(alternative))
        {
            return Task.FromResult(InvalidAlternative());
        }

        var command = new CompleteScreening(assessments, outcome, request.Reason, request.Alternative ?? Alternative.None, context.User.ToActor());
        return RunAsync(id, command, request.ExpectedVersion, service, context, cancellationToken);
    }

    private static Task<IResult> Discontinue(string id, DiscontinueRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.Alternative is { } alternative && !Enum.IsDefined(alternative)
            ? Task.FromResult(InvalidAlternative())
            : RunAsync(id, new Discontinue(request.Reason ?? "", request.Alternative ?? Alternative.None, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static async Task<IResult> RunAsync(string id, CaseCommand command, int? expectedVersion, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return ApiProblems.NotFound();
        }

        var result = await service.HandleAsync(caseId, command, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (result is Accepted a)
        {
            return TypedResults.Ok(new CommandAccepted(caseId.ToString(), a.Case.Version, a.Case.State.Stage));
        }

        // A command for a case that does not exist is refused by the decider as the wrong stage; to the caller it is unknown.
        var store = context.RequestServices.GetRequiredService<ICaseStore>();
        return await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is null ? ApiProblems.NotFound() : ApiProblems.For(result);
    }

    private static ValueList<CriterionAssessment>? ToAssessments(List<AssessmentDto>? items) =>
        items is null || items.Any(i => string.IsNullOrWhiteSpace(i.CriterionId) || i.Assessment is not { } a || !Enum.IsDefined(a))
            ? null
            : items.Select(i => new CriterionAssessment(i.CriterionId!, i.Assessment!.Value, i.Note)).ToValueList();

    private static IResult InvalidAlternative() => ApiProblems.Validation(
        [("alternative", Localization.Language.T("Ange hänvisningen: None, AssociationGrant eller Procurement.", "Give the alternative: None, AssociationGrant or Procurement."))]);

    private static IResult InvalidAssessments() => ApiProblems.Validation(
        [("assessments", Localization.Language.T("Varje bedömning behöver criterionId och assessment (Met, NotMet eller Unclear).", "Each assessment needs criterionId and assessment (Met, NotMet or Unclear)."))]);

    private static string TypeName(CaseEvent e) =>
        e.GetType().Name;
}
