using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Iop.Agreements;
using Iop.Cases;
using Iop.Policies;

namespace Iop.Functions.Agreements;

/// <summary>
/// The agreement as a Word document (DOCX) a municipality can sign as it is: a header with the municipality and the
/// registration number on every page (and a draft mark while sections are unwritten), "Sida X av Y" in the footer,
/// document properties, every section of the guideline under a real heading, the co-financing stated once as a bordered
/// table inside the margins with a repeating header row and totals per party, and a signature block per signatory.
/// </summary>
internal static class AgreementDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The text width of an A4 page with 2.5 cm margins, in twentieths of a point (11,906 − 2 × 1,417).</summary>
    private const int TextWidth = 9072;

    public static void Write(Stream output, CaseFile file, PolicyProfile policy)
    {
        var draft = file.Agreement ?? throw new InvalidOperationException("The case has no agreement draft.");
        var unfinished = draft.Sections.Any(s => s.AwaitsText);
        var title = "Överenskommelse om idéburet offentligt partnerskap";
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = $"{title} – {file.Initiative.OrganisationName}";
        document.PackageProperties.Subject = $"Diarienummer {file.Number}";
        document.PackageProperties.Creator = policy.Municipality;
        document.PackageProperties.Keywords = $"IOP; {file.Number}";
        document.PackageProperties.Language = "sv-SE";
        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Paragraph($"{policy.Municipality} · Diarienummer {file.Number}", "Header"));
        if (unfinished)
        {
            header.Header.Append(Paragraph("UTKAST – alla avsnitt är inte skrivna än. Inte för beslut.", "DraftMark"));
        }

        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(PageNumbers());

        var body = new Body();
        body.Append(Paragraph(title, "Title"));
        body.Append(Paragraph($"Mellan {policy.Municipality} och {file.Initiative.OrganisationName} (organisationsnummer {file.Initiative.OrganisationNumber}) · diarienummer {file.Number}", null));
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
                body.Append(Paragraph("Medfinansiering per år och part", "Caption"));
                body.Append(FinancingTable(draft.Terms, policy.Municipality, file.Initiative.OrganisationName));
            }
        }

        body.Append(Paragraph("Underskrifter", "Heading1"));
        body.Append(Paragraph("Överenskommelsen har upprättats i två likalydande exemplar, av vilka parterna har tagit var sitt.", null));
        foreach (var (party, organisation, role) in new[] { (Party.Municipality, policy.Municipality, draft.Terms.MunicipalitySignatory), (Party.Organisation, file.Initiative.OrganisationName, draft.Terms.OrganisationSignatory) })
        {
            body.Append(SignatureBlock(organisation, role, file.Signatures.FirstOrDefault(s => s.Party == party)));
        }

        var headerId = main.GetIdOfPart(header);
        var footerId = main.GetIdOfPart(footer);
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1417, Bottom = 1417, Left = 1417U, Right = 1417U, Header = 709U, Footer = 709U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>"Sida X av Y", centred, with Word's PAGE and NUMPAGES fields (LibreOffice and Word fill them in).</summary>
    private static Paragraph PageNumbers()
    {
        static IEnumerable<OpenXmlElement> Field(string instruction) =>
        [
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        ];

        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }));
        paragraph.Append(new Run(new Text("Sida ") { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.Append(Field("PAGE"));
        paragraph.Append(new Run(new Text(" av ") { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.Append(Field("NUMPAGES"));
        return paragraph;
    }

    /// <summary>
    /// One signatory's block, kept on one page: the party, place and date, room to sign, the signature line, the name
    /// in print (namnförtydligande; filled in once the signature is recorded) and the title.
    /// </summary>
    private static Table SignatureBlock(string organisation, string role, Signature? signed)
    {
        var line = new string('_', 40);
        Paragraph[] lines =
        [
            Paragraph($"För {organisation}", "SignatureParty"),
            Paragraph(signed is null ? $"Ort och datum: {line}" : $"Ort och datum: {signed.SignedOn:yyyy-MM-dd}", "Signature"),
            Paragraph("", "SignatureSpace"),
            Paragraph(line, "Signature"),
            Paragraph("Underskrift", "SignatureLabel"),
            Paragraph(signed is null ? line : signed.SignerName, "Signature"),
            Paragraph("Namnförtydligande", "SignatureLabel"),
            Paragraph(signed?.SignerRole ?? role, "Signature"),
            Paragraph("Titel", "SignatureLabel"),
        ];
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = TextWidth.ToString(CultureInfo.InvariantCulture) },
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TopMargin { Width = "240", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 0, Type = TableWidthValues.Dxa })),
            new TableGrid(new GridColumn { Width = TextWidth.ToString(CultureInfo.InvariantCulture) }),
            new TableRow(new TableRowProperties(new CantSplit()), new TableCell(lines)));
        return table;
    }

    private static Table FinancingTable(AgreementTerms terms, string municipality, string organisation)
    {
        static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Color = "808080" };
        int[] widths = [1100, 3172, 2200, 2600];
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = TextWidth.ToString(CultureInfo.InvariantCulture) },
            new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(true, widths, "År", "Part", "Belopp", "Insats i annan form"));
        foreach (var f in terms.CoFinancing.OrderBy(f => f.Year).ThenBy(f => f.Party))
        {
            table.Append(Row(false, widths, f.Year.ToString(CultureInfo.InvariantCulture), f.Party == Party.Municipality ? municipality : organisation, Amount(f.AmountSek), f.InKind ?? "–"));
        }

        foreach (var (party, name) in new[] { (Party.Municipality, municipality), (Party.Organisation, organisation) })
        {
            var inKind = terms.CoFinancing.Where(f => f.Party == party && f.InKind is not null).Select(f => f.InKind!).ToList();
            table.Append(Row(true, widths, "Summa", name, Amount(AgreementDecider.Total(terms, party)), inKind.Count == 0 ? "–" : string.Join("; ", inKind), repeat: false));
        }

        return table;
    }

    /// <summary>An amount in the table; no money is a dash, not "0 kr".</summary>
    private static string Amount(decimal kronor) => kronor == 0 ? "–" : Kronor.Format(kronor);

    /// <summary>A row; the first bold row repeats on every page the table spans.</summary>
    private static TableRow Row(bool bold, int[] widths, string year, string party, string amount, string inKind, bool repeat = true)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        if (bold && repeat)
        {
            row.TableRowProperties!.Append(new TableHeader());
        }

        string[] cells = [year, party, amount, inKind];
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var run = new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            if (bold)
            {
                run.RunProperties = new RunProperties(new Bold());
            }

            var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = i == 2 ? JustificationValues.Right : JustificationValues.Left }), run);
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(CultureInfo.InvariantCulture) }), paragraph));
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

        Style Plain(string id, string name, StyleRunProperties? run, params OpenXmlElement[] paragraph)
        {
            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new StyleParagraphProperties(paragraph)) { Type = StyleValues.Paragraph, StyleId = id };
            if (run is not null)
            {
                style.Append(run);
            }

            return style;
        }

        part.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = "sv-SE" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 36, 0),
            Heading("Heading1", "heading 1", 28, 0),
            Heading("Heading2", "heading 2", 24, 1),
            Plain("Header", "header", new StyleRunProperties(new Color { Val = "404040" }, new FontSize { Val = "18" })),
            Plain("Footer", "footer", new StyleRunProperties(new FontSize { Val = "18" }), new Justification { Val = JustificationValues.Center }),
            Plain("DraftMark", "Draft mark", new StyleRunProperties(new Bold(), new Color { Val = "C00000" }, new FontSize { Val = "20" })),
            Plain("Caption", "caption", new StyleRunProperties(new Italic(), new FontSize { Val = "20" }), new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }),
            Plain("SignatureParty", "Signature party", new StyleRunProperties(new Bold()), new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }),
            Plain("Signature", "Signature line", null, new KeepNext(), new SpacingBetweenLines { Before = "0", After = "0" }),
            Plain("SignatureSpace", "Signature space", null, new KeepNext(), new SpacingBetweenLines { Before = "480", After = "0" }),
            Plain("SignatureLabel", "Signature label", new StyleRunProperties(new Color { Val = "404040" }, new FontSize { Val = "18" }), new KeepNext(), new SpacingBetweenLines { Before = "0", After = "160" }),
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }) { Type = StyleValues.Table, StyleId = "TableGrid" },
            new Style(new StyleName { Val = "Normal Table" }, new PrimaryStyle()) { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles.Save();
    }
}
