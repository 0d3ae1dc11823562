using Iop.Common;
using Iop.Intake;
using Iop.Screening;

namespace Iop.Cases;

/// <summary>Something a person (or the system) asks a case to do. The decider accepts it as events or rejects it with a rule.</summary>
public abstract record CaseCommand(Actor By);

/// <summary>A non-profit submits an initiative; the number was allocated for this case before the command.</summary>
public sealed record SubmitInitiative(CaseId Case, RegistrationNumber Number, Initiative Initiative, Actor By) : CaseCommand(By);

/// <summary>The coordinator saves checklist assessments without deciding the outcome yet.</summary>
public sealed record RecordAssessments(ValueList<CriterionAssessment> Assessments, Actor By) : CaseCommand(By);

/// <summary>The coordinator completes the screening with an outcome; discontinuing needs a reason.</summary>
public sealed record CompleteScreening(
    ValueList<CriterionAssessment> Assessments,
    ScreeningOutcome Outcome,
    string? Reason,
    Alternative Alternative,
    Actor By) : CaseCommand(By);

/// <summary>The coordinator stops the process towards an IOP, at any stage before signing.</summary>
public sealed record Discontinue(string Reason, Alternative Alternative, Actor By) : CaseCommand(By);

/// <summary>After the first meeting, the coordinator starts vetting the organisation; it gets a portal link <paramref name="TokenId"/>.</summary>
public sealed record StartPartnerVetting(string TokenId, DateTimeOffset LinkExpiresAt, Actor By) : CaseCommand(By);

/// <summary>
/// The coordinator records which committees and companies the initiative affects (as the organisation directory
/// describes them); each one's head is asked to confirm staffing.
/// </summary>
public sealed record ConfirmScope(ValueList<Officials.ScopedOrganisation> Organisations, Actor By) : CaseCommand(By);

/// <summary>The agreement draft goes to the affected committees and boards for decision.</summary>
public sealed record SubmitAgreementForDecision(Actor By) : CaseCommand(By);

/// <summary>An active partnership ends (term over, or terminated).</summary>
public sealed record EndPartnership(string Reason, Actor By) : CaseCommand(By);

/// <summary>The coordinator's outcome of a screening.</summary>
public enum ScreeningOutcome
{
    /// <summary>Continue towards an IOP: invite to a first meeting.</summary>
    Continue,

    /// <summary>Stop the process, with a reason.</summary>
    Discontinue,
}
