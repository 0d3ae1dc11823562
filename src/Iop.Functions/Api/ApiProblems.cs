using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;

namespace Iop.Functions.Api;

/// <summary>RFC 7807 problem details for every way a command can fail; the rule code travels as an extension.</summary>
internal static class ApiProblems
{
    public static IResult For(CommandResult result) => result switch
    {
        Rejected { Error.Rule: CaseRules.NoSuchCase } r => Rule(r.Error, StatusCodes.Status404NotFound),
        Rejected r => Rule(r.Error, StatusFor(r.Error)),
        StaleVersion s => Results.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: Texts.StaleMessage,
            detail: $"expectedVersion was {s.Expected} but the case is at version {s.Actual}.",
            type: "https://iop.example/problems/stale-version",
            extensions: new Dictionary<string, object?> { ["rule"] = "case.stale-version", ["currentVersion"] = s.Actual }),
        _ => throw new InvalidOperationException($"{result.GetType().Name} is not a failure."),
    };

    public static IResult Validation(IEnumerable<(string Field, string Message)> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: Language.T("Uppgifterna är inte giltiga.", "The input is not valid."),
            type: "https://iop.example/problems/validation");

    public static IResult NotFound() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: Language.T("Ärendet finns inte.", "The case does not exist."),
        type: "https://iop.example/problems/not-found");

    /// <summary>What was asked for is not in a state to be done (409), with its rule code.</summary>
    public static IResult Conflict(string rule, string title) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: title,
        type: $"https://iop.example/problems/{rule}",
        extensions: new Dictionary<string, object?> { ["rule"] = rule });

    /// <summary>The case is too contended to act on now: 503, to be sent again after the Retry-After header's seconds.</summary>
    public static IResult Busy(CaseBusyException busy) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: Texts.BusyMessage,
        detail: "Other changes to the case kept coming first; nothing was saved. Send the same request again after Retry-After seconds.",
        type: "https://iop.example/problems/case-busy",
        extensions: new Dictionary<string, object?> { ["rule"] = "case.busy", ["retryAfterSeconds"] = RetryAfterSeconds(busy) });

    public static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Texts.CaseFullMessage,
        detail: "The change does not fit the case's storage; nothing was saved. Shorten the text, or ask the coordinator to archive material elsewhere.",
        type: "https://iop.example/problems/case-too-large",
        extensions: new Dictionary<string, object?> { ["rule"] = "case.too-large" });

    /// <summary>The Retry-After header's whole seconds, at least one.</summary>
    public static int RetryAfterSeconds(CaseBusyException busy) => Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds));

    private static IResult Rule(DomainError error, int status) => Results.Problem(
        statusCode: status,
        title: Texts.RuleMessage(error),
        detail: error.Message,
        type: $"https://iop.example/problems/{error.Rule}",
        extensions: new Dictionary<string, object?> { ["rule"] = error.Rule });

    /// <summary>Rules about where the case stands conflict with its state (409); rules about the input are bad requests (400).</summary>
    public static int StatusFor(DomainError error) => error.Rule switch
    {
        CaseRules.WrongStage or CaseRules.Closed or CaseRules.AlreadySubmitted or CaseRules.PolicyMismatch or CaseRules.CannotDiscontinueActive or CaseRules.NotApproved
            or Checks.CheckRules.TooLate or Partnerships.EndingRules.NoticeGiven or Partnerships.EndingRules.LadderEnd
            => StatusCodes.Status409Conflict,
        Partnerships.EndingRules.UnknownDispute => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };
}
