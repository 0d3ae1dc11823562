using Iop.Cases;
using Iop.Checks;
using Iop.Functions.Security;

namespace Iop.Functions.Api;

/// <summary>The guideline's own checks (kontroller), as the case's profile declares them.</summary>
internal static partial class CaseApi
{
    private static void MapCheckCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/checks/{checkId}", RecordCheck)
            .Command("RecordCheck", "Records a finding on one of the checks the case's guideline requires before the agreement goes to the committees (e.g. a legal assessment); a later finding replaces an earlier one. The checks are listed in GET /api/initiatives/policy.");
    }

    private static Task<IResult> RecordCheck(string id, string checkId, CheckRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.Outcome is not { } outcome || !Enum.IsDefined(outcome)
            ? Task.FromResult(ApiProblems.Validation([("outcome", Localization.Language.T("Ange Fulfilled eller NotFulfilled.", "Give Fulfilled or NotFulfilled."))]))
            : RunAsync(id, new RecordCheck(checkId, outcome, request.Motivation, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);
}

/// <summary>A finding on one of the guideline's checks: fulfilled or not, and why.</summary>
internal sealed record CheckRequest(int? ExpectedVersion, CheckOutcome? Outcome, string? Motivation);
