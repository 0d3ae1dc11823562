namespace Iop.Policies;

/// <summary>
/// A municipality's IOP guideline (riktlinje) as data: the checklist, the documents asked for, the values
/// declaration, the checks the guideline adds, the agreement's sections and the reminder cadence. Mora's 2023
/// guideline is the default. A case keeps the profile (id and version) it was received under.
/// (Plain lists rather than value lists: profiles are configuration, compared by id and version, and the
/// serializer then names the exact path of a bad field.) The declaration is null when the guideline asks for none.
/// </summary>
public sealed record PolicyProfile(
    string Id,
    string Version,
    LocalizedText Name,
    string Municipality,
    string Source,
    IReadOnlyList<Criterion> Checklist,
    IReadOnlyList<DocumentRequirement> Documents,
    ValuesDeclaration? Declaration,
    IReadOnlyList<AgreementSection> AgreementSections,
    ReminderCadence Reminders)
{
    /// <summary>
    /// Steps the guideline adds that the coordinator records as a finding before the agreement goes to the committees
    /// (e.g. Stockholm's legal assessments, Gävle's check of democratic principles). Empty when there are none.
    /// </summary>
    public IReadOnlyList<GuidelineCheck> Checks { get; init; } = [];

    /// <summary>What the heads of the affected administrations confirm.</summary>
    public StaffingRule Staffing { get; init; } = StaffingRule.Default;

    /// <summary>How a running partnership is followed: reminders before its term ends, and what an extension needs.</summary>
    public PartnershipRule Partnership { get; init; } = PartnershipRule.Default;

    /// <summary>The profile author's notes (English) on every judgement call made in turning the guideline into data.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The checklist item with the given id, if the profile has one.</summary>
    public Criterion? FindCriterion(string id) => Checklist.FirstOrDefault(c => c.Id == id);

    /// <summary>The guideline's check with the given id, if the profile has one.</summary>
    public GuidelineCheck? FindCheck(string id) => Checks.FirstOrDefault(c => c.Id == id);

    /// <summary>The profile's name and version as a reader sees it ("… (Mora kommun), version 2023-01-24").</summary>
    public string Describe(string language) => $"{Name.In(language)}, version {Version}";
}
