namespace Iop.Cases;

/// <summary>The stable codes of the rules the decider enforces; the app words them for users.</summary>
public static class CaseRules
{
    /// <summary>A command that belongs to another stage.</summary>
    public const string WrongStage = "case.wrong-stage";

    /// <summary>There is no case to act on.</summary>
    public const string NoSuchCase = "case.not-found";

    /// <summary>An initiative was submitted twice under one id.</summary>
    public const string AlreadySubmitted = "intake.already-submitted";

    /// <summary>The case follows another guideline than the one in force.</summary>
    public const string PolicyMismatch = "case.policy-mismatch";

    /// <summary>Nothing more can happen in a closed case.</summary>
    public const string Closed = "case.closed";

    /// <summary>An assessment names a criterion the guideline does not have.</summary>
    public const string UnknownCriterion = "screening.unknown-criterion";

    /// <summary>A criterion was assessed twice in one command.</summary>
    public const string DuplicateCriterion = "screening.duplicate-criterion";

    /// <summary>An assessment of "not met" or "unclear" needs a note saying why.</summary>
    public const string NoteRequired = "screening.note-required";

    /// <summary>A note is too long.</summary>
    public const string NoteTooLong = "screening.note-too-long";

    /// <summary>Every criterion must be assessed before continuing.</summary>
    public const string AllCriteriaAssessed = "screening.all-criteria-assessed";

    /// <summary>Continuing needs every criterion to hold (Mora: "Stämmer alla dessa påståenden ...").</summary>
    public const string AllCriteriaMustHold = "screening.all-criteria-must-hold";

    /// <summary>A discontinuation needs a reason.</summary>
    public const string ReasonRequired = "case.reason-required";

    /// <summary>A reason is too long.</summary>
    public const string ReasonTooLong = "case.reason-too-long";

    /// <summary>A signed partnership cannot be discontinued; it is ended instead.</summary>
    public const string CannotDiscontinueActive = "case.cannot-discontinue-active";

    /// <summary>Scoping needs at least one affected committee or company.</summary>
    public const string ScopeRequired = "scoping.organisation-required";

    /// <summary>The agreement can be signed only after the committees approved it.</summary>
    public const string NotApproved = "agreement.not-approved";

    /// <summary>The agreement term ends before it starts.</summary>
    public const string InvalidTerm = "agreement.invalid-term";

    /// <summary>The longest note or reason the case records.</summary>
    public const int MaxTextLength = 4000;
}
