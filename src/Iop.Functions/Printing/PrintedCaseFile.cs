using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Policies;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Printing;

/// <summary>
/// The whole case as one document (akt), for printing and for the diarium: gathered once, in the current language,
/// and rendered both by the case file page and as a PDF.
/// </summary>
/// <param name="Municipality">The municipality whose case it is.</param>
/// <param name="Number">The registration number (diarienummer).</param>
/// <param name="Organisation">The organisation's name.</param>
/// <param name="Title">The document's title, e.g. "Akt KS 2026/17".</param>
/// <param name="Subject">What the document is, for the PDF's properties.</param>
/// <param name="PrintedAt">When it was gathered.</param>
/// <param name="Summary">The facts under the title: registration number, organisation, stage, when and by whom printed.</param>
/// <param name="Sections">The case, part by part, ending with the full timeline.</param>
internal sealed record PrintedCaseFile(
    string Municipality,
    RegistrationNumber Number,
    string Organisation,
    string Title,
    string Subject,
    DateTimeOffset PrintedAt,
    IReadOnlyList<Fact> Summary,
    IReadOnlyList<PrintedSection> Sections)
{
    /// <summary>Gathers everything the case holds, as it stands, with its history.</summary>
    public static PrintedCaseFile Gather(StoredCase stored, IReadOnlyList<RecordedEvent> history, PolicyProfile policy, DateTimeOffset now, string? printedBy)
    {
        var state = stored.State;
        var file = state.File;
        var summary = new List<Fact>
        {
            new(T("Kommun", "Municipality"), policy.Municipality),
            new(T("Diarienummer", "Registration number"), file.Number.Value),
            new(T("Organisation", "Organisation"), $"{file.Initiative.OrganisationName} ({file.Initiative.OrganisationNumber})"),
            new(T("Steg", "Stage"), Texts.StageName(state.Stage)),
            new(T("Riktlinje", "Guideline"), policy.Describe(Code)),
        };
        summary.AddRange(CaseFileSections.Closure(state));
        summary.Add(new(T("Utskriven", "Printed"), printedBy is null ? SwedishTime.Format(now) : T($"{SwedishTime.Format(now)} av {printedBy}", $"{SwedishTime.Format(now)} by {printedBy}")));
        return new PrintedCaseFile(
            policy.Municipality,
            file.Number,
            file.Initiative.OrganisationName,
            T($"Akt {file.Number}", $"Case file {file.Number}"),
            T($"Idéburet offentligt partnerskap (IOP) med {file.Initiative.OrganisationName}: hela ärendet", $"Idea-based public partnership (IOP) with {file.Initiative.OrganisationName}: the whole case"),
            now,
            summary,
            [
                CaseFileSections.Initiative(file, policy),
                CaseFileSections.Screening(state, history, policy),
                CaseFileSections.Documents(state, policy),
                .. CaseFileSections.Checks(file, policy),
                CaseFileSections.Meetings(file),
                CaseFileSections.Requests(file, now),
                CaseFileSections.Decisions(file),
                CaseFileSections.Agreement(file, policy),
                .. CaseFileSections.FollowUp(file),
                .. CaseFileSections.Endings(file, history),
                CaseFileSections.Timeline(file, history, policy),
            ]);
    }

    /// <summary>The PDF's download name from the registration number, e.g. "KS-2026-17-akt.pdf".</summary>
    public string PdfFileName => $"{Number.Value.Replace(' ', '-').Replace('/', '-')}-akt.pdf";
}
