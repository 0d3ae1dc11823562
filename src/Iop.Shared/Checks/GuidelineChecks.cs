using Iop.Cases;
using Iop.Common;
using Iop.Policies;

namespace Iop.Checks;

/// <summary>Whether a guideline's check (kontroll) is fulfilled.</summary>
public enum CheckOutcome
{
    /// <summary>The check holds (uppfyllt).</summary>
    Fulfilled,

    /// <summary>The check does not hold (inte uppfyllt): the agreement cannot go to the committees.</summary>
    NotFulfilled,
}

/// <summary>The coordinator's latest finding on one of the guideline's checks.</summary>
/// <param name="CheckId">The profile's check.</param>
/// <param name="Outcome">Fulfilled or not.</param>
/// <param name="Motivation">Why, in the coordinator's words (the record of the assessment).</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When.</param>
public sealed record CheckFinding(string CheckId, CheckOutcome Outcome, string Motivation, string By, DateTimeOffset At);

/// <summary>The coordinator records a finding on one of the guideline's checks; a later finding replaces an earlier one.</summary>
public sealed record RecordCheck(string CheckId, CheckOutcome Outcome, string? Motivation, Actor By) : CaseCommand(By);

/// <summary>A finding on one of the guideline's checks was recorded.</summary>
public sealed record CheckRecorded(string CheckId, CheckOutcome Outcome, string Motivation, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stable codes of the checks' rules.</summary>
public static class CheckRules
{
    /// <summary>The guideline has no such check.</summary>
    public const string Unknown = "checks.unknown";

    /// <summary>A finding needs its motivation.</summary>
    public const string MotivationRequired = "checks.motivation-required";

    /// <summary>Checks are recorded before the agreement goes to the committees.</summary>
    public const string TooLate = "checks.too-late";

    /// <summary>A required check has no finding yet.</summary>
    public const string Required = "checks.required";

    /// <summary>A required check was found not fulfilled.</summary>
    public const string NotFulfilled = "checks.not-fulfilled";
}

/// <summary>
/// The rules of the guideline's checks, whatever they are: a profile declares them, and these rules record findings and
/// keep the agreement from the committees until every required check is fulfilled.
/// </summary>
public static class GuidelineChecks
{
    /// <summary>Decides a finding.</summary>
    public static Decision Decide(RegisteredCase state, RecordCheck c, DecisionContext context)
    {
        var motivation = c.Motivation?.Trim() ?? "";
        return context.Policy.FindCheck(c.CheckId) is null || !Enum.IsDefined(c.Outcome)
                ? Decision.Reject(CheckRules.Unknown, $"The guideline has no check '{c.CheckId}'.")
            : state is AwaitingCommitteeDecision or ActivePartnership
                ? Decision.Reject(CheckRules.TooLate, "The guideline's checks are recorded before the agreement goes to the committees.")
            : PlainText.IsBlank(motivation)
                ? Decision.Reject(CheckRules.MotivationRequired, "A finding needs its motivation.")
            : motivation.Length > CaseRules.MaxTextLength
                ? Decision.Reject(CaseRules.NoteTooLong, $"A motivation may be at most {CaseRules.MaxTextLength} characters.")
            : Decision.Accept(new CheckRecorded(c.CheckId, c.Outcome, motivation, c.By, context.Now));
    }

    /// <summary>Applies a finding: it replaces the check's earlier finding, in the profile's order.</summary>
    public static ValueList<CheckFinding> Evolve(ValueList<CheckFinding> findings, CheckRecorded e) =>
        findings.Where(f => f.CheckId != e.CheckId)
            .Append(new CheckFinding(e.CheckId, e.Outcome, e.Motivation, e.By.Name, e.At))
            .ToValueList();

    /// <summary>The required checks that still keep the agreement from the committees: never assessed, or not fulfilled.</summary>
    public static IReadOnlyList<GuidelineCheck> Outstanding(CaseFile file, PolicyProfile policy) =>
        policy.Checks
            .Where(check => !check.Optional && Find(file, check.Id)?.Outcome != CheckOutcome.Fulfilled)
            .ToList();

    /// <summary>The finding on a check, if one is recorded.</summary>
    public static CheckFinding? Find(CaseFile file, string checkId) => file.Checks.FirstOrDefault(f => f.CheckId == checkId);

    /// <summary>Refuses the agreement's way to the committees while a required check is unassessed or not fulfilled.</summary>
    public static Decision? CheckBeforeDecision(CaseFile file, DecisionContext context)
    {
        var outstanding = Outstanding(file, context.Policy);
        if (outstanding.Count == 0)
        {
            return null;
        }

        var failed = outstanding.Where(c => Find(file, c.Id) is not null).Select(c => c.Id).ToArray();
        return failed.Length > 0
            ? Decision.Reject(CheckRules.NotFulfilled, $"The guideline's checks are not fulfilled: {string.Join(", ", failed)}.")
            : Decision.Reject(CheckRules.Required, $"The guideline's checks need a finding first: {string.Join(", ", outstanding.Select(c => c.Id))}.");
    }
}
