using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Azure.Data.Tables;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Iop.Agreements;
using Iop.Cases;
using Iop.Functions.Storage;
using Iop.Reports;
using Iop.Screening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Reports;

/// <summary>The yearly follow-up over the cases of <see cref="FollowUpWorld"/>: the figures against a hand count, the page, the exports.</summary>
[Collection("Azurite")]
public sealed class YearlyFollowUpTests(FollowUpWorld world) : IClassFixture<FollowUpWorld>
{
    private async Task<FollowUpReport> ReportAsync(int year)
    {
        var store = world.App.Services.GetRequiredService<ICaseStore>();
        var histories = new List<IReadOnlyList<CaseEvent>>();
        foreach (var summary in await store.ListAsync(null, CancellationToken.None))
        {
            histories.Add([.. (await store.LoadHistoryAsync(summary.Id, CancellationToken.None)).Select(e => e.Event)]);
        }

        return YearlyFollowUp.Compute(histories, year);
    }

    private static int?[] Medians(FollowUpReport report) => [.. report.Stages.Select(s => s.Time.MedianDays is { } m ? (int?)m : null)];

    private static (Party, int, decimal, int, string)[] Totals(IEnumerable<CoFinancingTotal> totals) =>
        [.. totals.Select(c => (c.Party, c.Year, c.AmountSek, c.Partnerships, string.Join("; ", c.InKind)))];

    [Fact]
    public async Task The_figures_of_2026_are_the_hand_count()
    {
        var r = await ReportAsync(2026);

        // Received A–G and R (H arrived on 1 January in Sweden); screened A, C–G and R; discontinued A, B, C.
        Assert.Equal((8, 7, 3), (r.Received, r.Screened, r.Discontinued));
        // Decided and signed D, F and R; all three still active on 31 December; none ended.
        Assert.Equal((3, 3, 3, 0), (r.Decided, r.SignedAgreements, r.ActiveAtYearEnd, r.Ended));
        Assert.Equal(
            [new(Stage.Received, Alternative.None, 1), new(Stage.Screening, Alternative.AssociationGrant, 1), new(Stage.PartnerVetting, Alternative.Procurement, 1)],
            r.Discontinuations);
        // D, F and R: 2 March to 12 March.
        Assert.Equal(new LeadTime(3, 10), r.InitiativeToDecision);
        // Received: A, C, D, E, F, R the same day, G 2 days; screening: G 3 days; first meeting to drafting: C (first
        // meeting only), D, E, F, R the same day; committee decision: D, F and R 2 to 20 March (E was sent back and has
        // not passed it).
        Assert.Equal([7, 1, 5, 4, 4, 4, 4, 4, 4, 3], r.Stages.Select(s => s.Time.Cases));
        Assert.Equal([0, 3, 0, 0, 0, 0, 0, 0, 0, 18], Medians(r));
        Assert.Equal([(Party.Municipality, 2026, 1_659_600m, 3, ""), (Party.Organisation, 2026, 0m, 3, "Ideell tid")], Totals(r.CoFinancing));
        // Socialnämnden: D, E, F and R scoped; D, F and R approved, E rejected.
        var committee = Assert.Single(r.Committees);
        Assert.Equal(("Socialnämnden", 4, 3, 1), (committee.Name, committee.Cases, committee.Approved, committee.Rejected));

        // The running partnerships: D's two dialogues; nothing renegotiated, reported by the organisations or ended.
        Assert.Equal((0, 0, 2, 0), (r.RenegotiationsStarted, r.Renegotiated, r.FollowUpDialogues, r.YearlyReportsReceived));
        Assert.Equal(new EndingCounts(0, 0, 0, 0), r.EndedBy);
        // Committed for 2026 by the agreements in force (D, F, R; none in 2025). Reported by 31 December: D's second
        // dialogue corrects the municipality's figure and leaves the organisation's 800 hours from the first.
        Assert.Equal([(Party.Municipality, 2026, 1_659_600m, 3, ""), (Party.Organisation, 2026, 0m, 3, "Ideell tid")], Totals(r.CoFinancingCommitted));
        Assert.Equal([(Party.Municipality, 2026, 320_000m, 1, ""), (Party.Organisation, 2026, 0m, 1, "Ideell tid, 800 timmar")], Totals(r.CoFinancingReported));
    }

    [Fact]
    public async Task The_figures_of_2027_are_the_hand_count()
    {
        var r = await ReportAsync(2027);

        // Received H and I; screened and discontinued I.
        Assert.Equal((2, 1, 1), (r.Received, r.Screened, r.Discontinued));
        // E decided and signed; R's renegotiated agreement, approved and signed again, is neither (it was signed in
        // 2026). Active at the end: E and R (F ended on 1 March, D was rescinded on 1 September).
        Assert.Equal((1, 1, 2, 2), (r.Decided, r.SignedAgreements, r.ActiveAtYearEnd, r.Ended));
        Assert.Equal((1, 1), (r.RenegotiationsStarted, r.Renegotiated));
        Assert.Equal(new EndingCounts(TermExpired: 0, Notice: 0, Rescission: 1, Other: 1), r.EndedBy);
        Assert.Equal([new DiscontinuedCount(Stage.Screening, Alternative.Procurement, 1)], r.Discontinuations);
        // E: 2 March 2026 to 1 February 2027 = 365 - 29 days.
        Assert.Equal(new LeadTime(1, 336), r.InitiativeToDecision);
        // Received: I the same day; first meeting: G 15 June 2026 to 1 May 2027 (320 days); drafting: E's second round,
        // 13 March 2026 to 20 January 2027 (365 - 52 = 313 days); committee decision: E's first round (2–13 March 2026,
        // 11 days) and its second (20 January to 5 February 2027, 16 days). R's renegotiation is no lead time.
        Assert.Equal([1, 0, 1, 0, 0, 0, 0, 0, 1, 1], r.Stages.Select(s => s.Time.Cases));
        Assert.Equal([0, null, 320, null, null, null, null, null, 313, 27], Medians(r));
        Assert.Equal([(Party.Municipality, 2027, 250_000m, 1, ""), (Party.Organisation, 2027, 0m, 1, FollowUpWorld.InKindFormula)], Totals(r.CoFinancing));
        // Socialnämnden decided E and R's renegotiated agreement; no case was scoped to it in 2027.
        var committee = Assert.Single(r.Committees);
        Assert.Equal(("Socialnämnden", 0, 2, 0), (committee.Name, committee.Cases, committee.Approved, committee.Rejected));

        // R's dialogue and D's yearly report on 2026.
        Assert.Equal((1, 1), (r.FollowUpDialogues, r.YearlyReportsReceived));
        // Committed for 2026 by the agreements then in force (D, F, R; E was signed in 2027); for 2027 by E's and R's
        // renegotiated one (D and F commit nothing for 2027).
        Assert.Equal(
            [
                (Party.Municipality, 2026, 1_659_600m, 3, ""), (Party.Municipality, 2027, 850_000m, 2, ""),
                (Party.Organisation, 2026, 0m, 3, "Ideell tid"), (Party.Organisation, 2027, 0m, 2, $"{FollowUpWorld.InKindFormula}; {FollowUpWorld.Premises}"),
            ],
            Totals(r.CoFinancingCommitted));
        // Reported for 2026: D's yearly report, received in 2027, replaces both its dialogues' figures; for 2027: R's dialogue.
        Assert.Equal(
            [
                (Party.Municipality, 2026, 553_200m, 1, ""), (Party.Municipality, 2027, 580_000m, 1, ""),
                (Party.Organisation, 2026, 12_000m, 1, "Ideell tid, 2 000 timmar"), (Party.Organisation, 2027, 0m, 1, FollowUpWorld.Premises),
            ],
            Totals(r.CoFinancingReported));
    }

    [Fact]
    public async Task The_2026_report_is_unchanged_after_the_cases_moved_on_in_2027()
    {
        var csv = await world.Coordinator.Http.GetByteArrayAsync(new Uri("/uppfoljning/2026?handler=Csv", UriKind.Relative));
        var page = FollowUpWorld.Tables(await world.Coordinator.GetStringAsync("/uppfoljning/2026"));

        Assert.Equal(Encoding.UTF8.GetString(world.Csv2026AtYearEnd), Encoding.UTF8.GetString(csv));
        Assert.Equal(world.Page2026AtYearEnd, page);
        Assert.Contains("Inkomna initiativ;8", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_year_is_kept_in_storage_once_served_and_read_back_without_a_single_history()
    {
        // 2026 has been over for months: serving it counts it and keeps it.
        await world.Coordinator.GetStringAsync("/uppfoljning/2026");
        var services = world.App.Services;
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(services.GetRequiredService<IOptions<StorageOptions>>().Value.FollowUpTable);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("followup", $"2026-v{YearlyFollowUp.Version}")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("followup", $"2027-v{YearlyFollowUp.Version}")).HasValue);

        // Another process reads it back as it was counted, and reads no history for it.
        var store = new NoHistories(services.GetRequiredService<ICaseStore>());
        var kept = await new FollowUpReports(store, services.GetRequiredService<IFollowUpArchive>(), world.App.Time).ForYearAsync(2026, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(await ReportAsync(2026)), JsonSerializer.Serialize(kept));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new FollowUpReports(store, services.GetRequiredService<IFollowUpArchive>(), world.App.Time).ForYearAsync(2027, CancellationToken.None));
    }

    [Fact]
    public async Task The_page_shows_the_tables_and_both_charts_with_the_same_figures()
    {
        var document = new HtmlParser().ParseDocument(await world.Coordinator.GetStringAsync("/uppfoljning/2026"));
        string[][] Rows(string id) => [.. document.QuerySelectorAll($"#tabell-{id} tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())];

        Assert.Equal("Årlig uppföljning 2026", document.QuerySelector("h1")?.TextContent);
        Assert.Equal(7, document.QuerySelectorAll("table.report caption").Length);
        Assert.All(document.QuerySelectorAll("table.report thead th:not(.group)"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(document.QuerySelectorAll("table.report tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        Assert.Equal(["Inkomna initiativ", "8"], Rows("oversikt")[0]);
        Assert.Equal(["Avtalsskrivning", "4", "0"], Rows("ledtider")[9]);
        Assert.Equal(["Totalt", "1", "1", "1", "3"], Rows("avslutade")[^1]);
        Assert.Equal(["Kommunen", "2026", "1\u00A0659\u00A0600", "3", "–"], Rows("medfinansiering")[0]);
        Assert.Equal(["Socialnämnden", "Nämnd", "4", "3", "1"], Rows("namnder")[0]);
        Assert.Equal(["Uppföljningsdialoger", "2"], Rows("partnerskap")[3]);
        Assert.Equal("part", document.QuerySelectorAll("#tabell-partnerskap tbody tr")[6].ClassName);
        Assert.Equal(
            [["Kommunen", "2026", "1\u00A0659\u00A0600", "3", "–", "320\u00A0000", "1", "–"], ["Organisationerna", "2026", "0", "3", "Ideell tid", "0", "1", "Ideell tid, 800 timmar"]],
            Rows("medfinansiering-redovisad"));

        // Committed and reported each head their three columns; part and year span both header rows.
        var heads = document.QuerySelectorAll("#tabell-medfinansiering-redovisad thead tr");
        Assert.Equal(
            [("Part", "col", "2", null), ("År", "col", "2", null), ("Utlovat", "colgroup", null, "3"), ("Redovisat", "colgroup", null, "3")],
            heads[0].Children.Select(th => (th.TextContent, th.GetAttribute("scope"), th.GetAttribute("rowspan"), th.GetAttribute("colspan"))));
        Assert.Equal(["Kronor", "Partnerskap", "Andra insatser", "Kronor", "Partnerskap", "Andra insatser"], heads[1].Children.Select(th => th.TextContent));

        // A number in a text stays on one line: 2 000 hours do not break into 2 and 000.
        var y2027 = new HtmlParser().ParseDocument(await world.Coordinator.GetStringAsync("/uppfoljning/2027"));
        Assert.Equal("Ideell tid, 2\u00A0000 timmar", y2027.QuerySelectorAll("#tabell-medfinansiering-redovisad tbody tr")[2].Children[^1].TextContent);

        var funnel = document.QuerySelector("#tratt svg")!;
        Assert.Equal("img", funnel.GetAttribute("role"));
        Assert.Equal("Från initiativ till partnerskap 2026", funnel.QuerySelector("title")?.TextContent);
        Assert.Equal(["8", "7", "3", "3"], funnel.QuerySelectorAll("g.bar").Select(g => g.GetAttribute("data-value")));
        Assert.Contains("inkomna 8, bedömda 7, beslutade 3, undertecknade 3", funnel.QuerySelector("desc")?.TextContent, StringComparison.Ordinal);
        var stages = document.QuerySelector("#ledtider-diagram svg")!;
        Assert.Equal("img", stages.GetAttribute("role"));
        Assert.Equal(Rows("ledtider").Skip(1).Select(r => r[2] == "–" ? "" : r[2]), stages.QuerySelectorAll("g.bar").Select(g => g.GetAttribute("data-value")));
        Assert.Empty(document.QuerySelectorAll("script"));

        var list = new HtmlParser().ParseDocument(await world.Coordinator.GetStringAsync("/arenden"));
        Assert.Equal("/uppfoljning", list.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Årlig uppföljning").GetAttribute("href"));
    }

    [Fact]
    public async Task The_page_reads_in_English_too()
    {
        var html = await world.Coordinator.GetStringAsync("/uppfoljning/2027?culture=en-GB&ui-culture=en-GB");

        Assert.Contains("Yearly follow-up 2027", html, StringComparison.Ordinal);
        Assert.Contains("From initiative to committee decision", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_coordinators_see_it_and_a_year_out_of_range_is_a_clear_404_or_400()
    {
        using var anonymous = world.Anonymous();
        using var signedOut = await anonymous.GetAsync(new Uri("/uppfoljning/2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/logga-in", signedOut.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        using var other = world.OtherStaff();
        foreach (var url in new[] { "/uppfoljning", "/uppfoljning/2026?handler=Csv", "/uppfoljning/2026?handler=Xlsx" })
        {
            // Forbidden: the cookie handler of the development sign-in sends the browser to its access-denied address.
            using var refused = await other.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(
                refused.StatusCode == HttpStatusCode.Forbidden || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location?.AbsolutePath == "/Account/AccessDenied"),
                $"{url} answered other staff {(int)refused.StatusCode} {refused.Headers.Location}.");
        }

        foreach (var (year, status, text) in new[]
        {
            ("1999", HttpStatusCode.NotFound, "Välj ett år från 2000 till 2028"),
            ("2029", HttpStatusCode.NotFound, "Välj ett år från 2000 till 2028"),
            ("99999999999", HttpStatusCode.NotFound, "Välj ett år från 2000 till 2028"),
            ("tjugo", HttpStatusCode.BadRequest, "Året ska skrivas med siffror"),
            ("-2026", HttpStatusCode.BadRequest, "Året ska skrivas med siffror"),
            ("2026?handler=Csv&x=", HttpStatusCode.OK, ""),
            ("abc?handler=Xlsx", HttpStatusCode.BadRequest, "Året ska skrivas med siffror"),
        })
        {
            using var response = await world.Coordinator.Http.GetAsync(new Uri($"/uppfoljning/{year}", UriKind.Relative));
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("Årlig uppföljning 2027", await world.Coordinator.GetStringAsync("/uppfoljning"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_every_table_in_semicolon_separated_utf8_with_formulas_defused()
    {
        using var response = await world.Coordinator.Http.GetAsync(new Uri("/uppfoljning/2027?handler=Csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("iop-uppfoljning-2027.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        var tables = text.Split("\r\n\r\n");
        Assert.Equal(7, tables.Length);
        var lines = tables.Select(t => t.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.Equal(
            [
                "Initiativ och partnerskap 2027", "Pågående partnerskap 2027", "Avslutade ärenden 2027 per steg och hänvisning", "Ledtider 2027 i dagar (median)",
                "Medfinansiering i överenskommelser undertecknade 2027", "Medfinansiering 2026 och 2027: utlovad och redovisad", "Nämnder och bolag 2027",
            ],
            lines.Select(l => l[0]));
        Assert.Equal(["Mått;Antal", "Inkomna initiativ;2", "Bedömda initiativ;1", "Avslutade ärenden;1"], lines[0][1..5]);
        Assert.Equal(
            [
                "Mått;Antal", "Aktiva partnerskap den 31 december 2027;2", "Påbörjade omförhandlingar;1", "Omförhandlade överenskommelser som undertecknades;1",
                "Uppföljningsdialoger;1", "Årsrapporter som kom in;1", "Avslutade partnerskap;2",
                "varav avtalstiden löpte ut;0", "varav uppsägning;0", "varav hävning;1", "varav annat eller inte angivet;1",
            ],
            lines[1][1..]);
        Assert.Equal("Steg när ärendet avslutades;Föreningsbidrag;Upphandling;Annat/ingen hänvisning;Totalt", lines[2][1]);
        Assert.Equal("Bedömning;0;1;0;1", lines[2][2]);
        Assert.Equal("Från initiativ till nämndbeslut;1;336", lines[3][2]);
        Assert.Equal("Bedömning;0;", lines[3][4]);
        Assert.Equal(["Kommunen;2027;250000;1;", "Kommunen, totalt;;250000;;", $"Organisationerna;2027;0;1;'{FollowUpWorld.InKindFormula}"], lines[4][2..5]);
        Assert.Equal(
            [
                "Part;År;Utlovat (kr);Partnerskap med åtagande;Utlovade andra insatser;Redovisat (kr);Partnerskap som redovisat;Redovisade andra insatser",
                "Kommunen;2026;1659600;3;;553200;1;",
                "Kommunen;2027;850000;2;;580000;1;",
                "Organisationerna;2026;0;3;Ideell tid;12000;1;Ideell tid, 2 000 timmar",
                $"Organisationerna;2027;0;2;\"'{FollowUpWorld.InKindFormula}; {FollowUpWorld.Premises}\";0;1;{FollowUpWorld.Premises}",
            ],
            lines[5][1..]);
        Assert.Equal("Socialnämnden;Nämnd;0;2;0", lines[6][2]);
    }

    [Fact]
    public async Task The_workbook_is_valid_with_one_sheet_per_table_and_numbers_as_numbers()
    {
        using var response = await world.Coordinator.Http.GetAsync(new Uri("/uppfoljning/2026?handler=Xlsx", UriKind.Relative));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Översikt", "Pågående partnerskap", "Avslutade ärenden", "Ledtider", "Medfinansiering", "Utlovad och redovisad", "Nämnder och bolag"], sheets.Select(s => s.Name?.Value));
        Cell Find(int sheet, string reference) =>
            ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[sheet].Id!)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        string Value(int sheet, string reference) => Find(sheet, reference) is var cell && cell.DataType?.Value == CellValues.InlineString ? cell.InnerText : cell.CellValue?.Text ?? "";
        string[] Row(int sheet, int row) => [.. "ABCDEFGH".Select(c => Value(sheet, $"{c}{row}"))];
        Assert.Equal(("Initiativ och partnerskap 2026", "Mått", "Inkomna initiativ", "8"), (Value(0, "A1"), Value(0, "A2"), Value(0, "A3"), Value(0, "B3")));
        Assert.Equal(("Uppföljningsdialoger", "2", "varav hävning", "0"), (Value(1, "A6"), Value(1, "B6"), Value(1, "A11"), Value(1, "B11")));
        Assert.Equal(("Nämndbeslut", "3", "18"), (Value(3, "A13"), Value(3, "B13"), Value(3, "C13")));
        Assert.Equal(("Kommunen", "1659600"), (Value(4, "A3"), Value(4, "C3")));

        // Committed and reported side by side; the amounts and counts are numbers, the year and the texts are text.
        Assert.Equal(
            ["Part", "År", "Utlovat (kr)", "Partnerskap med åtagande", "Utlovade andra insatser", "Redovisat (kr)", "Partnerskap som redovisat", "Redovisade andra insatser"],
            Row(5, 2));
        Assert.Equal(
            ["Kommunen", "2026", "1659600", "3", "", "320000", "1", ""],
            Row(5, 3));
        Assert.Equal(
            ["Organisationerna", "2026", "0", "3", "Ideell tid", "0", "1", "Ideell tid, 800 timmar"],
            Row(5, 4));
        Assert.All(new[] { "C3", "D3", "F3", "G3", "C4", "F4" }, c => Assert.Null(Find(5, c).DataType));
        Assert.Equal(CellValues.InlineString, Find(5, "B3").DataType?.Value);
        Assert.Null(Find(0, "B3").DataType);
    }

    /// <summary>The app's store, but reading a history is a failure: what is served must not need one.</summary>
    private sealed class NoHistories(ICaseStore store) : ICaseStore
    {
        public Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The history of case {id} was read.");

        public Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken) => store.ListAsync(stage, cancellationToken);

        public Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken) => store.LoadAsync(id, cancellationToken);

        public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) => store.LoadForDecisionAsync(id, cancellationToken);

        public Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken) => store.TryCommitAsync(change, cancellationToken);
    }
}
