namespace Iop.Policies;

/// <summary>One item of the guideline's checklist for incoming initiatives (checklista).</summary>
/// <param name="Id">A stable id, referenced by assessments.</param>
/// <param name="Number">The item's number in the guideline (1-based).</param>
/// <param name="Text">The criterion as the guideline words it.</param>
/// <param name="RequiresProcurementOpinion">Whether the procurement unit's opinion (yttrande) is obtained for this item.</param>
public sealed record Criterion(string Id, int Number, LocalizedText Text, bool RequiresProcurementOpinion);
