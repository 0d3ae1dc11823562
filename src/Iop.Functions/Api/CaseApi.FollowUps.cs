using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Functions.Security;
using Iop.Partnerships;

namespace Iop.Functions.Api;

/// <summary>The running partnership's follow-up dialogues and the organisation's yearly reports.</summary>
internal static partial class CaseApi
{
    private static void MapFollowUpCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/follow-ups", RecordFollowUp)
            .Command("RecordFollowUp", "Records a follow-up dialogue: what was done, the co-financing actually contributed per party and year, agreed changes, and both parties' assessments.");
        cases.MapPost("/{id}/yearly-reports", RequestYearlyReport)
            .Command("RequestYearlyReport", "Asks the organisation for its report on a year of the partnership by a due date; it is e-mailed a new link (an earlier one for that year stops working).");
    }

    private static Task<IResult> RecordFollowUp(string id, RecordFollowUpRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<(string Field, string Message)>();
        if (request.HeldOn is null)
        {
            errors.Add(("heldOn", Language.T("Ange dialogens datum som ÅÅÅÅ-MM-DD.", "Give the dialogue's date as YYYY-MM-DD.")));
        }

        var contributions = Financing(request.Contributions, "contributions", errors);
        if (errors.Count > 0)
        {
            return Task.FromResult(ApiProblems.Validation(errors));
        }

        var command = new RecordFollowUp(
            request.HeldOn!.Value, request.MeetingId, request.Done, contributions, request.Changes, request.MunicipalityAssessment, request.OrganisationAssessment, context.User.ToActor());
        return RunAsync(id, command, request.ExpectedVersion, service, context, cancellationToken);
    }

    private static Task<IResult> RequestYearlyReport(string id, RequestYearlyReportRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.Year is not { } year || request.DueOn is not { } due
            ? Task.FromResult(ApiProblems.Validation([("year", Language.T("Ange year och dueOn (ÅÅÅÅ-MM-DD).", "Give year and dueOn (YYYY-MM-DD)."))]))
            : RunAsync(id, new RequestYearlyReport(year, due, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);
}

/// <summary>A follow-up dialogue's record.</summary>
internal sealed record RecordFollowUpRequest(
    int? ExpectedVersion, DateOnly? HeldOn, string? MeetingId, string? Done, List<CoFinancingDto>? Contributions, string? Changes, string? MunicipalityAssessment, string? OrganisationAssessment);

/// <summary>A request for the organisation's report on a year.</summary>
internal sealed record RequestYearlyReportRequest(int? ExpectedVersion, int? Year, DateOnly? DueOn);
