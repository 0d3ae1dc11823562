using Iop.Cases;
using Iop.Functions.Security;
using Iop.Partnerships;

namespace Iop.Functions.Api;

/// <summary>The running partnership's term: extend it, renegotiate the agreement, or let it end with its term.</summary>
internal static partial class CaseApi
{
    private static void MapTermCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/term/extend", ExtendTerm)
            .Command("ExtendTerm", "Extends a running partnership's term to a new last day, with the committees' decision where the guideline needs one.");
        cases.MapPost("/{id}/term/renegotiate", Renegotiate)
            .Command("RenegotiateAgreement", "Takes a running partnership's agreement back to drafting with a reason; a new version is decided by the committees and signed.");
        cases.MapPost("/{id}/term/let-end", LetEnd)
            .Command("LetTermEnd", "Records that a running partnership ends when its term runs out (it then ends by itself after the last day).");
    }

    private static Task<IResult> ExtendTerm(string id, ExtendTermRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.NewEnd is not { } end
            ? Task.FromResult(ApiProblems.Validation([("newEnd", Localization.Language.T("Ange den nya sista dagen som ÅÅÅÅ-MM-DD.", "Give the new last day as YYYY-MM-DD."))]))
            : RunAsync(id, new ExtendTerm(end, request.Decision, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> Renegotiate(string id, ReasonRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new RenegotiateAgreement(request.Reason, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> LetEnd(string id, LetTermEndRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new LetTermEnd(request.Note, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);
}

/// <summary>A new last day for the term, and the decision that allows it.</summary>
internal sealed record ExtendTermRequest(int? ExpectedVersion, DateOnly? NewEnd, string? Decision);

/// <summary>Letting the partnership end with its term, with an optional note.</summary>
internal sealed record LetTermEndRequest(int? ExpectedVersion, string? Note);
