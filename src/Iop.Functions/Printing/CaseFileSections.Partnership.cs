using System.Globalization;
using Iop.Agreements;
using Iop.Cases;
using Iop.Functions.Localization;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Printing;

/// <summary>The running partnership's follow-up dialogues and the organisation's yearly reports.</summary>
internal static partial class CaseFileSections
{
    /// <summary>The follow-ups and yearly reports, when the case has any (nothing is printed before the signature).</summary>
    public static IEnumerable<PrintedSection> FollowUp(CaseFile file)
    {
        if (file.FollowUps.Count == 0 && file.YearlyReports.Count == 0)
        {
            yield break;
        }

        var blocks = new List<PrintedBlock>();
        foreach (var record in file.FollowUps)
        {
            blocks.Add(new Subheading(T($"Uppföljningsdialog {Day(record.HeldOn)}", $"Follow-up dialogue {Day(record.HeldOn)}")));
            var facts = new List<Fact>();
            if (record.DueOn is { } due)
            {
                facts.Add(new(T("Uppföljningen senast", "The follow-up due"), Day(due)));
            }

            facts.Add(new(T("Genomfört", "Done"), record.Done));
            if (record.Changes is { } changes)
            {
                facts.Add(new(T("Överenskomna förändringar", "Agreed changes"), changes));
            }

            facts.Add(new(T("Kommunens bedömning", "The municipality's assessment"), record.MunicipalityAssessment));
            facts.Add(new(T("Organisationens bedömning", "The organisation's assessment"), record.OrganisationAssessment));
            blocks.Add(new FactList(facts));
            blocks.AddRange(Contributions(record.Contributions));
        }

        foreach (var report in file.YearlyReports)
        {
            blocks.Add(new Subheading(T($"Årsrapport {report.Year}", $"Yearly report {report.Year}")));
            var facts = new List<Fact> { new(T("Begärd", "Requested"), T($"{SwedishTime.Format(report.RequestedAt)}, senast {SwedishTime.FormatDate(report.DueAt)}", $"{SwedishTime.Format(report.RequestedAt)}, due {SwedishTime.FormatDate(report.DueAt)}")) };
            if (report.Submission is { } sent)
            {
                facts.Add(new(T("Inlämnad", "Sent"), T($"{SwedishTime.Format(sent.SubmittedAt)} av {sent.SubmittedBy}", $"{SwedishTime.Format(sent.SubmittedAt)} by {sent.SubmittedBy}")));
                facts.Add(new(T("Verksamheten", "The activity"), sent.Activity));
                if (sent.Files.Count > 0)
                {
                    facts.Add(new(T("Bifogat", "Attached"), string.Join("\n", sent.Files.Select(f => $"{f.FileName} ({f.Size.ToString("N0", CultureInfo.GetCultureInfo("sv-SE"))} byte)"))));
                }
            }
            else
            {
                facts.Add(new(T("Läge", "Status"), T("Inte inlämnad", "Not sent")));
            }

            blocks.Add(new FactList(facts));
            blocks.AddRange(report.Submission is { } s ? Contributions(s.Contributions) : []);
        }

        yield return new("follow-up", T("Partnerskapets uppföljning", "The partnership's follow-up"), blocks);
    }

    private static IEnumerable<PrintedBlock> Contributions(Iop.Common.ValueList<CoFinancing> contributions)
    {
        if (contributions.Count == 0)
        {
            yield break;
        }

        yield return new TableBlock(
            [new(T("År", "Year"), 1), new(T("Part", "Party"), 2), new(T("Kronor", "SEK"), 2), new(T("Annat", "In kind"), 4)],
            [.. contributions.Select(c => (IReadOnlyList<string>)[
                c.Year.ToString(CultureInfo.InvariantCulture),
                c.Party == Party.Municipality ? T("Kommunen", "Municipality") : T("Organisationen", "Organisation"),
                c.AmountSek.ToString("#,0.##", CultureInfo.GetCultureInfo("sv-SE")),
                c.InKind ?? ""])]);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
