namespace Iop.Vetting;

/// <summary>One moment in an item's reminder cadence: a reminder to the organisation, or the coordinator's escalation.</summary>
/// <param name="Key">Stable for the item, its due date and the step, so a step is taken once even after a crash and retry.</param>
/// <param name="Item">The document id or <see cref="Vetting.DeclarationItem"/>.</param>
/// <param name="At">When the step falls due.</param>
/// <param name="IsEscalation">Whether the coordinator is told (rather than the organisation reminded).</param>
public sealed record ReminderStep(string Key, string Item, DateTimeOffset At, bool IsEscalation);
