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

    /// <summary>A case's agreement with the goals written; <paramref name="finished"/> writes every other section too.</summary>
    private static CaseFile File(bool finished = false)
    {
        var submitted = new InitiativeSubmitted(CaseId.New(), new RegistrationNumber("KS 2026/7", 2026, 7), TestCases.Policy.Id, TestCases.Initiative(), Actor.System, DateTimeOffset.UnixEpoch);
        var file = ((RegisteredCase)CaseDecider.Replay([submitted])).File;
        var draft = AgreementDecider.Draft(TestCases.Policy, file, Terms, null);
        var sections = draft.Sections.Select(s => s.Id == "goals" ? s with { Text = "Färre ensamma äldre.\nFler mötesplatser.", Edited = true }
            : finished && s.AwaitsText ? s with { Text = "Parterna har skrivit avsnittet tillsammans.", Edited = true }
            : s);
        return file with { Agreement = draft with { Sections = sections.ToValueList() } };
    }

    private static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static WordprocessingDocument Open(CaseFile file, MemoryStream buffer)
    {
        AgreementDocument.Write(buffer, file, TestCases.Policy);
        buffer.Position = 0;
        return WordprocessingDocument.Open(buffer, false);
    }

    [Fact]
    public void The_document_has_every_section_heading_the_cases_data_and_the_financing_table_and_is_valid()
    {
        using var buffer = new MemoryStream();
        using var document = Open(File(), buffer);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal([.. TestCases.Policy.AgreementSections.Select(s => s.Title.Sv), "Underskrifter"], headings);
        Assert.Equal("Överenskommelse om idéburet offentligt partnerskap", paragraphs[0].InnerText);
        Assert.Contains(paragraphs, p => p.InnerText.Contains("diarienummer KS 2026/7", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.InnerText == "Äldre som lever i ofrivillig ensamhet");
        Assert.Contains(paragraphs, p => p.InnerText == "Fler mötesplatser.");
        Assert.Contains(paragraphs, p => p.InnerText == "Överenskommelsen gäller från och med 2027-01-01 till och med 2029-12-31.");
        var rows = body.Elements<Table>().First().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(["År", "Part", "Belopp", "Insats i annan form"], rows[0]);
        Assert.Equal(["2027", "Mora kommun", "553 200 kr", "–"], rows[1]);
        Assert.Equal(["2027", "Föreningen Navet", "641 300 kr", "Ideell tid, 2 000 timmar"], rows[2]);
        Assert.Equal(["Summa", "Mora kommun", "553 200 kr", "–"], rows[3]);
        Assert.Equal(["Summa", "Föreningen Navet", "641 300 kr", "Ideell tid, 2 000 timmar"], rows[4]);
        AssertValid(document);
    }

    [Fact]
    public void A_party_that_brings_no_money_has_a_dash_for_its_amount_not_0_kr()
    {
        var submitted = new InitiativeSubmitted(CaseId.New(), new RegistrationNumber("KS 2026/8", 2026, 8), TestCases.Policy.Id, TestCases.Initiative(), Actor.System, DateTimeOffset.UnixEpoch);
        var file = ((RegisteredCase)CaseDecider.Replay([submitted])).File;
        var terms = Terms with { CoFinancing = ValueList.Of(new CoFinancing(Party.Municipality, 2027, 553_200m, null), new CoFinancing(Party.Organisation, 2027, 0m, "Ideell tid")) };
        using var buffer = new MemoryStream();
        AgreementDocument.Write(buffer, file with { Agreement = AgreementDecider.Draft(TestCases.Policy, file, terms, null) }, TestCases.Policy);
        buffer.Position = 0;
        using var document = WordprocessingDocument.Open(buffer, false);

        var body = document.MainDocumentPart!.Document!.Body!;
        var rows = body.Elements<Table>().First().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(["2027", "Föreningen Navet", "–", "Ideell tid"], rows[2]);
        Assert.Equal(["Summa", "Föreningen Navet", "–", "Ideell tid"], rows[4]);
        Assert.DoesNotContain("0 kr", body.InnerText.Replace("200 kr", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Föreningen Navet bidrar med insatser i annan form: Ideell tid.", body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_co_financing_is_stated_once_as_a_bordered_table_inside_the_margins_with_a_repeating_header()
    {
        using var buffer = new MemoryStream();
        using var document = Open(File(finished: true), buffer);
        var body = document.MainDocumentPart!.Document!.Body!;

        Assert.Single(body.Descendants<Paragraph>(), p => p.InnerText.Contains("553 200", StringComparison.Ordinal) && p.Ancestors<Table>().Any() == false);
        var table = body.Elements<Table>().First();
        var properties = table.GetFirstChild<TableProperties>()!;
        var borders = properties.GetFirstChild<TableBorders>()!;
        Assert.All(
            new BorderType?[] { borders.TopBorder, borders.LeftBorder, borders.BottomBorder, borders.RightBorder, borders.InsideHorizontalBorder, borders.InsideVerticalBorder },
            b => Assert.Equal(BorderValues.Single, b!.Val!.Value));
        Assert.Equal(0, properties.TableIndentation!.Width!.Value);
        var section = body.GetFirstChild<SectionProperties>()!;
        var page = section.GetFirstChild<PageSize>()!;
        var margins = section.GetFirstChild<PageMargin>()!;
        var textWidth = (int)page.Width!.Value - (int)margins.Left!.Value - (int)margins.Right!.Value;
        Assert.Equal(textWidth, table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(textWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.TableWidth!.Width!.Value);
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal("Caption", table.ElementsBefore().OfType<Paragraph>().Last().ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }

    [Fact]
    public void Every_page_has_the_municipality_and_number_above_and_its_page_of_pages_below_and_the_package_says_what_it_is()
    {
        using var buffer = new MemoryStream();
        using var document = Open(File(finished: true), buffer);
        var main = document.MainDocumentPart!;
        var section = main.Document!.Body!.GetFirstChild<SectionProperties>()!;

        var header = ((HeaderPart)main.GetPartById(section.GetFirstChild<HeaderReference>()!.Id!.Value!)).Header!;
        var footer = ((FooterPart)main.GetPartById(section.GetFirstChild<FooterReference>()!.Id!.Value!)).Footer!;
        Assert.Equal("Mora kommun · Diarienummer KS 2026/7", header.InnerText);
        Assert.Equal(["PAGE", "NUMPAGES"], footer.Descendants<FieldCode>().Select(f => f.Text.Trim()));
        Assert.StartsWith("Sida ", footer.InnerText, StringComparison.Ordinal);
        Assert.Contains(" av ", footer.InnerText, StringComparison.Ordinal);
        Assert.Equal("Överenskommelse om idéburet offentligt partnerskap – Föreningen Navet", document.PackageProperties.Title);
        Assert.Equal("Mora kommun", document.PackageProperties.Creator);
        Assert.Equal("Diarienummer KS 2026/7", document.PackageProperties.Subject);
        Assert.DoesNotContain(main.Document.Body!.Descendants<Paragraph>(), p => p.InnerText.StartsWith(AgreementSectionText.GuidancePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_signatory_has_place_and_date_a_signature_line_the_name_in_print_and_the_title()
    {
        using var buffer = new MemoryStream();
        var file = File(finished: true) with { Signatures = ValueList.Of(new Signature(Party.Organisation, "Karin Ek", "Ordförande", new DateOnly(2026, 12, 1))) };
        using var document = Open(file, buffer);

        var blocks = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Skip(1).Select(t => t.Descendants<Paragraph>().Select(p => p.InnerText).ToList()).ToList();
        Assert.Equal(2, blocks.Count);
        var line = new string('_', 40);
        Assert.Equal(["För Mora kommun", $"Ort och datum: {line}", "", line, "Underskrift", line, "Namnförtydligande", "Kommunstyrelsens ordförande", "Titel"], blocks[0]);
        Assert.Equal(["För Föreningen Navet", "Ort och datum: 2026-12-01", "", line, "Underskrift", "Karin Ek", "Namnförtydligande", "Ordförande", "Titel"], blocks[1]);
        Assert.All(document.MainDocumentPart.Document.Body.Elements<Table>().Skip(1), t => Assert.NotNull(t.Descendants<CantSplit>().FirstOrDefault()));
    }

    [Fact]
    public void A_draft_with_unwritten_sections_is_marked_as_such_on_every_page_and_a_finished_one_is_not()
    {
        using var draftBuffer = new MemoryStream();
        using var finishedBuffer = new MemoryStream();
        using var draft = Open(File(), draftBuffer);
        using var finished = Open(File(finished: true), finishedBuffer);

        Assert.Contains("UTKAST", draft.MainDocumentPart!.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("UTKAST", finished.MainDocumentPart!.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        AssertValid(draft);
        AssertValid(finished);
    }
}
