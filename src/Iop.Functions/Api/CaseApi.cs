using Iop.Cases;
using Iop.Common;
using Iop.Functions.Security;
using Iop.Functions.Storage.Cases;
using Iop.Officials;
using Iop.Screening;
using Accepted = Iop.Cases.Accepted;

namespace Iop.Functions.Api;

/// <summary>The JSON API for the coordinator's commands and queries. Every failure is RFC 7807 problem details.</summary>
internal static partial class CaseApi
{
    public static RouteGroupBuilder MapCaseApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/organisations", (OrganisationDirectory directory) => TypedResults.Ok(directory.Organisations))
            .RequireAuthorization(StaffPolicies.ApiCoordinator).WithTags("Cases").Query("ListOrganisations", "The committees and companies a case can affect, with their heads, contacts and secretaries.");

        var cases = app.MapGroup("/api/cases").RequireAuthorization(StaffPolicies.ApiCoordinator).WithTags("Cases");
        cases.MapGet("/", List).Query("ListCases", "Lists cases, overdue first; optionally only one stage.")
            .Produces<IReadOnlyList<CaseSummary>>().ProducesValidationProblem();
        cases.MapGet("/{id}", Get).Query("GetCase", "One case: its stage, version and state.").Produces<CaseDto>().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{id}/events", History).Query("GetCaseEvents", "The case's full history, oldest first.")
            .Produces<IReadOnlyList<CaseEventDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{id}/work", Work).Query("GetCaseWork", "What the case waits on (who, due, next reminder), messages it could not send and workflow steps that failed.")
            .Produces<CaseWorkDto>().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id}/assessments", Assess).Command("RecordAssessments", "Saves checklist assessments without completing the screening.");
        cases.MapPost("/{id}/screening", Screen).Command("CompleteScreening", "Completes the screening: continue to a first meeting, or discontinue with a reason.");
        cases.MapPost("/{id}/discontinue", Discontinue).Command("Discontinue", "Discontinues the case with a reason.");
        cases.MapMeetingCommands();
        cases.MapVettingCommands();
        cases.MapOfficialsCommands();
        cases.MapCheckCommands();
        cases.MapTermCommands();
        cases.MapFollowUpCommands();
        cases.MapAgreementCommands();
        cases.MapDeliveryCommands();
        cases.MapEndingCommands();
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

    private static Task<IResult> RunAsync(string id, CaseCommand command, int? expectedVersion, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, command, expectedVersion, service, context, (caseId, a) => TypedResults.Ok(new CommandAccepted(caseId.ToString(), a.Case.Version, a.Case.State.Stage)), cancellationToken);

    /// <summary>Runs a command against the version the client saw; <paramref name="accepted"/> answers for the committed case.</summary>
    private static async Task<IResult> RunAsync(
        string id, CaseCommand command, int? expectedVersion, CaseService service, HttpContext context, Func<CaseId, Accepted, IResult> accepted, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return ApiProblems.NotFound();
        }

        var result = await service.HandleAsync(caseId, command, expectedVersion, cancellationToken).ConfigureAwait(false);
        if (result is Accepted a)
        {
            return accepted(caseId, a);
        }

        // A command for a case that does not exist is refused by the decider as the wrong stage; to the caller it is unknown.
        var store = context.RequestServices.GetRequiredService<ICaseStore>();
        return await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is null ? ApiProblems.NotFound() : ApiProblems.For(result);
    }

    /// <summary>A command that created an item (a meeting, a request): 201 with the item's id; the case is where it lives.</summary>
    private static Func<CaseId, Accepted, IResult> Created(Func<Accepted, string> itemId) =>
        (caseId, a) => TypedResults.Created($"/api/cases/{caseId}", new ItemCreated(caseId.ToString(), a.Case.Version, a.Case.State.Stage, itemId(a)));

    private static async Task<IResult> Work(string id, CaseOverviews overviews, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await overviews.ReadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } overview)
        {
            return ApiProblems.NotFound();
        }

        return TypedResults.Ok(new CaseWorkDto(
            [.. overview.Waits.Select(w => new WaitDto(w.Key, w.Kind?.ToString(), w.Who.Name, w.Who.Email, w.Organisation, w.DueAt, w.NextStepAt, w.NextIsEscalation, w.Escalated))],
            [.. overview.FailedDeliveries.Select(d => new FailedDeliveryDto(d.RowKey, d.Effect.GetType().Name, d.Error, d.Attempts))],
            [.. overview.WorkflowFailures.Select(f => new WorkflowFailureDto(f.RowKey, f.Failure.Orchestration, f.Failure.Error, f.At))]));
    }

    /// <summary>
    /// Every command is sent as JSON, also those without a body of their own: a browser sends JSON to another site
    /// only after a CORS preflight this app never allows, so a signed-in coordinator's cookie cannot be used by a
    /// form on another site (the pages' forms carry anti-forgery tokens instead).
    /// </summary>
    private static ValueTask<object?> JsonOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.HasJsonContentType()
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: Localization.Language.T("Skicka kommandot som JSON (Content-Type: application/json).", "Send the command as JSON (Content-Type: application/json)."),
                type: "https://iop.example/problems/json-required",
                extensions: new Dictionary<string, object?> { ["rule"] = "api.json-required" }));

    /// <summary>A read-only operation: its operation id and summary.</summary>
    private static RouteHandlerBuilder Query(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.WithName(name).WithSummary(summary).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>A command: its operation id, summary, the accepted answer and every failure it can answer with.</summary>
    private static RouteHandlerBuilder Command(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.Produces<CommandAccepted>().Commanding(name, summary);

    /// <summary>A command that creates an item (201 with its id).</summary>
    private static RouteHandlerBuilder Creating(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.Produces<ItemCreated>(StatusCodes.Status201Created).Commanding(name, summary);

    private static RouteHandlerBuilder Commanding(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.WithName(name).WithSummary(summary)
            .AddEndpointFilter(JsonOnly)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

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
