using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Security;
using Iop.Officials;

namespace Iop.Functions.Api;

/// <summary>
/// Officials' requests: the affected committees and companies (their heads are asked to confirm staffing), the
/// procurement unit's opinion, passing a request on, and sending the agreement to the committees or back for revision.
/// </summary>
internal static partial class CaseApi
{
    private static void MapOfficialsCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/scope", Scope)
            .Command("ConfirmScope", "Records the affected committees and companies; their heads are asked by e-mail to confirm staffing.");
        cases.MapPost("/{id}/requests/procurement-opinion", RequestOpinion)
            .Creating("RequestProcurementOpinion", "Asks the procurement unit by e-mail for its opinion on the guideline's market criterion; answers with the request's id.");
        cases.MapPost("/{id}/requests/{requestId}/reassign", Reassign)
            .Command("ReassignRequest", "Passes an official's open request to another person (e.g. the addressee is away); they get the request by e-mail.");
        cases.MapPost("/{id}/agreement/submit", SubmitAgreement)
            .Command("SubmitAgreementForDecision", "Sends the written agreement to the affected committees' secretaries for decision.");
        cases.MapPost("/{id}/agreement/revise", Revise)
            .Command("ReviseAgreement", "After a committee rejected the agreement, takes it back for revision with a reason; open decisions are withdrawn.");
    }

    private static Task<IResult> Scope(string id, ScopeRequest request, CaseService service, OrganisationDirectory directory, HttpContext context, CancellationToken cancellationToken)
    {
        var ids = request.Organisations ?? [];
        if (ids.Any(o => directory.Find(o) is null))
        {
            // The unknown ids are not echoed: they are the caller's input, and an answer never carries it back.
            return Task.FromResult(ApiProblems.Validation([("organisations", Language.T(
                "Någon av nämnderna eller bolagen finns inte. Giltiga id finns i GET /api/organisations.", "A committee or company does not exist. GET /api/organisations lists the valid ids."))]));
        }

        var chosen = ids.Distinct(StringComparer.Ordinal).Select(directory.Find).OfType<ScopedOrganisation>().ToValueList();
        return RunAsync(id, new ConfirmScope(chosen, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);
    }

    private static Task<IResult> RequestOpinion(string id, VersionRequest request, CaseService service, OrganisationDirectory directory, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new RequestProcurementOpinion(directory.Procurement, context.User.ToActor()), request.ExpectedVersion, service, context,
            Created(a => a.Events.OfType<RequestsSent>().Single().Requests.Single().Id), cancellationToken);

    private static Task<IResult> Reassign(string id, string requestId, ReassignRequestBody request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new ReassignRequest(requestId, new Person(request.To?.Name?.Trim() ?? "", request.To?.Email?.Trim() ?? ""), request.Reason, context.User.ToActor()),
            request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> SubmitAgreement(string id, VersionRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new SubmitAgreementForDecision(context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> Revise(string id, ReasonRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new ReviseAgreement(request.Reason ?? "", context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);
}
