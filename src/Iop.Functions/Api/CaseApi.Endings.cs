using Iop.Agreements;
using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Functions.Security;
using Iop.Partnerships;

namespace Iop.Functions.Api;

/// <summary>Ending a running partnership before its term (notice, rescission) and its disputes up the escalation ladder.</summary>
internal static partial class CaseApi
{
    private static void MapEndingCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/notice", GiveNotice).Produces<NoticeAccepted>().Commanding(
            "GiveNotice", "Records a party's notice of termination on the day it was given; the partnership ends when the guideline's notice period has run (at the latest with its term). Answers with that day.");
        cases.MapPost("/{id}/rescission", Rescind)
            .Command("RescindAgreement", "Records a party's rescission of the agreement (hävning): the partnership ends at once, from the given day.");
        cases.MapPost("/{id}/disputes", RaiseDispute)
            .Creating("RaiseDispute", "Records a dispute between the parties; it starts as a dialogue between their contact persons. Answers with the dispute's id.");
        cases.MapPost("/{id}/disputes/{disputeId}/escalate", EscalateDispute)
            .Command("EscalateDispute", "Takes an unsettled dispute to the next rung of the ladder: from dialogue to the steering group, from the steering group to the responsible committee.");
        cases.MapPost("/{id}/disputes/{disputeId}/resolve", ResolveDispute)
            .Command("ResolveDispute", "Records how an unsettled dispute was settled, at whatever rung it stands.");
    }

    private static Task<IResult> GiveNotice(string id, NoticeRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        PartyAndDay(request.Party, "party", request.GivenOn, "givenOn") is { } invalid
            ? Task.FromResult(invalid)
            : RunAsync(id, new GiveNotice(request.Party!.Value, request.GivenOn!.Value, request.Reason, context.User.ToActor()), request.ExpectedVersion, service, context,
                (caseId, a) => TypedResults.Ok(new NoticeAccepted(caseId.ToString(), a.Case.Version, a.Case.State.Stage, a.Events.OfType<NoticeGiven>().Single().Notice.EndsOn)), cancellationToken);

    private static Task<IResult> Rescind(string id, RescissionRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        PartyAndDay(request.Party, "party", request.On, "on") is { } invalid
            ? Task.FromResult(invalid)
            : RunAsync(id, new RescindAgreement(request.Party!.Value, request.On!.Value, request.Reason, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> RaiseDispute(string id, RaiseDisputeRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        PartyAndDay(request.RaisedBy, "raisedBy", request.On, "on") is { } invalid
            ? Task.FromResult(invalid)
            : RunAsync(id, new RaiseDispute(request.RaisedBy!.Value, request.On!.Value, request.Subject, context.User.ToActor()), request.ExpectedVersion, service, context,
                Created(a => a.Events.OfType<DisputeRaised>().Single().DisputeId), cancellationToken);

    private static Task<IResult> EscalateDispute(string id, string disputeId, DisputeStepRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.On is not { } on
            ? Task.FromResult(DayRequired("on"))
            : RunAsync(id, new EscalateDispute(disputeId, on, request.Reason, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> ResolveDispute(string id, string disputeId, ResolveDisputeRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.On is not { } on
            ? Task.FromResult(DayRequired("on"))
            : RunAsync(id, new ResolveDispute(disputeId, on, request.Outcome, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    /// <summary>A party that exists and a day are both needed; the problem names every field that lacks one.</summary>
    private static IResult? PartyAndDay(Party? party, string partyField, DateOnly? day, string dayField)
    {
        var errors = new List<(string, string)>();
        if (party is not { } p || !Enum.IsDefined(p))
        {
            errors.Add((partyField, Language.T("Ange parten: Municipality eller Organisation.", "Give the party: Municipality or Organisation.")));
        }

        if (day is null)
        {
            errors.Add((dayField, Language.T("Ange datumet som ÅÅÅÅ-MM-DD.", "Give the date as YYYY-MM-DD.")));
        }

        return errors.Count > 0 ? ApiProblems.Validation(errors) : null;
    }

    private static IResult DayRequired(string field) => ApiProblems.Validation([(field, Language.T("Ange datumet som ÅÅÅÅ-MM-DD.", "Give the date as YYYY-MM-DD."))]);
}

/// <summary>A party's notice of termination: who gave it, on which day, and why.</summary>
internal sealed record NoticeRequest(int? ExpectedVersion, Party? Party, DateOnly? GivenOn, string? Reason);

/// <summary>The notice is recorded: the case as it stands and the day the agreement ends.</summary>
internal sealed record NoticeAccepted(string CaseId, int Version, Stage Stage, DateOnly EndsOn);

/// <summary>A party's rescission of the agreement: who rescinds, from which day, and the breach behind it.</summary>
internal sealed record RescissionRequest(int? ExpectedVersion, Party? Party, DateOnly? On, string? Reason);

/// <summary>A dispute between the parties: who raised it, when, and what it is about.</summary>
internal sealed record RaiseDisputeRequest(int? ExpectedVersion, Party? RaisedBy, DateOnly? On, string? Subject);

/// <summary>A dispute taken to the next rung: when, and why the rung before could not settle it.</summary>
internal sealed record DisputeStepRequest(int? ExpectedVersion, DateOnly? On, string? Reason);

/// <summary>How a dispute was settled, and when.</summary>
internal sealed record ResolveDisputeRequest(int? ExpectedVersion, DateOnly? On, string? Outcome);
