using System.Net;
using System.Security.Cryptography;
using Iop.Functions.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Iop.Functions.Tests.CaseFiles;

/// <summary>The case file as a PDF for the diarium, read back with another library (PdfPig) than the one that wrote it.</summary>
[Collection("Azurite")]
public sealed class CaseFilePdfTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_PDF_holds_the_whole_case_with_numbered_pages_and_Swedish_letters_intact()
    {
        var @case = await CaseFileCases.SignedPartnershipAsync(_app);
        var file = (await OfficialsCases.LoadAsync(_app, @case.Id)).State.File;
        var timeline = await CaseFileTexts.TimelineAsync(_app, @case.Id);
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();

        using var response = await client.Http.GetAsync(new Uri($"/arenden/{@case.Id}/akt.pdf", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"KS-{file.Number.Year}-{file.Number.Sequence}-akt.pdf", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        Assert.True(pdf.NumberOfPages > 0);
        Assert.Equal(pdf.NumberOfPages, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var all = CaseFileTexts.PageText(pages[i], bodyOnly: false);
            Assert.Contains($"Sida {i + 1} av {pages.Count}", all, StringComparison.Ordinal);
            Assert.Contains($"Mora kommun Diarienummer {file.Number}", all, StringComparison.Ordinal);
        }

        var body = string.Join(" ", pages.Select(p => CaseFileTexts.PageText(p, bodyOnly: true)));
        Assert.Contains($"Akt {file.Number}", body, StringComparison.Ordinal);
        Assert.Contains(CaseFileCases.Organisation, body, StringComparison.Ordinal);
        var position = 0;
        foreach (var heading in CaseFileTexts.Headings)
        {
            // In order, each after the one before.
            position = body.IndexOf(heading, position, StringComparison.Ordinal);
            Assert.True(position >= 0, $"The PDF has no heading \"{heading}\" after the previous one.");
        }

        foreach (var expected in new[] { "Ofrivillig ensamhet bland äldre.", CaseFileCases.MeetingNotes, "Godkänd vid sammanträdet 2026-02-26, § 19.", "Äldre som lever i ofrivillig ensamhet", "Anna Ordförande" })
        {
            Assert.Contains(expected, body, StringComparison.Ordinal);
        }

        Assert.All(@case.Documents.Values.Append(@case.Extract), uploaded => Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(uploaded)), body, StringComparison.Ordinal));
        Assert.All(timeline, t => Assert.Contains(CaseFileTexts.Normalised($"{t.When} · {t.Who} {t.What}"), body, StringComparison.Ordinal));
        Assert.Equal($"Akt {file.Number} – {CaseFileCases.Organisation}", pdf.Information.Title);
        Assert.Equal("Mora kommun", pdf.Information.Author);
        Assert.Contains(CaseFileCases.Organisation, pdf.Information.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_PDF_is_in_English_too()
    {
        var (id, _, _) = await VettingCases.StartAsync(_app, CaseFileCases.Organisation);
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();

        using var response = await client.Http.GetAsync(new Uri($"/arenden/{id}/akt.pdf?culture=en-GB&ui-culture=en-GB", UriKind.Relative));

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => CaseFileTexts.PageText(p, bodyOnly: false)));
        Assert.Contains($"Page 1 of {pdf.NumberOfPages}", text, StringComparison.Ordinal);
        Assert.Contains("The initiative", text, StringComparison.Ordinal);
        Assert.Contains("Partner vetting started", text, StringComparison.Ordinal);
        Assert.Contains(CaseFileCases.Organisation, text, StringComparison.Ordinal);
        Assert.StartsWith("Case file ", pdf.Information.Title, StringComparison.Ordinal);
    }
}
