using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Functions.Portal;
using Iop.Functions.Security;
using Iop.Vetting;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Api;

/// <summary>Partner vetting: start it (the organisation gets its portal link), send a new link, review documents, move due dates.</summary>
internal static partial class CaseApi
{
    private static void MapVettingCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/vetting", StartVetting)
            .Command("StartPartnerVetting", "Starts partner vetting: the organisation is sent a link to its page for documents and the values declaration.");
        cases.MapPost("/{id}/vetting/link", NewLink)
            .Command("IssuePortalLink", "Sends the organisation a new portal link; the old one stops working.");
        cases.MapPost("/{id}/vetting/documents/{documentId}/review", Review)
            .Command("ReviewDocument", "Accepts a submitted document, or asks the organisation to complete it (comment required, optionally a new due date).");
        cases.MapPost("/{id}/vetting/documents/{documentId}/due-date", DueDate)
            .Command("ChangeDocumentDueDate", "Moves a requested document's due date (the end of that day in Sweden); reminders follow the new date.");
    }

    private static Task<IResult> StartVetting(
        string id, VersionRequest request, CaseService service, IOptions<PortalOptions> portal, TimeProvider time, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new StartPartnerVetting(PortalTokens.NewTokenId(), LinkExpiry(portal, time), context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> NewLink(
        string id, VersionRequest request, CaseService service, IOptions<PortalOptions> portal, TimeProvider time, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new IssuePortalLink(PortalTokens.NewTokenId(), LinkExpiry(portal, time), context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> Review(string id, string documentId, ReviewDocumentRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.Accept is not { } accept)
        {
            return Task.FromResult(ApiProblems.Validation(
                [("accept", Language.T("Ange accept: true om dokumentet godkänns, false om det behöver kompletteras.", "Give accept: true if the document is accepted, false if it needs completion."))]));
        }

        var due = request.NewDueDate is { } date ? SwedishTime.EndOfDay(date) : (DateTimeOffset?)null;
        return RunAsync(id, new ReviewDocument(documentId, accept, request.Comment, due, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);
    }

    private static Task<IResult> DueDate(string id, string documentId, DueDateRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.DueDate is not { } date
            ? Task.FromResult(ApiProblems.Validation([("dueDate", Language.T("Ange datumet som ÅÅÅÅ-MM-DD.", "Give the date as YYYY-MM-DD."))]))
            : RunAsync(id, new ChangeDueDate(documentId, SwedishTime.EndOfDay(date), context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static DateTimeOffset LinkExpiry(IOptions<PortalOptions> portal, TimeProvider time) => time.GetUtcNow().AddDays(portal.Value.LinkLifetimeDays);
}
