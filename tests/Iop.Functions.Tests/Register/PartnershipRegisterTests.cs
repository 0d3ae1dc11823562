using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Register;

/// <summary>
/// The public register of partnerships (/partnerskap, /api/partnerships and its CSV): reachable without sign-in, showing
/// exactly the promised fields of signed partnerships, and the organisation's contact only where it agreed at signing.
/// </summary>
[Collection("Azurite")]
public sealed class PartnershipRegisterTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly string[] Fields =
        ["organisation", "challenge", "committees", "termStart", "termEnd", "active", "endedOn", "coFinancing", "municipalityContact", "organisationContact"];

    // Nothing else of the case may leak: the organisation number, the contact's phone, the idea, the registration number.
    private static readonly string[] Private = ["802012-3454", "0250-123 45", "Träffpunkter", "KS 2026/"];

    private readonly IopAppFactory _app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage($"reg{Guid.NewGuid():N}"[..12]);

    public void Dispose() => _app.Dispose();

    private Task<CaseId> SignedAsync(string organisation, bool publishContact) => OfficialsCases.ActiveAsync(_app, organisation, publishContact);

    private async Task<(string Page, JsonElement Json, string Csv)> ReadAsync()
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false });
        using var page = await anonymous.GetAsync(new Uri("/partnerskap", UriKind.Relative));
        using var json = await anonymous.GetAsync(new Uri("/api/partnerships", UriKind.Relative));
        using var csv = await anonymous.GetAsync(new Uri("/api/partnerships/csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return (await page.Content.ReadAsStringAsync(), JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.Clone(), Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task A_signed_partnership_is_listed_with_exactly_the_promised_fields_and_the_consented_contact()
    {
        await SignedAsync("Registerföreningen", publishContact: true);
        await OfficialsCases.AtAgreementDraftingAsync(_app, "Utkastföreningen");
        var social = _app.Services.GetRequiredService<OrganisationDirectory>().Find("socialnamnden")!;

        var (html, json, csv) = await ReadAsync();

        var entry = Assert.Single(json.EnumerateArray());
        Assert.Equal(Fields.Order(), entry.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Registerföreningen", entry.GetProperty("organisation").GetString());
        Assert.Equal("Ofrivillig ensamhet bland äldre.", entry.GetProperty("challenge").GetString());
        Assert.Equal(["Socialnämnden"], entry.GetProperty("committees").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("2026-07-01", "2029-06-30", true), (entry.GetProperty("termStart").GetString(), entry.GetProperty("termEnd").GetString(), entry.GetProperty("active").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("endedOn").ValueKind);
        Assert.Equal(["name", "email", "organisation"], entry.GetProperty("municipalityContact").EnumerateObject().Select(p => p.Name));
        Assert.Equal(social.Contact.Email, entry.GetProperty("municipalityContact").GetProperty("email").GetString());
        Assert.Equal("karin.ek@navet.example", entry.GetProperty("organisationContact").GetProperty("email").GetString());
        var financing = entry.GetProperty("coFinancing").EnumerateArray().Select(f => (f.GetProperty("year").GetInt32(), f.GetProperty("party").GetString(), f.GetProperty("amountSek").GetDecimal(), f.GetProperty("otherContribution").GetString())).ToList();
        Assert.Equal([(2026, "Municipality", 553_200m, null), (2026, "Organisation", 0m, "Ideell tid")], financing);

        var page = new HtmlParser().ParseDocument(html);
        var article = Assert.Single(page.QuerySelectorAll("article.partnership"));
        Assert.Equal("Registerföreningen", article.QuerySelector("h2")!.TextContent);
        Assert.Contains("553 200 kr", article.TextContent.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("karin.ek@navet.example", article.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkastföreningen", html, StringComparison.Ordinal);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Organisation;Samhällsutmaning;", lines[0], StringComparison.Ordinal);
        Assert.Equal("Registerföreningen;Ofrivillig ensamhet bland äldre.;Socialnämnden;2026-07-01;2029-06-30;Pågår;;2026;Kommunen;553200;;" + $"{social.Contact.Name};{social.Contact.Email};Karin Ek;karin.ek@navet.example", lines[1]);
        foreach (var secret in Private)
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, json.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, csv, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_consent_the_organisations_contact_is_nowhere_and_an_ended_partnership_says_so()
    {
        var id = await SignedAsync("Samtyckeslösa föreningen", publishContact: false);
        await OfficialsCases.Accept(_app.Services.GetRequiredService<CaseService>(), id, new EndPartnership("Verksamheten upphörde.", VettingCases.Coordinator));

        var (html, json, csv) = await ReadAsync();

        var entry = Assert.Single(json.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("organisationContact").ValueKind);
        Assert.False(entry.GetProperty("active").GetBoolean());
        Assert.Equal("2026-03-02", entry.GetProperty("endedOn").GetString());
        Assert.Contains("Avslutat 2026-03-02", html, StringComparison.Ordinal);
        foreach (var text in new[] { html, json.GetRawText(), csv })
        {
            Assert.DoesNotContain("karin.ek@navet.example", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Verksamheten upphörde", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_ended_partnership_is_listed_as_ended_on_its_last_day_not_the_day_that_was_recorded()
    {
        var id = await SignedAsync("Hävda föreningen", publishContact: false);
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 9, 15, 10, 0, 0, TimeSpan.Zero));
        await OfficialsCases.Accept(_app.Services.GetRequiredService<CaseService>(), id, new Iop.Partnerships.RescindAgreement(
            Iop.Agreements.Party.Municipality, new DateOnly(2026, 9, 1), "Väsentligt avtalsbrott.", VettingCases.Coordinator));

        var (html, json, csv) = await ReadAsync();

        var entry = Assert.Single(json.EnumerateArray());
        Assert.False(entry.GetProperty("active").GetBoolean());
        Assert.Equal("2026-09-01", entry.GetProperty("endedOn").GetString());
        Assert.Contains("Avslutat 2026-09-01", html, StringComparison.Ordinal);
        Assert.Contains(";Avslutat;2026-09-01;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-09-15", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_without_partnerships_says_so()
    {
        var (html, json, _) = await ReadAsync();

        Assert.Empty(json.EnumerateArray());
        Assert.NotNull(new HtmlParser().ParseDocument(html).GetElementById("no-partnerships"));
    }
}
