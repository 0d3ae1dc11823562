using System.Net;
using AngleSharp.Html.Parser;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Tests.Infrastructure;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

/// <summary>The coordinator reviews every submitted document in one form on the case page.</summary>
[Collection("Azurite")]
public sealed class DocumentReviewTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly Actor Initiator = new("karin.ek@navet.example", "Karin Ek", ActorRole.Initiator);

    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private CaseService Cases => _app.Services.GetRequiredService<CaseService>();

    /// <summary>A case in vetting where the organisation has answered three documents.</summary>
    private async Task<(PageClient Client, CaseId Id, string Url, string[] Documents)> AnsweredAsync()
    {
        var (id, _, tokenId) = await VettingCases.StartAsync(_app);
        string[] documents = ["financial-report", "annual-report", "audit-report"];
        foreach (var document in documents)
        {
            Assert.IsType<Accepted>(await Cases.HandleAsync(id, new MarkDocumentNotExisting(document, "Finns inte hos oss.", tokenId, Initiator), null, CancellationToken.None));
        }

        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return (client, id, $"/arenden/{id}", documents);
    }

    private async Task<StoredCase> LoadAsync(CaseId id) => (await _app.Services.GetRequiredService<ICaseStore>().LoadAsync(id, CancellationToken.None))!;

    [Fact]
    public async Task One_form_accepts_one_document_sends_one_back_with_a_comment_and_leaves_one_for_later()
    {
        var (client, id, url, _) = await AnsweredAsync();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        Assert.Equal(3, page.QuerySelectorAll("input[type=radio][form=batch-review][value=later][checked]").Length);
        Assert.NotNull(page.QuerySelector("form#batch-review button[name=acceptAll]"));

        using var response = await client.PostFormAsync(url, url + "?handler=ReviewAll",
        [
            new("version", (await LoadAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("reviews[0].document", "financial-report"), new("reviews[0].decision", "accept"),
            new("reviews[1].document", "annual-report"), new("reviews[1].decision", "complete"), new("reviews[1].comment", "Bifoga årsredovisningen för 2025."),
            new("reviews[2].document", "audit-report"), new("reviews[2].decision", "later"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 dokument är godkända; organisationen har fått besked om kompletteringen av 1.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var vetting = Assert.IsType<InPartnerVetting>((await LoadAsync(id)).State).Vetting;
        Assert.Equal(RequestStatus.Accepted, vetting.Find("financial-report")!.Status);
        Assert.Equal((RequestStatus.NeedsCompletion, "Bifoga årsredovisningen för 2025."), (vetting.Find("annual-report")!.Status, vetting.Find("annual-report")!.ReviewComment));
        Assert.Equal(RequestStatus.Submitted, vetting.Find("audit-report")!.Status);
    }

    [Fact]
    public async Task A_completion_without_a_comment_refuses_the_whole_form_names_the_document_and_keeps_what_was_written()
    {
        var (client, id, url, _) = await AnsweredAsync();
        var before = (await LoadAsync(id)).Version;

        using var response = await client.PostFormAsync(url, url + "?handler=ReviewAll",
        [
            new("version", before.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("reviews[0].document", "financial-report"), new("reviews[0].decision", "complete"), new("reviews[0].comment", "Stadgarna saknar sista sidan."),
            new("reviews[1].document", "annual-report"), new("reviews[1].decision", "complete"), new("reviews[1].comment", ""),
            new("reviews[2].document", "audit-report"), new("reviews[2].decision", "accept"),
        ]);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Skriv vad som behöver kompletteras i Verksamhetsberättelse", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#batch-comment-annual-report", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("Stadgarna saknar sista sidan.", page.QuerySelector("#batch-comment-financial-report")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='reviews[2].decision'][value=accept][checked]"));
        var after = await LoadAsync(id);
        Assert.Equal(before, after.Version);
        Assert.All(Assert.IsType<InPartnerVetting>(after.State).Vetting.Requests.Where(r => r.DocumentId is "financial-report" or "annual-report" or "audit-report"), r => Assert.Equal(RequestStatus.Submitted, r.Status));
    }

    [Fact]
    public async Task Accept_all_accepts_every_submitted_document_and_a_form_with_nothing_chosen_is_explained()
    {
        var (client, id, url, documents) = await AnsweredAsync();
        var version = (await LoadAsync(id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = documents.SelectMany((d, i) => new KeyValuePair<string, string>[] { new($"reviews[{i}].document", d), new($"reviews[{i}].decision", "later") }).ToList();

        using var nothing = await client.PostFormAsync(url, url + "?handler=ReviewAll", [new("version", version), .. rows]);
        using var all = await client.PostFormAsync(url, url + "?handler=ReviewAll", [new("version", version), new("acceptAll", "true"), .. rows]);

        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("Välj Godkänn eller Behöver kompletteras för minst ett dokument.", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("3 dokument är godkända.", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var vetting = Assert.IsType<InPartnerVetting>((await LoadAsync(id)).State).Vetting;
        Assert.All(documents, d => Assert.Equal(RequestStatus.Accepted, vetting.Find(d)!.Status));
    }
}
