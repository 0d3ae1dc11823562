using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Portal;
using Iop.Functions.Tests.Infrastructure;
using Iop.Partnerships;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Officials;

/// <summary>
/// The running partnership's follow-up dialogues on the case page and in the API, and the organisation's yearly report
/// sent through its own signed link with its files in Blob storage.
/// </summary>
[Collection("Azurite")]
public sealed class PartnershipLifeTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    /// <summary>The test app's clock starts before the term (2026-07-01); a partnership's life is lived in the autumn.</summary>
    private void InTheAutumn() => _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));

    private DateOnly Today => SwedishClock.LocalDate(_app.Time.GetUtcNow());

    private async Task<(PageClient Client, string Version)> PageAsync(CaseId id)
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return (client, PageClient.HiddenValue(await client.GetStringAsync($"/arenden/{id}"), "version"));
    }

    private static KeyValuePair<string, string>[] FollowUpForm(string version, string organisationAssessment) =>
    [
        new("version", version), new("heldOn", "2026-10-01"), new("meetingId", ""), new("done", "Läxhjälp två kvällar i veckan, 40 barn."), new("changes", ""),
        new("municipalityAssessment", "Målen nås."), new("organisationAssessment", organisationAssessment),
        new("year", "2026"), new("party", "Municipality"), new("amount", "120 000"), new("inKind", ""),
        new("year", "2026"), new("party", "Organisation"), new("amount", ""), new("inKind", "ideell tid, 600 timmar"),
    ];

    [Fact]
    public async Task A_follow_up_refused_in_swedish_keeps_what_was_typed_and_once_complete_is_on_the_page_and_in_the_record()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "Uppföljningsföreningen");
        InTheAutumn();
        var (client, version) = await PageAsync(id);
        var before = await SettledVersionAsync(id);

        using var refused = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=RecordFollowUp", FollowUpForm(version, " "));
        var refusedPage = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Skriv vad som har gjorts och båda parternas bedömning.", refusedPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Läxhjälp två kvällar i veckan, 40 barn.", refusedPage.GetElementById("follow-up-done")!.TextContent);
        Assert.Equal("ideell tid, 600 timmar", refusedPage.GetElementById("follow-up-in-kind-2")!.GetAttribute("value"));
        Assert.Equal(before, (await OfficialsCases.LoadAsync(_app, id)).Version);

        using var recorded = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=RecordFollowUp", FollowUpForm(version, "Bra samarbete, lokalen är trång."));
        var page = new HtmlParser().ParseDocument(await recorded.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var record = Assert.Single((await OfficialsCases.LoadAsync(_app, id)).State.File.FollowUps);
        Assert.Equal([new CoFinancing(Party.Municipality, 2026, 120_000m, null), new CoFinancing(Party.Organisation, 2026, 0m, "ideell tid, 600 timmar")], record.Contributions);
        Assert.Null(record.DueOn);
        var shown = page.GetElementById("follow-up-1")!.TextContent;
        Assert.Contains("Uppföljningsdialog 2026-10-01", shown, StringComparison.Ordinal);
        Assert.Contains("120\u00A0000", shown, StringComparison.Ordinal);
        Assert.Contains("Bra samarbete, lokalen är trång.", shown, StringComparison.Ordinal);
        Assert.Equal(["2027-07-01", "2028-07-01"], page.QuerySelectorAll("#follow-up-plan td.date").Select(td => td.TextContent));
        Assert.Contains("Uppföljningsdialog 2026-10-01 dokumenterades", page.GetElementById("timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_records_a_follow_up_and_asks_for_a_report_and_answers_bad_input_with_problem_details()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "API-föreningen");
        InTheAutumn();
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();

        using var noDate = await client.Http.PostAsJsonAsync($"/api/cases/{id}/follow-ups", new { done = "x", municipalityAssessment = "x", organisationAssessment = "x" });
        using var badRow = await client.Http.PostAsJsonAsync($"/api/cases/{id}/follow-ups", new { heldOn = "2026-10-01", done = "x", municipalityAssessment = "x", organisationAssessment = "x", contributions = new[] { new { party = "Kommunen", year = 2026, amountSek = 5m } } });
        using var future = await client.Http.PostAsJsonAsync($"/api/cases/{id}/follow-ups", new { heldOn = "2999-01-01", done = "x", municipalityAssessment = "x", organisationAssessment = "x" });
        using var recorded = await client.Http.PostAsJsonAsync($"/api/cases/{id}/follow-ups", new
        {
            heldOn = "2026-10-01",
            done = "Läxhjälp.",
            municipalityAssessment = "Målen nås.",
            organisationAssessment = "Bra.",
            contributions = new[] { new { party = "Organisation", year = 2026, amountSek = 0m, inKind = "lokal" } },
        });
        using var report = await client.Http.PostAsJsonAsync($"/api/cases/{id}/yearly-reports", new { year = 2026, dueOn = Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal("application/problem+json", noDate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badRow.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains(FollowUpRules.HeldOnInvalid, await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var file = (await OfficialsCases.LoadAsync(_app, id)).State.File;
        Assert.Equal("lokal", Assert.Single(Assert.Single(file.FollowUps).Contributions).InKind);
        Assert.Equal((2026, 1), (Assert.Single(file.YearlyReports).Year, file.YearlyReports[0].Issue));
    }

    [Fact]
    public async Task The_organisation_sends_its_report_with_a_pdf_through_its_link_and_the_coordinator_reads_it_on_the_case_page()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "Rapportföreningen");
        InTheAutumn();
        var (client, version) = await PageAsync(id);
        using var asked = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=RequestReport",
            [new("version", version), new("year", "2026"), new("dueOn", Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        Assert.Contains("Organisationen har fått en länk till årsrapporten för 2026.", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var requested = Assert.Single((await OfficialsCases.LoadAsync(_app, id)).State.File.YearlyReports);
        Assert.Contains(await OutboxTypesAsync(id), t => t == "send-report-link");
        var token = _app.Services.GetRequiredService<PortalTokens>().CreateReportLink(id, 2026, requested.Issue, requested.LinkExpiresAt);

        var portal = _app.Pages(followRedirects: false);
        var form = new HtmlParser().ParseDocument(await portal.GetStringAsync($"/arsrapport/{token}"));
        Assert.Equal("Årsrapport 2026", form.QuerySelector("h1")!.TextContent);
        var pdf = VettingCases.Pdf(6000);
        using var sent = await portal.Http.PostAsync(new Uri($"/arsrapport/{token}", UriKind.Relative), Report("Vi höll öppet 120 kvällar.", "120000", (pdf, "verksamhetsberättelse 2026.pdf")));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var report = Assert.Single((await OfficialsCases.LoadAsync(_app, id)).State.File.YearlyReports);
        var submission = report.Submission!;
        Assert.False(report.IsOpen);
        Assert.Equal("Vi höll öppet 120 kvällar.", submission.Activity);
        Assert.Equal([new CoFinancing(Party.Municipality, 2026, 120_000m, null), new CoFinancing(Party.Organisation, 2026, 0m, "ideell tid, 600 timmar")], submission.Contributions);
        var attached = Assert.Single(submission.Files);
        Assert.Contains(await OutboxTypesAsync(id), t => t == "notify-coordinator");

        var casePage = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{id}"));
        var shown = casePage.GetElementById("report-2026")!;
        Assert.Contains("Vi höll öppet 120 kvällar.", shown.TextContent, StringComparison.Ordinal);
        var href = shown.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/arenden/{id}/dokument/yearly-report-2026/{attached.FileId}", href);
        Assert.Equal(pdf, await client.Http.GetByteArrayAsync(new Uri(href, UriKind.Relative)));
        Assert.Contains("Tack! Årsrapporten för 2026 är inlämnad.", await portal.GetStringAsync($"/arsrapport/{token}?sparat=1"), StringComparison.Ordinal);

        // The printed case file carries the report in full.
        var printed = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{id}/akt")).GetElementById("akt-follow-up")!.TextContent;
        Assert.Contains("Årsrapport 2026", printed, StringComparison.Ordinal);
        Assert.Contains("Vi höll öppet 120 kvällar.", printed, StringComparison.Ordinal);
        Assert.Contains("verksamhetsberättelse 2026.pdf", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_report_keeps_what_was_typed_stores_no_file_and_a_new_request_replaces_the_link()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "Glömskeföreningen");
        InTheAutumn();
        var (client, version) = await PageAsync(id);
        await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=RequestReport", [new("version", version), new("year", "2026"), new("dueOn", Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        var first = Assert.Single((await OfficialsCases.LoadAsync(_app, id)).State.File.YearlyReports);
        var tokens = _app.Services.GetRequiredService<PortalTokens>();
        var token = tokens.CreateReportLink(id, 2026, first.Issue, first.LinkExpiresAt);
        var before = await SettledVersionAsync(id);
        var portal = _app.Pages(followRedirects: false);

        using var refused = await portal.Http.PostAsync(new Uri($"/arsrapport/{token}", UriKind.Relative), Report(" ", "12 kronor", (VettingCases.Pdf(), "rapport.pdf")));
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ange belopp i hela kronor", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12 kronor", page.GetElementById("report-municipality-amount")!.GetAttribute("value"));
        Assert.Equal("ideell tid, 600 timmar", page.GetElementById("report-own-in-kind")!.GetAttribute("value"));
        Assert.Equal(before, (await OfficialsCases.LoadAsync(_app, id)).Version);
        Assert.Equal(0, await BlobCountAsync(id));

        using var noActivity = await portal.Http.PostAsync(new Uri($"/arsrapport/{token}", UriKind.Relative), Report("", "100", (VettingCases.Pdf(), "rapport.pdf")));
        Assert.Equal(HttpStatusCode.BadRequest, noActivity.StatusCode);
        Assert.Contains("Skriv några rader om vad ni har gjort under året.", await noActivity.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await BlobCountAsync(id));

        var (_, now) = await PageAsync(id);
        await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=RequestReport", [new("version", now), new("year", "2026"), new("dueOn", Today.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        using var replaced = await portal.Http.GetAsync(new Uri($"/arsrapport/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, replaced.StatusCode);
        Assert.Contains("Länken har ersatts av en nyare.", await replaced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var second = Assert.Single((await OfficialsCases.LoadAsync(_app, id)).State.File.YearlyReports);
        Assert.Equal(2, second.Issue);
        using var fresh = await portal.Http.GetAsync(new Uri($"/arsrapport/{tokens.CreateReportLink(id, 2026, 2, second.LinkExpiresAt)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    /// <summary>The case's version once its workflow has delivered what the signature sent (so that only a command moves it).</summary>
    private async Task<int> SettledVersionAsync(CaseId id)
    {
        await Eventually.UntilHistoryStandsStillAsync(_app.Services.GetRequiredService<ICaseStore>(), id, seconds: 30);
        return (await OfficialsCases.LoadAsync(_app, id)).Version;
    }

    /// <summary>The report form as a phone's browser sends it: the text fields first, then the files.</summary>
    private static MultipartFormDataContent Report(string activity, string municipalityAmount, params (byte[] Content, string Name)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(activity, Encoding.UTF8), "activity" },
            { new StringContent("", Encoding.UTF8), "ownAmount" },
            { new StringContent("ideell tid, 600 timmar", Encoding.UTF8), "ownInKind" },
            { new StringContent(municipalityAmount, Encoding.UTF8), "municipalityAmount" },
            { new StringContent("", Encoding.UTF8), "municipalityInKind" },
            { new StringContent("Karin Ek", Encoding.UTF8), "signer" },
        };
        foreach (var (content, name) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "files", name);
        }

        return form;
    }

    private Task<int> BlobCountAsync(CaseId id) => CaseStorage.BlobCountAsync(azurite.ConnectionString, id);

    private async Task<List<string>> OutboxTypesAsync(CaseId id) => [.. (await CaseStorage.OutboxRowsAsync(azurite.ConnectionString, id)).Select(r => r.GetString("Type"))];
}
