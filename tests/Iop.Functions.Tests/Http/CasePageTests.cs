using System.Net;
using AngleSharp.Html.Parser;
using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

[Collection("Azurite")]
public sealed class CasePageTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly string[] Criteria =
        ["own-initiative", "local-development", "not-a-grant", "independent-actor", "co-financing", "long-term", "no-market", "no-private-competitors", "joint-learning"];

    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private async Task<StoredCase> LoadAsync(Guid id) =>
        (await _app.Services.GetRequiredService<ICaseStore>().LoadAsync(new CaseId(id), CancellationToken.None))!;

    private async Task<(PageClient Client, Guid Id, string Url)> SubmittedCaseAsync(string organisation = "Föreningen Navet")
    {
        var id = Guid.NewGuid();
        var client = _app.Pages();
        using var submitted = await client.PostFormAsync("/initiativ/nytt", "/initiativ/nytt", Initiatives.ValidForm(id, organisation));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await client.SignInAsCoordinatorAsync();
        return (client, id, $"/arenden/{id:N}");
    }

    private static List<KeyValuePair<string, string>> Screening(int version, string? notMet = null, string note = "")
    {
        var fields = new List<KeyValuePair<string, string>> { new("Screening.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        foreach (var criterion in Criteria)
        {
            fields.Add(new($"Screening.Assessment[{criterion}]", criterion == notMet ? "NotMet" : "Met"));
            fields.Add(new($"Screening.Note[{criterion}]", criterion == notMet ? note : ""));
        }

        return fields;
    }

    [Fact]
    public async Task Signing_out_takes_the_forms_token_and_a_post_from_elsewhere_signs_nobody_out()
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();

        using var forged = await client.Http.PostAsync(new Uri("/logga-ut", UriKind.Relative), new FormUrlEncodedContent([]));
        using var stillIn = await client.Http.GetAsync(new Uri("/arenden", UriKind.Relative));
        using var signedOut = await client.PostFormAsync("/arenden", "/logga-ut", []);
        using var afterwards = await client.Http.GetAsync(new Uri("/arenden", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("/arenden", stillIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/logga-in", afterwards.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_pages_require_sign_in()
    {
        using var response = await _app.Pages(followRedirects: false).Http.GetAsync(new Uri("/arenden", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/logga-in", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_development_sign_in_is_clearly_marked()
    {
        var html = await _app.Pages().GetStringAsync("/logga-in");

        Assert.Contains("UTVECKLINGSLÄGE", html, StringComparison.Ordinal);
        Assert.Contains("Endast för lokal utveckling.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_list_shows_a_new_initiative_and_filters_by_stage()
    {
        var (client, id, _) = await SubmittedCaseAsync("Listföreningen");
        var number = (await LoadAsync(id)).State.File.Number.Value;

        var all = await client.GetStringAsync("/arenden");
        var received = await client.GetStringAsync("/arenden?steg=Received");
        var active = await client.GetStringAsync("/arenden?steg=Active");

        Assert.Contains(number, all, StringComparison.Ordinal);
        Assert.Contains(number, received, StringComparison.Ordinal);
        Assert.DoesNotContain(number, active, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_screens_an_initiative_on_to_the_first_meeting()
    {
        var (client, id, url) = await SubmittedCaseAsync();

        using var response = await client.PostFormAsync(url, url + "?handler=Continue", Screening(version: 1));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bedömningen är klar. Ärendet går vidare till första möte.", html, StringComparison.Ordinal);
        Assert.Contains("Första möte", html, StringComparison.Ordinal);
        Assert.Contains("Saga Samordnare", html, StringComparison.Ordinal);
        var stored = await LoadAsync(id);
        Assert.IsType<AtFirstMeeting>(stored.State);
        Assert.Equal(9, stored.State.File.Screening!.Assessments.Count);
    }

    [Fact]
    public async Task A_criterion_not_met_without_a_note_is_explained_and_the_case_is_unchanged()
    {
        var (client, id, url) = await SubmittedCaseAsync();

        using var response = await client.PostFormAsync(url, url + "?handler=Save", Screening(version: 1, notMet: "no-market"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Skriv en kommentar för varje kriterium som inte stämmer eller är oklart.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await LoadAsync(id)).Version);
    }

    [Fact]
    public async Task Continuing_with_a_criterion_not_met_is_refused()
    {
        var (client, id, url) = await SubmittedCaseAsync();

        using var response = await client.PostFormAsync(url, url + "?handler=Continue", Screening(version: 1, notMet: "no-market", note: "Det finns privata aktörer."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Alla kriterier måste stämma", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.IsType<Received>((await LoadAsync(id)).State);
    }

    [Fact]
    public async Task A_stale_page_is_refused_and_keeps_what_the_user_wrote()
    {
        var (client, id, url) = await SubmittedCaseAsync();
        using var first = await client.PostFormAsync(url, url + "?handler=Save", Screening(version: 1));
        Assert.Equal(2, (await LoadAsync(id)).Version);

        using var stale = await client.PostFormAsync(url, url + "?handler=Save", Screening(version: 1, notMet: "no-market", note: "Min kommentar från den gamla sidan"));
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Ärendet har ändrats av någon annan", html, StringComparison.Ordinal);
        Assert.Contains("Min kommentar från den gamla sidan", html, StringComparison.Ordinal);
        Assert.Equal(2, (await LoadAsync(id)).Version);
    }

    [Fact]
    public async Task Script_in_an_initiative_is_shown_as_text()
    {
        var id = Guid.NewGuid();
        var client = _app.Pages();
        var form = Initiatives.ValidForm(id);
        form["Input.Challenge"] = "<script>alert('x')</script>";
        using var submitted = await client.PostFormAsync("/initiativ/nytt", "/initiativ/nytt", form);
        await client.SignInAsCoordinatorAsync();

        var html = await client.GetStringAsync($"/arenden/{id:N}");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discontinuing_after_screening_records_the_reason_and_closes_the_case()
    {
        var (client, id, url) = await SubmittedCaseAsync();
        var fields = Screening(version: 1, notMet: "not-a-grant", note: "Passar föreningsbidraget.");
        fields.Add(new("Screening.Reason", "Verksamheten ryms i kommunens föreningsbidrag."));
        fields.Add(new("Screening.Alternative", "AssociationGrant"));

        using var response = await client.PostFormAsync(url, url + "?handler=Reject", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await LoadAsync(id);
        var discontinued = Assert.IsType<Discontinued>(stored.State);
        Assert.Equal(Stage.Screening, discontinued.Discontinuation.AtStage);
        Assert.Contains("Verksamheten ryms i kommunens föreningsbidrag.", html, StringComparison.Ordinal);
        Assert.Contains("Föreningsbidrag", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discontinued_case_refuses_further_screening_and_stays_unchanged()
    {
        var (client, id, url) = await SubmittedCaseAsync();
        var fields = Screening(version: 1);
        fields.Add(new("Screening.Reason", "Organisationen drog tillbaka initiativet."));
        using var discontinued = await client.PostFormAsync(url, url + "?handler=Reject", fields);
        var version = (await LoadAsync(id)).Version;

        var page = await client.GetStringAsync(url);
        using var response = await client.Http.PostAsync(
            new Uri(url + "?handler=Continue", UriKind.Relative),
            new FormUrlEncodedContent([.. Screening(version), new("__RequestVerificationToken", PageClient.AntiforgeryToken(page))]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Ärendet är avslutat och kan inte ändras.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await LoadAsync(id)).Version);
    }

    [Fact]
    public async Task The_summary_at_the_top_says_whom_the_case_waits_on_by_when_and_links_to_what_moves_it_on()
    {
        var (client, id, url) = await SubmittedCaseAsync();
        var received = (await LoadAsync(id)).State.File.ReceivedAt;

        var before = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        using var screened = await client.PostFormAsync(url, url + "?handler=Continue", Screening(version: 1));
        var after = new HtmlParser().ParseDocument(await screened.Content.ReadAsStringAsync());

        var summary = before.QuerySelector("#summary")!;
        Assert.Same(summary, before.QuerySelectorAll("main h1 ~ *").First(e => e.Id is "summary" or "initiative"));
        Assert.Equal("Inkommet", summary.QuerySelector("#stage")!.TextContent);
        Assert.Equal($"IOP-samordnaren – senast {SwedishTime.FormatDate(received.AddDays(14))}", System.Text.RegularExpressions.Regex.Replace(summary.QuerySelector("#waiting-on li")!.TextContent.Trim(), @"\s+", " "));
        Assert.Equal("#screening", summary.QuerySelector("#next-actions a")!.GetAttribute("href"));
        Assert.NotNull(before.QuerySelector("#screening"));
        Assert.True(before.QuerySelector("details#initiative")!.HasAttribute("open"));

        // Once screened, what is done folds away and the next step is the first meeting.
        Assert.False(after.QuerySelector("details#initiative")!.HasAttribute("open"));
        Assert.False(after.QuerySelector("details#screened")!.HasAttribute("open"));
        Assert.Equal(["#meetings", "#record-meeting"], after.QuerySelectorAll("#next-actions a").Select(a => a.GetAttribute("href")));
        Assert.All(after.QuerySelectorAll("#next-actions a"), a => Assert.NotNull(after.QuerySelector(a.GetAttribute("href")!)));

        // Discontinuing is behind its own summary line, closed until a refused attempt needs its message shown.
        var discontinue = after.QuerySelector("details#discontinue")!;
        Assert.False(discontinue.HasAttribute("open"));
        Assert.Equal("Avsluta ärendet …", discontinue.QuerySelector("summary")!.TextContent.Trim());
        using var refused = await client.PostFormAsync(url, url + "?handler=Discontinue", [new("Discontinuation.Version", "2"), new("Discontinuation.Reason", "")]);
        var again = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.True(again.QuerySelector("details#discontinue")!.HasAttribute("open"));
    }

    [Fact]
    public async Task Discontinuing_without_a_reason_is_refused()
    {
        var (client, id, url) = await SubmittedCaseAsync();

        using var response = await client.PostFormAsync(url, url + "?handler=Reject", Screening(version: 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ange ett skäl.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.IsType<Received>((await LoadAsync(id)).State);
    }

    [Fact]
    public async Task The_timeline_shows_who_did_what_and_when_in_Swedish_time()
    {
        var (client, _, url) = await SubmittedCaseAsync();
        using var saved = await client.PostFormAsync(url, url + "?handler=Save", Screening(version: 1));

        var html = await client.GetStringAsync(url);

        Assert.Contains("Initiativet kom in och registrerades som KS 2026/", html, StringComparison.Ordinal);
        Assert.Contains("Bedömning sparad för 9 kriterier.", html, StringComparison.Ordinal);
        // The fake clock stands at 08:00 UTC on 2 March: 09:00 in Stockholm (CET).
        Assert.Contains("2 mars 2026 kl. 09:00 · Karin Ek", html, StringComparison.Ordinal);
        Assert.Contains("2 mars 2026 kl. 09:00 · Saga Samordnare", html, StringComparison.Ordinal);
    }
}
