using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Iop.Cases;
using Iop.Checks;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Iop.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Profiles;

/// <summary>
/// The app started under Stockholm's guideline (<c>Iop:PolicyProfile=stockholm-2017</c>): its own checks appear on the
/// case page, in the API and in the timeline, and keep the agreement from the committees until they are fulfilled; the
/// case page names the guideline; nothing asks for a values declaration.
/// </summary>
[Collection("Azurite")]
public sealed class GuidelineChecksPageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new IopAppFactory(azurite.ConnectionString).WithSetting("Iop:PolicyProfile", "stockholm-2017");

    public void Dispose() => _app.Dispose();

    private PolicyProfile Policy => _app.Services.GetRequiredService<PolicyProfile>();

    private async Task<(PageClient Client, string Html)> CasePageAsync(CaseId id)
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return (client, await client.GetStringAsync($"/arenden/{id}"));
    }

    [Fact]
    public async Task The_case_page_names_the_guideline_and_lists_its_checks_without_a_declaration()
    {
        var id = await OfficialsCases.AtAgreementDraftingAsync(_app, "Stockholmsföreningen");

        var (_, html) = await CasePageAsync(id);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal("stockholm-2017", Policy.Id);
        Assert.Contains("Stockholms stad", page.GetElementById("guideline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2017-10-17", page.GetElementById("guideline")!.TextContent, StringComparison.Ordinal);
        var checks = page.QuerySelectorAll("#checks article.check").Select(a => a.Id).ToList();
        Assert.Equal(Policy.Checks.Select(c => $"check-{c.Id}"), checks);
        Assert.Contains("Upphandlingsreglerna", page.GetElementById("checks-outstanding")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#next-actions a"), a => a.GetAttribute("href") == "#checks");
        Assert.DoesNotContain("Värdegrunden undertecknad", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Undertecknad värdegrund", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_draft_cannot_go_to_the_committees_until_every_check_is_fulfilled_and_the_refusal_names_them()
    {
        var id = await OfficialsCases.AtAgreementDraftingAsync(_app, "Kontrollföreningen");
        var service = _app.Services.GetRequiredService<CaseService>();
        foreach (var section in (await OfficialsCases.LoadAsync(_app, id)).State.File.Agreement!.Sections.Where(s => s.AwaitsText))
        {
            await OfficialsCases.Accept(service, id, new Iop.Agreements.EditAgreementSection(section.Id, "Parterna har skrivit avsnittet tillsammans.", VettingCases.Coordinator));
        }

        var (client, html) = await CasePageAsync(id);
        var version = PageClient.HiddenValue(html, "version");
        using var refused = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=SubmitAgreement", [new("version", version)]);
        var refusal = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Kvar: Upphandlingsreglerna, Kommunallagen, EU:s statsstödsregler, Stadens värderingar.", refusal, StringComparison.Ordinal);
        Assert.IsType<InAgreementDrafting>((await OfficialsCases.LoadAsync(_app, id)).State);

        // A finding without its motivation is refused in Swedish and changes nothing.
        using var bare = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=Check", [new("version", version), new("check", "state-aid"), new("outcome", "Fulfilled"), new("motivation", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Skriv en motivering", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await OfficialsCases.LoadAsync(_app, id)).State.File.Checks);

        foreach (var check in Policy.Checks)
        {
            var current = (await OfficialsCases.LoadAsync(_app, id)).Version;
            using var saved = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=Check",
                [new("version", current.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("check", check.Id), new("outcome", "Fulfilled"), new("motivation", $"Bedömt av stadens jurist: {check.Title.Sv} hindrar inte.")]);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("Bedömningen är sparad.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (_, after) = await CasePageAsync(id);
        Assert.Null(new HtmlParser().ParseDocument(after).GetElementById("checks-outstanding"));
        Assert.Contains("Kontroll enligt riktlinjen – Kommunallagen: uppfyllt. Motivering: Bedömt av stadens jurist: Kommunallagen hindrar inte.", after, StringComparison.Ordinal);
        var latest = (await OfficialsCases.LoadAsync(_app, id)).Version;
        using var sent = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=SubmitAgreement", [new("version", latest.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var file = (await OfficialsCases.LoadAsync(_app, id)).State.File;
        Assert.Equal(Policy.Checks.Select(c => c.Id).Order(), file.Checks.Select(f => f.CheckId).Order());
        Assert.Contains(file.Requests, r => r.Kind == RequestKind.CommitteeDecision);
    }

    [Fact]
    public async Task The_api_records_a_finding_and_refuses_an_unknown_check_or_outcome_with_problem_details()
    {
        var id = await OfficialsCases.AtAgreementDraftingAsync(_app, "API-föreningen");
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        var api = client.Http;

        using var unknown = await api.PostAsJsonAsync($"/api/cases/{id}/checks/nope", new { outcome = "Fulfilled", motivation = "x" });
        using var noOutcome = await api.PostAsJsonAsync($"/api/cases/{id}/checks/state-aid", new { motivation = "x" });
        using var recorded = await api.PostAsJsonAsync($"/api/cases/{id}/checks/state-aid", new { outcome = "NotFulfilled", motivation = "Stödet kan påverka handeln mellan medlemsstater." });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains(CheckRules.Unknown, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Equal("application/problem+json", noOutcome.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var finding = Assert.Single((await OfficialsCases.LoadAsync(_app, id)).State.File.Checks);
        Assert.Equal(("state-aid", CheckOutcome.NotFulfilled), (finding.CheckId, finding.Outcome));
    }
}
