using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Iop.Agreements;
using Iop.Cases;
using Iop.Policies;

namespace Iop.Functions.Agreements;

/// <summary>
/// The agreement draft as a Word document (DOCX) for the parties to read: title, registration number, every section
/// of the guideline with its heading, the co-financing as a table, and a signature block per party.
/// </summary>
internal static class AgreementDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Write(Stream output, CaseFile file, PolicyProfile policy)
    {
        var draft = file.Agreement ?? throw new InvalidOperationException("The case has no agreement draft.");
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        body.Append(Paragraph("Överenskommelse om idéburet offentligt partnerskap", "Title"));
        body.Append(Paragraph($"{policy.Municipality} och {file.Initiative.OrganisationName} · diarienummer {file.Number}", null));
        foreach (var section in policy.AgreementSections)
        {
            body.Append(Paragraph(section.Title.Sv, "Heading1"));
            var text = draft.Find(section.Id)?.Text ?? "";
            foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                body.Append(Paragraph(paragraph, null));
            }

            if (section.Id == "finances")
            {
                body.Append(FinancingTable(draft.Terms, policy.Municipality, file.Initiative.OrganisationName));
            }
        }

        body.Append(Paragraph("Underskrifter", "Heading1"));
        foreach (var (party, role) in new[] { (policy.Municipality, draft.Terms.MunicipalitySignatory), (file.Initiative.OrganisationName, draft.Terms.OrganisationSignatory) })
        {
            body.Append(Paragraph($"För {party}", "Heading2"));
            body.Append(Paragraph("Ort och datum: ______________________________", null));
            body.Append(Paragraph("______________________________________________", null));
            body.Append(Paragraph(role, null));
        }

        body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U }, new PageMargin { Top = 1417, Bottom = 1417, Left = 1417U, Right = 1417U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Table FinancingTable(AgreementTerms terms, string municipality, string organisation)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(new GridColumn { Width = "1200" }, new GridColumn { Width = "3000" }, new GridColumn { Width = "2000" }, new GridColumn { Width = "2800" }));
        table.Append(Row(true, "År", "Part", "Belopp", "Insats i annan form"));
        foreach (var f in terms.CoFinancing)
        {
            table.Append(Row(false, f.Year.ToString(CultureInfo.InvariantCulture), f.Party == Party.Municipality ? municipality : organisation, Kronor.Format(f.AmountSek), f.InKind ?? "–"));
        }

        return table;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var run = new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            if (header)
            {
                run.RunProperties = new RunProperties(new Bold());
            }

            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        }

        return paragraph;
    }

    /// <summary>The styles the document uses, so Word shows real headings (and a navigation pane) rather than bold text.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        Style Heading(string id, string name, int size, int outline) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = outline }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        part.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = "sv-SE" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 36, 0),
            Heading("Heading1", "heading 1", 28, 0),
            Heading("Heading2", "heading 2", 24, 1),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }) { Type = StyleValues.Table, StyleId = "TableGrid" },
            new Style(new StyleName { Val = "Normal Table" }, new PrimaryStyle()) { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles.Save();
    }
}
