using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Tests.Infrastructure;
using Iop.Intake;
using Iop.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

/// <summary>The coordinator's case list over a few dozen cases: search, views, sorting, pages and the exports.</summary>
[Collection("Azurite")]
public sealed class CaseListTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly IopAppFactory _app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Guid.NewGuid().ToString("N")[..8]);
    private PageClient _client = null!;

    private static Initiative Initiative(string organisation, string number, string contact) =>
        new(organisation, number, new ContactPerson(contact, contact.Replace(' ', '.').ToLowerInvariant() + "@example.org", "0250-100 00"), "En utmaning.", "En idé.", ValueList<CriterionAssessment>.Empty);

    public async Task InitializeAsync()
    {
        var cases = _app.Services.GetRequiredService<CaseService>();
        await cases.SubmitAsync(CaseId.New(), Initiative("Föreningen Navet", "802012-3454", "Karin Ek"), CancellationToken.None);
        await cases.SubmitAsync(CaseId.New(), Initiative("Åkerbärens idrottsklubb", "802400-1111", "Åsa Lind"), CancellationToken.None);
        await cases.SubmitAsync(CaseId.New(), Initiative("=HYPERLINK(\"http://evil.example\")", "802400-2222", "Eva Ström"), CancellationToken.None);
        for (var i = 0; i < 57; i++)
        {
            await cases.SubmitAsync(CaseId.New(), Initiative($"Förening {i:D2}", $"80240{i:D2}-0000", $"Person {i:D2}"), CancellationToken.None);
        }

        _client = _app.Pages();
        await _client.SignInAsCoordinatorAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<List<string[]>> RowsAsync(string url)
    {
        var document = new HtmlParser().ParseDocument(await _client.GetStringAsync(url));
        return [.. document.QuerySelectorAll("table.cases tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];
    }

    [Fact]
    public async Task Search_finds_a_case_by_organisation_number_without_its_dash_or_by_contact_person()
    {
        var byNumber = Assert.Single(await RowsAsync("/arenden?sok=8024001111"));
        var byContact = Assert.Single(await RowsAsync("/arenden?sok=%C3%A5sa+lind"));
        var none = await _client.GetStringAsync("/arenden?sok=finns+inte");

        Assert.Equal("Åkerbärens idrottsklubb", byNumber[1]);
        Assert.Equal(byNumber, byContact);
        Assert.Contains("IOP-samordnaren", byNumber[3], StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", byNumber[5]);
        Assert.Contains("Inga ärenden att visa.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_cases_a_page_sorted_by_the_column_asked_for_with_links_that_keep_the_search()
    {
        var first = await RowsAsync("/arenden?sortera=organisation");
        var second = await RowsAsync("/arenden?sortera=organisation&sida=2");
        var descending = await RowsAsync("/arenden?sortera=organisation&fallande=true");
        var html = await _client.GetStringAsync("/arenden?sok=F%C3%B6rening&sortera=organisation");

        Assert.Equal(50, first.Count);
        Assert.Equal(10, second.Count);
        var names = first.Concat(second).Select(r => r[1]).ToList();
        Assert.Equal(names.Order(StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true)), names);
        Assert.Equal("Åkerbärens idrottsklubb", names[^1]);
        Assert.Equal("Åkerbärens idrottsklubb", descending[0][1]);
        Assert.Contains("sida 1 av 2", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/arenden?sok=F%C3%B6rening&amp;sortera=organisation&amp;sida=2\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"ascending\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_views_separate_the_coordinators_work_from_the_rest()
    {
        var mine = await RowsAsync("/arenden?vy=mina");
        var overdue = await RowsAsync("/arenden?vy=forsenade");

        Assert.Equal(50, mine.Count);
        Assert.Empty(overdue);

        // Two weeks and a day later every initiative is overdue for screening.
        _app.Time.Advance(TimeSpan.FromDays(15));
        await _client.SignInAsCoordinatorAsync();
        var later = await _client.GetStringAsync("/arenden?vy=forsenade");
        Assert.Contains("60 ärenden", later, StringComparison.Ordinal);
        Assert.Contains("försenat", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_has_every_matching_case_in_semicolon_separated_utf8_with_formulas_defused()
    {
        var response = await _client.Http.GetAsync(new Uri("/arenden?handler=Csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(61, lines.Length);
        Assert.Equal("Diarienummer;Organisation;Organisationsnummer;Kontaktperson;E-post;Steg;Väntar på;Inkom;Nästa steg senast;Försenat;Senast ändrat", lines[0]);
        Assert.Contains(lines, l => l.Contains(";Åkerbärens idrottsklubb;802400-1111;Åsa Lind;åsa.lind@example.org;Inkommet;IOP-samordnaren;2026-03-02;2026-03-16;Nej;2026-03-02", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";\"'=HYPERLINK(\"\"http://evil.example\"\")\";", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_xlsx_export_is_a_valid_workbook_with_real_dates_and_a_filter_over_the_searched_cases()
    {
        var response = await _client.Http.GetAsync(new Uri("/arenden?handler=Xlsx&sok=f%C3%B6rening", UriKind.Relative));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(59, rows.Count);
        Assert.Equal("Diarienummer", rows[0].Elements<Cell>().First().InnerText);
        Assert.Equal("A1:K59", sheet.Descendants<AutoFilter>().Single().Reference?.Value);
        var received = rows[1].Elements<Cell>().Single(c => c.CellReference == "H2");
        Assert.Equal(new DateTime(2026, 3, 2), DateTime.FromOADate(double.Parse(received.CellValue!.Text, CultureInfo.InvariantCulture)));
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)received.StyleIndex!.Value);
        Assert.Equal("yyyy-mm-dd", document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == format.NumberFormatId!).FormatCode?.Value);
    }
}
