using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Agreements;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Officials;

/// <summary>The agreement as a Word document: opened again with Open XML, every section found, valid.</summary>
public sealed class AgreementDocumentTests
{
    private static readonly AgreementTerms Terms = new(
        "Äldre som lever i ofrivillig ensamhet",
        "Kommunstyrelsens ordförande",
        "Ordförande",
        ValueList.Of(
            new CoFinancing(Party.Municipality, 2027, 553_200m, null),
            new CoFinancing(Party.Organisation, 2027, 641_300m, "Ideell tid, 2 000 timmar")),
        new PartnershipTerm(new DateOnly(2027, 1, 1), new DateOnly(2029, 12, 31)));

    private static CaseFile File()
    {
        var submitted = new InitiativeSubmitted(CaseId.New(), new RegistrationNumber("KS 2026/7", 2026, 7), TestCases.Policy.Id, TestCases.Initiative(), Actor.System, DateTimeOffset.UnixEpoch);
        var file = ((RegisteredCase)CaseDecider.Replay([submitted])).File;
        var draft = AgreementDecider.Draft(TestCases.Policy, file, Terms, null);
        return file with { Agreement = draft with { Sections = draft.Sections.Select(s => s.Id == "goals" ? s with { Text = "Färre ensamma äldre.\nFler mötesplatser.", Edited = true } : s).ToValueList() } };
    }

    [Fact]
    public void The_document_has_every_section_heading_the_cases_data_and_the_financing_table_and_is_valid()
    {
        using var buffer = new MemoryStream();
        AgreementDocument.Write(buffer, File(), TestCases.Policy);
        buffer.Position = 0;

        using var document = WordprocessingDocument.Open(buffer, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal([.. TestCases.Policy.AgreementSections.Select(s => s.Title.Sv), "Underskrifter"], headings);
        Assert.Equal("Överenskommelse om idéburet offentligt partnerskap", paragraphs[0].InnerText);
        Assert.Contains(paragraphs, p => p.InnerText.Contains("diarienummer KS 2026/7", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.InnerText == "Äldre som lever i ofrivillig ensamhet");
        Assert.Contains(paragraphs, p => p.InnerText == "Fler mötesplatser.");
        Assert.Contains(paragraphs, p => p.InnerText == "Överenskommelsen gäller från och med 2027-01-01 till och med 2029-12-31.");
        var rows = body.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(["År", "Part", "Belopp", "Insats i annan form"], rows[0]);
        Assert.Equal(["2027", "Mora kommun", "553 200 kr", "–"], rows[1]);
        Assert.Equal(["2027", "Föreningen Navet", "641 300 kr", "Ideell tid, 2 000 timmar"], rows[2]);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }
}
