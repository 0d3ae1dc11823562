using System.Globalization;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Officials;
using Iop.Policies;
using Iop.Screening;
using Iop.Vetting;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Printing;

/// <summary>
/// The sections of the printed case file, each from what the case holds: every field, also what the case page shows
/// only in part (contact details, notes, checksums, transfers).
/// </summary>
internal static partial class CaseFileSections
{
    /// <summary>How a case that has reached an end ended, or an active partnership's term; nothing for a case under way.</summary>
    public static IEnumerable<Fact> Closure(RegisteredCase state) => state switch
    {
        Discontinued { Discontinuation: var d } =>
        [
            new(T("Ärendet avslutat", "Discontinued"), T($"{SwedishTime.Format(d.At)} av {d.By}, i steget {Texts.StageName(d.AtStage)}", $"{SwedishTime.Format(d.At)} by {d.By}, at the stage {Texts.StageName(d.AtStage)}")),
            new(T("Skäl", "Reason"), d.Reason),
            .. d.Alternative == Alternative.None ? Array.Empty<Fact>() : [new Fact(T("Hänvisning", "Referred to"), Texts.AlternativeName(d.Alternative))],
        ],
        ActivePartnership a => [new(T("Avtalstid", "Term"), Term(a.Term))],
        EndedPartnership e =>
        [
            new(T("Avtalstid", "Term"), Term(e.Term)),
            new(T("Partnerskapet upphörde", "Partnership ended"), $"{Date(e.EndedOn ?? SwedishTime.Today(e.EndedAt))} – {EndingTexts.KindName(e.Kind)}"),
            new(T("Registrerat som avslutat", "Recorded as ended"), SwedishTime.Format(e.EndedAt)),
            new(T("Skäl", "Reason"), e.Reason),
        ],
        _ => [],
    };

    public static PrintedSection Initiative(CaseFile file, PolicyProfile policy)
    {
        var initiative = file.Initiative;
        return new("initiative", T("Initiativet", "The initiative"),
        [
            new FactList(
            [
                new(T("Organisation", "Organisation"), initiative.OrganisationName),
                new(T("Organisationsnummer", "Organisation number"), initiative.OrganisationNumber),
                new(T("Kontaktperson", "Contact person"), initiative.Contact.Name),
                new(T("E-post", "E-mail"), initiative.Contact.Email),
                new(T("Telefon", "Phone"), initiative.Contact.Phone),
                new(T("Inkom", "Received"), SwedishTime.Format(file.ReceivedAt)),
                new(T("Samhällsutmaningen", "The societal challenge"), initiative.Challenge),
                new(T("Idén", "The idea"), initiative.Idea),
            ]),
            new Subheading(T("Organisationens självskattning", "The organisation's self-assessment")),
            initiative.SelfAssessment.Count == 0
                ? new TextBlock(T("Organisationen gjorde ingen självskattning.", "The organisation made no self-assessment."))
                : Assessments(initiative.SelfAssessment, policy),
        ]);
    }

    public static PrintedSection Screening(RegisteredCase state, IReadOnlyList<RecordedEvent> history, PolicyProfile policy)
    {
        var heading = T("Bedömning mot checklistan", "Screening against the checklist");
        if (state.File.Screening is { } screening)
        {
            var outcome = history.Select(h => h.Event).OfType<ScreeningCompleted>().LastOrDefault()?.Outcome;
            var met = screening.Assessments.Count(a => a.Assessment == Assessment.Met);
            return new("screening", heading,
            [
                new FactList(
                [
                    new(T("Bedömd", "Screened"), T($"{SwedishTime.Format(screening.ScreenedAt)} av {screening.ScreenedBy}", $"{SwedishTime.Format(screening.ScreenedAt)} by {screening.ScreenedBy}")),
                    new(T("Kriterier som stämmer", "Criteria met"), T($"{met} av {policy.Checklist.Count}", $"{met} of {policy.Checklist.Count}")),
                    new(T("Resultat", "Result"), outcome switch
                    {
                        ScreeningOutcome.Continue => T("Ärendet går vidare till första möte.", "The case continues to a first meeting."),
                        ScreeningOutcome.Discontinue => T("Ärendet avslutas efter bedömningen.", "The case is discontinued after screening."),
                        _ => T("Bedömningen är klar.", "Screening is complete."),
                    }),
                ]),
                Assessments(screening.Assessments, policy),
            ]);
        }

        return state is InScreening { Draft.Count: > 0 } inScreening
            ? new("screening", heading, [new TextBlock(T("Bedömningen pågår. Sparat hittills:", "Screening is under way. Saved so far:")), Assessments(inScreening.Draft, policy)])
            : new("screening", heading, [new TextBlock(T("Initiativet är inte bedömt ännu.", "The initiative has not been screened yet."))]);
    }

    /// <summary>Every requested document with each file's checksum as recorded when it was stored, the declaration, and the files attached to officials' answers.</summary>
    public static PrintedSection Documents(RegisteredCase state, PolicyProfile policy)
    {
        var file = state.File;
        var vetting = state is InPartnerVetting v ? v.Vetting : file.Vetting;
        var blocks = new List<PrintedBlock>();
        if (vetting is null)
        {
            blocks.Add(new TextBlock(T("Organisationens dokument har inte begärts ännu.", "The organisation's documents have not been requested yet.")));
        }
        else
        {
            foreach (var request in vetting.Requests)
            {
                blocks.Add(new Subheading(policy.Documents.FirstOrDefault(d => d.Id == request.DocumentId)?.Name.In(Code) ?? request.DocumentId));
                var facts = new List<Fact>
                {
                    new(T("Status", "Status"), Texts.RequestStatusName(request.Status, request.NotExisting is not null)),
                    new(T("Senast", "Due"), SwedishTime.FormatDate(request.DueAt)),
                };
                if (request.NotExisting is { } notExisting)
                {
                    facts.Add(new(T("Saknas enligt organisationen", "Does not exist, says the organisation"), notExisting));
                }

                if (request.ReviewComment is { } comment)
                {
                    facts.Add(new(T("Begärd komplettering", "Completion requested"), comment));
                }

                blocks.Add(new FactList(facts));
                blocks.AddRange(request.Files.Count == 0
                    ? [new TextBlock(T("Ingen fil inskickad.", "No file sent."))]
                    : request.Files.Select(f => new FactList(FileFacts(f))));
            }

            if (vetting.Declaration is not null || vetting.DeclarationDueAt is not null)
            {
                blocks.Add(new Subheading(T("Värdegrund", "Values declaration")));
                blocks.Add(vetting.Declaration is { } signed
                ? new FactList(
                [
                    new(T("Undertecknad av", "Signed by"), $"{signed.SignerName}, {signed.SignerRole}, {signed.OrganisationName}"),
                    new(T("Undertecknad", "Signed"), SwedishTime.Format(signed.SignedAt)),
                    new(T("Version", "Version"), signed.TextVersion),
                ])
                : new TextBlock(T($"Inte undertecknad ännu; senast {SwedishTime.FormatDate(vetting.DeclarationDueAt!.Value)}.", $"Not signed yet; due {SwedishTime.FormatDate(vetting.DeclarationDueAt!.Value)}.")));
            }
        }

        var attached = file.Requests.Select(r => (Request: r, File: AttachedFile(r))).Where(a => a.File is not null).ToList();
        if (attached.Count > 0)
        {
            blocks.Add(new Subheading(T("Filer bifogade till tjänstepersonernas svar", "Files attached to the officials' answers")));
            blocks.AddRange(attached.Select(a => new FactList([new(T("Svar på", "Answer to"), $"{OfficialTexts.KindName(a.Request.Kind)} – {a.Request.OrganisationName}"), .. FileFacts(a.File!)])));
        }

        return new("documents", T("Dokument och värdegrund", "Documents and values declaration"), blocks);
    }

    private static UploadedFile? AttachedFile(OfficialRequest request) => request.Answer?.Content switch
    {
        ProcurementOpinion o => o.Attachment,
        CommitteeDecision d => d.Extract,
        _ => null,
    };

    /// <summary>A stored file: name, size, when, and the SHA-256 recorded as its bytes were stored, in full.</summary>
    private static Fact[] FileFacts(UploadedFile file) =>
    [
        new(T("Fil", "File"), file.FileName),
        new(T("Storlek", "Size"), T($"{file.Size.ToString("N0", Swedish)} byte", $"{file.Size.ToString("N0", English)} bytes")),
        new(T("Uppladdad", "Uploaded"), SwedishTime.Format(file.UploadedAt)),
        new("SHA-256", file.Sha256, Code: true),
    ];

    /// <summary>The checks the guideline requires beyond the checklist, each with its finding; none when the guideline has none.</summary>
    public static IEnumerable<PrintedSection> Checks(CaseFile file, PolicyProfile policy)
    {
        if (policy.Checks.Count == 0)
        {
            yield break;
        }

        yield return new("checks", T("Kontroller enligt riktlinjen", "Checks the guideline requires"),
        [
            new TableBlock(
                [new(T("Kontroll", "Check"), 3), new(T("Bedömning", "Finding"), 1.4), new(T("Motivering", "Motivation"), 4), new(T("Gjord", "Made"), 2)],
                [.. policy.Checks.Select(check => Iop.Checks.GuidelineChecks.Find(file, check.Id) is { } f
                    ? (IReadOnlyList<string>)[check.Title.In(Code), f.Outcome == Iop.Checks.CheckOutcome.Fulfilled ? T("Uppfyllt", "Fulfilled") : T("Inte uppfyllt", "Not fulfilled"), f.Motivation, $"{SwedishTime.Format(f.At)}, {f.By}"]
                    : [check.Title.In(Code), T("Ingen bedömning ännu", "No finding yet"), "", ""])]),
        ]);
    }

    private static TableBlock Assessments(ValueList<CriterionAssessment> assessments, PolicyProfile policy) => new(
        [new(T("Kriterium", "Criterion"), 5), new(T("Bedömning", "Assessment"), 1.4), new(T("Kommentar", "Note"), 3)],
        [.. assessments.Select(a => (IReadOnlyList<string>)[Criterion(a.CriterionId, policy), Texts.AssessmentName(a.Assessment), a.Note ?? ""])]);

    private static string Criterion(string id, PolicyProfile policy) =>
        policy.FindCriterion(id) is { } criterion ? $"{criterion.Number}. {criterion.Text.In(Code)}" : id;

    private static string Term(PartnershipTerm term) => $"{Date(term.Start)} – {Date(term.End)}";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
