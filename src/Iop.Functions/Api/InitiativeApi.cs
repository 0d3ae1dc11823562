using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Intake;
using Iop.Policies;

namespace Iop.Functions.Api;

/// <summary>The public API for submitting an initiative, for organisations' own systems and e-services.</summary>
internal static class InitiativeApi
{
    public static RouteGroupBuilder MapInitiativeApi(this IEndpointRouteBuilder app)
    {
        var initiatives = app.MapGroup("/api/initiatives").AllowAnonymous().WithTags("Initiatives");
        initiatives.MapPost("/", Submit).WithName("SubmitInitiative")
            .WithSummary("Submits an initiative; answers with the case id and registration number (Location: the case).")
            .Produces<SubmittedInitiative>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        initiatives.MapGet("/policy", (PolicyProfile policy) => TypedResults.Ok(policy)).WithName("GetPolicy")
            .WithSummary("The guideline in force: the checklist an initiative can self-assess against.");
        return initiatives;
    }

    private static async Task<IResult> Submit(SubmitInitiativeRequest request, CaseService cases, PolicyProfile policy, CancellationToken cancellationToken)
    {
        var form = new InitiativeForm(request.OrganisationName, request.OrganisationNumber, request.ContactName, request.ContactEmail, request.ContactPhone, request.Challenge, request.Idea, request.SelfAssessment);
        var validated = form.Validate(policy);
        if (validated.Value is not { } initiative)
        {
            return ApiProblems.Validation(validated.Errors.Select(e => (Camel(e.Field), Texts.FieldMessage(e, FieldLabels.For(e.Field)))));
        }

        var id = request.SubmissionId is { } submission && submission != Guid.Empty ? new CaseId(submission) : CaseId.New();
        var result = await cases.SubmitAsync(id, initiative, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            Accepted a => TypedResults.Created($"/api/cases/{id}", new SubmittedInitiative(id.ToString(), a.Case.State.File.Number.Value)),
            _ => ApiProblems.For(result),
        };
    }

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
