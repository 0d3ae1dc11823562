using System.Net;
using AngleSharp.Html.Parser;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Partnerships;

namespace Iop.Functions.Tests.Officials;

/// <summary>The running partnership's term on the case page: extend it (with the committees' decision), let it end, or renegotiate.</summary>
[Collection("Azurite")]
public sealed class TermPageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private async Task<(PageClient Client, string Version)> PageAsync(CaseId id)
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return (client, PageClient.HiddenValue(await client.GetStringAsync($"/arenden/{id}"), "version"));
    }

    [Fact]
    public async Task An_extension_without_the_committees_decision_is_refused_in_swedish_and_with_it_the_term_moves()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "Förlängningsföreningen");
        var (client, version) = await PageAsync(id);

        using var refused = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=ExtendTerm", [new("version", version), new("newEnd", "2031-06-30"), new("decision", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Riktlinjen kräver nämndernas beslut för att förlänga", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2029, 6, 30), Assert.IsType<ActivePartnership>((await OfficialsCases.LoadAsync(_app, id)).State).Term.End);

        using var extended = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=ExtendTerm", [new("version", version), new("newEnd", "2031-06-30"), new("decision", "KS 2029-05-12 § 44")]);
        var html = await extended.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Contains("Avtalstiden är förlängd.", html, StringComparison.Ordinal);
        Assert.Equal("2031-06-30", page.GetElementById("term-end")!.TextContent);
        Assert.Contains("Avtalstiden förlängdes till och med 2031-06-30 (beslut: KS 2029-05-12 § 44).", page.GetElementById("timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letting_it_end_is_recorded_and_renegotiating_takes_the_agreement_back_to_drafting()
    {
        var ending = await OfficialsCases.ActiveAsync(_app, "Slutföreningen");
        var renegotiated = await OfficialsCases.ActiveAsync(_app, "Omförhandlingsföreningen");

        var (client, version) = await PageAsync(ending);
        using var let = await client.PostFormAsync($"/arenden/{ending}", $"/arenden/{ending}?handler=LetTermEnd", [new("version", version), new("note", "Målen är nådda.")]);
        Assert.Contains("Beslutat: partnerskapet avslutas när avtalstiden löper ut.", await let.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TermChoice.LetEnd, Assert.IsType<ActivePartnership>((await OfficialsCases.LoadAsync(_app, ending)).State).Choice);

        var (other, otherVersion) = await PageAsync(renegotiated);
        using var back = await other.PostFormAsync($"/arenden/{renegotiated}", $"/arenden/{renegotiated}?handler=Renegotiate", [new("version", otherVersion), new("reason", "Verksamheten ska växa till fler stadsdelar.")]);
        var page = new HtmlParser().ParseDocument(await back.Content.ReadAsStringAsync());
        Assert.Equal("Avtalsskrivning", page.GetElementById("stage")!.TextContent);
        Assert.Empty(Assert.IsType<InAgreementDrafting>((await OfficialsCases.LoadAsync(_app, renegotiated)).State).File.Signatures);
    }
}
