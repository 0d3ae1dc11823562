namespace Iop.Policies;

/// <summary>How the guideline follows a running partnership (stages 12–13): reminders before its term ends, and extension.</summary>
public sealed record PartnershipRule
{
    /// <summary>The rule where the guideline says nothing: reminders 6 and 3 months before the end; extension needs a decision.</summary>
    public static PartnershipRule Default { get; } = new();

    /// <summary>How many months before the term ends the coordinator is reminded to choose (extend, renegotiate or let it end).</summary>
    public IReadOnlyList<int> TermRemindersMonthsBefore { get; init; } = [6, 3];

    /// <summary>Whether extending the term needs the committees' decision, recorded with the extension.</summary>
    public bool ExtensionNeedsDecision { get; init; } = true;
}
