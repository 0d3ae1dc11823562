using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Printing;

/// <summary>
/// The printed case file as a PDF for the diarium, drawn with PDFsharp from the same <see cref="PrintedCaseFile"/> the
/// page shows: A4, the municipality and registration number at the top of every page, "Sida X av Y" at the foot, and
/// a bookmark per section.
/// </summary>
internal static class CaseFilePdf
{
    public const string ContentType = "application/pdf";

    private const double LabelWidth = 150;
    private const double CellGap = 6;

    private static readonly XColor Line = XColor.FromArgb(0x99, 0x99, 0x99);
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x44, 0x44, 0x44));

    public static byte[] Write(PrintedCaseFile file)
    {
        SystemFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"{file.Title} – {file.Organisation}";
        document.Info.Author = file.Municipality;
        document.Info.Subject = file.Subject;
        document.Info.Creator = $"IOP · {file.Municipality}";
        document.Info.CreationDate = file.PrintedAt.UtcDateTime;
        var fonts = new Fonts();
        using (var composer = new PdfComposer(document))
        {
            composer.NewPage();
            composer.Row([composer.Cell(file.Title, fonts.Title, PdfComposer.Left, PdfComposer.Width)]);
            composer.Row([composer.Cell(file.Organisation, fonts.Heading, PdfComposer.Left, PdfComposer.Width)]);
            composer.Space(8);
            Facts(composer, fonts, file.Summary);
            foreach (var section in file.Sections)
            {
                Section(composer, fonts, document, section);
            }

        }

        HeadersAndFooters(document, file, fonts);
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }

    private static void Section(PdfComposer composer, Fonts fonts, PdfDocument document, PrintedSection section)
    {
        composer.Space(16);
        composer.KeepTogether(fonts.Heading.GetHeight() + (4 * fonts.Body.GetHeight()));
        document.Outlines.Add(section.Heading, composer.Page, true);
        composer.Row([composer.Cell(section.Heading, fonts.Heading, PdfComposer.Left, PdfComposer.Width)]);
        composer.Advance(2);
        composer.Rule(0.8, XColors.Black);
        composer.Space(6);
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case Subheading s:
                    composer.Space(6);
                    composer.KeepTogether(fonts.Subheading.GetHeight() + (3 * fonts.Body.GetHeight()));
                    composer.Row([composer.Cell(s.Text, fonts.Subheading, PdfComposer.Left, PdfComposer.Width)]);
                    composer.Space(2);
                    break;
                case TextBlock t:
                    composer.Row([composer.Cell(t.Text, fonts.Body, PdfComposer.Left, PdfComposer.Width)]);
                    composer.Space(4);
                    break;
                case FactList f:
                    Facts(composer, fonts, f.Facts);
                    break;
                case TableBlock t:
                    Table(composer, fonts, t);
                    break;
                case TimelineBlock t:
                    Timeline(composer, fonts, t);
                    break;
                default:
                    throw new NotSupportedException($"The PDF cannot lay out a {block.GetType().Name}.");
            }
        }
    }

    private static void Facts(PdfComposer composer, Fonts fonts, IReadOnlyList<Fact> facts)
    {
        foreach (var fact in facts)
        {
            composer.KeepTogether(fonts.Body.GetHeight());
            composer.Row(
            [
                composer.Cell(fact.Label, fonts.Label, PdfComposer.Left, LabelWidth - CellGap),
                composer.Cell(fact.Value, fact.Code ? fonts.Mono : fonts.Body, PdfComposer.Left + LabelWidth, PdfComposer.Width - LabelWidth),
            ]);
            composer.Space(2);
        }

        composer.Space(4);
    }

    /// <summary>A table whose header row is repeated on every page it runs onto.</summary>
    private static void Table(PdfComposer composer, Fonts fonts, TableBlock table)
    {
        var total = table.Columns.Sum(c => c.Width);
        var xs = new double[table.Columns.Count];
        var widths = new double[table.Columns.Count];
        var x = PdfComposer.Left;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            xs[i] = x;
            widths[i] = (PdfComposer.Width * table.Columns[i].Width / total) - CellGap;
            x += PdfComposer.Width * table.Columns[i].Width / total;
        }

        void Header()
        {
            composer.Row([.. table.Columns.Select((c, i) => composer.Cell(c.Header, fonts.Label, xs[i], widths[i]))]);
            composer.Advance(2);
            composer.Rule(0.6, XColors.Black);
            composer.Advance(3);
        }

        composer.KeepTogether(4 * fonts.Body.GetHeight());
        Header();
        composer.OnNewPage = Header;
        try
        {
            foreach (var row in table.Rows)
            {
                var cells = row.Select((text, i) => composer.Cell(text, fonts.Body, xs[i], widths[i])).ToList();
                composer.KeepTogether(Math.Min(cells.Max(c => c.Lines.Count), 3) * fonts.Body.GetHeight());
                composer.Row(cells);
                composer.Advance(2);
                composer.Rule(0.3, Line);
                composer.Advance(3);
            }
        }
        finally
        {
            composer.OnNewPage = null;
        }

        composer.Space(4);
    }

    private static void Timeline(PdfComposer composer, Fonts fonts, TimelineBlock timeline)
    {
        const double Indent = 10;
        foreach (var entry in timeline.Entries)
        {
            composer.KeepTogether(fonts.Small.GetHeight() + (2 * fonts.Body.GetHeight()));
            composer.Row([composer.Cell($"{entry.When} · {entry.Who}", fonts.Small, PdfComposer.Left + Indent, PdfComposer.Width - Indent, Muted)]);
            composer.Row([composer.Cell(entry.What, fonts.Body, PdfComposer.Left + Indent, PdfComposer.Width - Indent)]);
            composer.Space(6);
        }
    }

    /// <summary>Once every page is laid out: the municipality and registration number above, the page number below.</summary>
    private static void HeadersAndFooters(PdfDocument document, PrintedCaseFile file, Fonts fonts)
    {
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var height = page.Height.Point;
            var inner = new XRect(PdfComposer.Margin, 36, width - (2 * PdfComposer.Margin), 14);
            graphics.DrawString(file.Municipality, fonts.SmallBold, XBrushes.Black, inner, XStringFormats.TopLeft);
            graphics.DrawString(T($"Diarienummer {file.Number}", $"Registration number {file.Number}"), fonts.Small, XBrushes.Black, inner, XStringFormats.TopRight);
            graphics.DrawLine(new XPen(XColors.Black, 0.5), inner.Left, 52, inner.Right, 52);
            var foot = new XRect(PdfComposer.Margin, height - 44, width - (2 * PdfComposer.Margin), 14);
            graphics.DrawLine(new XPen(Line, 0.5), foot.Left, foot.Top - 6, foot.Right, foot.Top - 6);
            graphics.DrawString(file.Title, fonts.Small, Muted, foot, XStringFormats.TopLeft);
            graphics.DrawString(T($"Sida {i + 1} av {count}", $"Page {i + 1} of {count}"), fonts.Small, XBrushes.Black, foot, XStringFormats.TopRight);
        }
    }

    /// <summary>The faces and sizes the case file is set in; Unicode, so every letter of a name is kept.</summary>
    private sealed class Fonts
    {
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

        public XFont Title { get; } = new(SystemFontResolver.Sans, 17, XFontStyleEx.Bold, Unicode);

        public XFont Heading { get; } = new(SystemFontResolver.Sans, 13, XFontStyleEx.Bold, Unicode);

        public XFont Subheading { get; } = new(SystemFontResolver.Sans, 10.5, XFontStyleEx.Bold, Unicode);

        public XFont Body { get; } = new(SystemFontResolver.Sans, 9.5, XFontStyleEx.Regular, Unicode);

        public XFont Label { get; } = new(SystemFontResolver.Sans, 9.5, XFontStyleEx.Bold, Unicode);

        public XFont Mono { get; } = new(SystemFontResolver.Mono, 8.5, XFontStyleEx.Regular, Unicode);

        public XFont Small { get; } = new(SystemFontResolver.Sans, 8, XFontStyleEx.Regular, Unicode);

        public XFont SmallBold { get; } = new(SystemFontResolver.Sans, 8, XFontStyleEx.Bold, Unicode);
    }
}
