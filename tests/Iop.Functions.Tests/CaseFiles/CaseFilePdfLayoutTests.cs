using Iop.Cases;
using Iop.Functions.Printing;
using UglyToad.PdfPig;

namespace Iop.Functions.Tests.CaseFiles;

/// <summary>The PDF's layout on its own: long texts go on over pages, nothing is cut off, odd characters do not break it.</summary>
public sealed class CaseFilePdfLayoutTests
{
    private static PrintedCaseFile Document(params PrintedBlock[] blocks) => new(
        "Mora kommun", new RegistrationNumber("KS 2026/99", 2026, 99), "Föreningen Åre", "Akt KS 2026/99", "Prov", DateTimeOffset.UnixEpoch,
        [new Fact("Diarienummer", "KS 2026/99")], [new PrintedSection("test", "Provavsnitt", blocks)]);

    [Fact]
    public void A_text_longer_than_a_page_goes_on_over_pages_word_for_word_and_a_word_wider_than_the_page_is_broken()
    {
        var words = Enumerable.Range(1, 1500).Select(i => $"ord{i}").ToList();
        var code = new string('f', 300);

        var bytes = CaseFilePdf.Write(Document(new TextBlock(string.Join(' ', words)), new FactList([new Fact("Kod", code, Code: true)])));

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count > 2, $"{pages.Count} pages");
        var text = string.Join(" ", pages.Select(p => CaseFileTexts.PageText(p, bodyOnly: true)));
        Assert.Contains(string.Join(' ', words), text, StringComparison.Ordinal);
        Assert.Equal(code, string.Concat(pages.SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => w.All(c => c == 'f'))));
        Assert.All(pages.SelectMany(p => p.GetWords().Select(w => (Word: w, Page: p))), x =>
        {
            Assert.InRange(x.Word.BoundingBox.Left, 0, x.Page.Width);
            Assert.InRange(x.Word.BoundingBox.Right, 0, x.Page.Width - 50);
            Assert.InRange(x.Word.BoundingBox.Bottom, 30, x.Page.Height);
        });
    }

    [Fact]
    public void A_table_that_runs_onto_the_next_page_repeats_its_header_there()
    {
        var rows = Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"rad{i}", "Godkänd"]).ToList();

        var bytes = CaseFilePdf.Write(Document(new TableBlock([new Column("Rubrikett", 2), new Column("Rubriktvå", 1)], rows)));

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.Contains("Rubrikett", p.GetWords().Select(w => w.Text)));
        Assert.Equal(rows.Select(r => r[0]), pages.SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => w.StartsWith("rad", StringComparison.Ordinal)));
    }

    [Fact]
    public void Letters_outside_the_font_and_control_characters_do_not_stop_the_PDF()
    {
        var bytes = CaseFilePdf.Write(Document(new TextBlock("Łódź, Ærø, Ğ, 東京, مرحبا, 🙂, tab\there, bell\u0007, \r\nCRLF\rCR"), new Subheading("")));

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Łódź, Ærø, Ğ,", text, StringComparison.Ordinal);
        Assert.Contains("CRLF CR", text, StringComparison.Ordinal);
    }
}
