namespace Iop.Policies;

/// <summary>
/// A municipality's IOP guideline (riktlinje) as data: the checklist, the documents asked for, the values
/// declaration, the agreement's sections and the reminder cadence. Mora's 2023 guideline is the default.
/// (Plain lists rather than value lists: profiles are configuration, compared by id and version, and the
/// serializer then names the exact path of a bad field.)
/// </summary>
public sealed record PolicyProfile(
    string Id,
    string Version,
    LocalizedText Name,
    string Municipality,
    string Source,
    IReadOnlyList<Criterion> Checklist,
    IReadOnlyList<DocumentRequirement> Documents,
    ValuesDeclaration Declaration,
    IReadOnlyList<AgreementSection> AgreementSections,
    ReminderCadence Reminders)
{
    /// <summary>The checklist item with the given id, if the profile has one.</summary>
    public Criterion? FindCriterion(string id) => Checklist.FirstOrDefault(c => c.Id == id);
}
