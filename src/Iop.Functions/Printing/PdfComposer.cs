using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Iop.Functions.Printing;

/// <summary>
/// Lays text out on A4 pages top to bottom: wraps it to a width, starts a new page when the next line does not fit,
/// and keeps a text's lines together in the content stream so that a reader extracts them in order.
/// </summary>
internal sealed class PdfComposer(PdfDocument document) : IDisposable
{
    /// <summary>The left and right margin, about 20 mm.</summary>
    public const double Margin = 56;

    /// <summary>Where text starts on a page; the running header is above.</summary>
    public const double Top = 76;

    /// <summary>The space kept free at the foot of a page for the running footer.</summary>
    public const double Bottom = 64;

    public const double Left = Margin;

    private PdfPage? _page;
    private XGraphics? _graphics;
    private double _y;

    public static double Width => PageSize.Width - (2 * Margin);

    public PdfPage Page => _page ?? throw new InvalidOperationException("No page has been started.");

    private XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page has been started.");

    /// <summary>A4 in points.</summary>
    private static XSize PageSize { get; } = new(595.28, 841.89);

    private static double Limit => PageSize.Height - Bottom;

    /// <summary>What to draw again at the top of a new page when a table goes on (its header row).</summary>
    public Action? OnNewPage { get; set; }

    /// <summary>Starts a page; a table going on draws its header row again.</summary>
    public void NewPage()
    {
        _graphics?.Dispose();
        _page = document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Top;
        OnNewPage?.Invoke();
    }

    /// <summary>Vertical space, none at the top of a page.</summary>
    public void Space(double points)
    {
        if (_y > Top)
        {
            _y = Math.Min(_y + points, Limit);
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void KeepTogether(double height)
    {
        if (_page is null || _y + height > Limit)
        {
            NewPage();
        }
    }

    /// <summary>A horizontal line across the text's width, where the next text would start.</summary>
    public void Rule(double thickness, XColor color) => Graphics.DrawLine(new XPen(color, thickness), Left, _y, Left + Width, _y);

    /// <summary>
    /// Cells side by side, each its lines in its own font; where the page ends, every cell goes on on the next page.
    /// Each cell's lines on a page are drawn together.
    /// </summary>
    public void Row(IReadOnlyList<Cell> cells)
    {
        var drawn = new int[cells.Count];
        while (cells.Where((cell, i) => drawn[i] < cell.Lines.Count).Any())
        {
            var room = Limit - _y;
            var fits = cells.Select((cell, i) => Math.Min(cell.Lines.Count - drawn[i], (int)Math.Floor(room / cell.LineHeight))).ToArray();
            if (fits.All(fit => fit == 0))
            {
                NewPage();
                continue;
            }

            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                for (var line = 0; line < fits[i]; line++)
                {
                    if (cell.Lines[drawn[i] + line] is { Length: > 0 } text)
                    {
                        Graphics.DrawString(text, cell.Font, cell.Brush, cell.X, _y + (line * cell.LineHeight), XStringFormats.TopLeft);
                    }
                }

                drawn[i] += fits[i];
            }

            _y += cells.Select((cell, i) => fits[i] * cell.LineHeight).Max();
            if (cells.Where((cell, i) => drawn[i] < cell.Lines.Count).Any())
            {
                NewPage();
            }
        }
    }

    /// <summary>One cell of <paramref name="text"/> wrapped to <paramref name="width"/>.</summary>
    public Cell Cell(string text, XFont font, double x, double width, XBrush? brush = null) =>
        new(Wrap(text, font, width), font, font.GetHeight(), x, brush ?? XBrushes.Black);

    /// <summary>
    /// The lines of <paramref name="text"/> in <paramref name="font"/> no wider than <paramref name="width"/>: broken
    /// between words, and inside a word only when the word alone is too wide (a checksum, an address). Line breaks in the
    /// text are kept.
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Replace('\t', ' ').Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Fits(candidate))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (!Fits(line))
                {
                    var take = 1;
                    while (take < line.Length && Fits(line[..(take + 1)]))
                    {
                        take++;
                    }

                    lines.Add(line[..take]);
                    line = line[take..];
                }
            }

            lines.Add(line);
        }

        return lines;

        bool Fits(string s) => Graphics.MeasureString(s, font).Width <= width;
    }

    /// <summary>Moves down, also at the top of a page (under a heading or a table's header row).</summary>
    public void Advance(double points) => _y += points;

    /// <summary>Finishes the page being drawn, so that its content can be added to (the running header and footer).</summary>
    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }
}

/// <summary>One cell of a row: its wrapped lines, their font and where it starts.</summary>
internal sealed record Cell(IReadOnlyList<string> Lines, XFont Font, double LineHeight, double X, XBrush Brush);
