using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Officials;

/// <summary>The case page asks for the procurement unit's opinion until it is given, and not after.</summary>
[Collection("Azurite")]
public sealed class ProcurementPromptTests(AzuriteFixture azurite) : IDisposable
{
    private const string Prompt = "behövs innan nämnderna beslutar";
    private const string Ask = "Begär yttrande från upphandlingsenheten";

    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private async Task<string> CasePageAsync(CaseId id)
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return await client.GetStringAsync($"/arenden/{id}");
    }

    [Fact]
    public async Task Before_the_opinion_the_page_asks_for_it_and_after_a_no_market_answer_it_says_it_is_settled()
    {
        var scoped = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var drafting = await OfficialsCases.AtAgreementDraftingAsync(_app, "Yttrandeföreningen");

        var before = await CasePageAsync(scoped);
        var after = await CasePageAsync(drafting);

        Assert.Contains(Prompt, before, StringComparison.Ordinal);
        Assert.Contains(Ask, before, StringComparison.Ordinal);
        Assert.DoesNotContain(Prompt, after, StringComparison.Ordinal);
        Assert.DoesNotContain(Ask, after, StringComparison.Ordinal);
        Assert.Contains("id=\"procurement-settled\"", after, StringComparison.Ordinal);
        Assert.Contains("Ingen marknad.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_market_answer_the_page_says_why_the_agreement_cannot_go_on_and_offers_a_new_opinion()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var service = _app.Services.GetRequiredService<CaseService>();
        var directory = _app.Services.GetRequiredService<OrganisationDirectory>();
        await OfficialsCases.Accept(service, id, new RequestProcurementOpinion(directory.Procurement, VettingCases.Coordinator));
        var request = (await OfficialsCases.LoadAsync(_app, id)).State.File.Requests.Last(r => r.Kind == RequestKind.ProcurementOpinion);
        await OfficialsCases.Accept(service, id, new AnswerRequest(request.Id, 1, new ProcurementOpinion(MarketSituation.Market, "Tre företag erbjuder samma tjänst.", null), directory.Procurement, Common.Actor.System));

        var page = await CasePageAsync(id);

        Assert.Contains("upphandlingsenheten ser en marknads- eller konkurrenssituation", page, StringComparison.Ordinal);
        Assert.Contains("Begär ett nytt yttrande", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"procurement-settled\"", page, StringComparison.Ordinal);
    }
}
