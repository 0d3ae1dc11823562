using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.CaseFiles;

/// <summary>The printable case file (akt): staff only, the whole case on one page, checksums as stored.</summary>
[Collection("Azurite")]
public sealed class CaseFilePageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private async Task<PageClient> CoordinatorAsync()
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return client;
    }

    [Fact]
    public async Task The_case_file_and_its_PDF_ask_anyone_not_signed_in_to_sign_in()
    {
        var (id, _, _) = await VettingCases.StartAsync(_app);
        var anonymous = _app.Pages(followRedirects: false);

        foreach (var url in new[] { $"/arenden/{id}/akt", $"/arenden/{id}/akt.pdf" })
        {
            using var response = await anonymous.Http.GetAsync(new Uri(url, UriKind.Relative));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.Equal("/logga-in", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        }
    }

    [Fact]
    public async Task A_case_that_does_not_exist_has_no_case_file()
    {
        var client = await CoordinatorAsync();

        foreach (var url in new[] { $"/arenden/{CaseId.New()}/akt", $"/arenden/{CaseId.New()}/akt.pdf", "/arenden/inte-ett-id/akt" })
        {
            using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_case_file_shows_every_part_of_a_signed_partnership_and_the_case_page_links_to_it()
    {
        var @case = await CaseFileCases.SignedPartnershipAsync(_app);
        var file = (await OfficialsCases.LoadAsync(_app, @case.Id)).State.File;
        var timeline = await CaseFileTexts.TimelineAsync(_app, @case.Id);
        var client = await CoordinatorAsync();

        var html = await client.GetStringAsync($"/arenden/{@case.Id}/akt");
        var details = await client.GetStringAsync($"/arenden/{@case.Id}");

        var page = new HtmlParser().ParseDocument(html);
        string Section(string id) => CaseFileTexts.Text(page.GetElementById($"akt-{id}")!);
        Assert.Equal(CaseFileTexts.Headings, page.QuerySelectorAll(".case-file section > h2").Select(h => h.TextContent));
        Assert.Contains($"Akt {file.Number}", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var summary = CaseFileTexts.Text(page.GetElementById("case-file-summary")!);
        foreach (var expected in new[] { "Mora kommun", file.Number.Value, $"{CaseFileCases.Organisation} (802012-3454)", "Aktivt partnerskap", "Avtalstid 2026-07-01 – 2029-06-30", "Utskriven 2 mars 2026", "av Saga Samordnare" })
        {
            Assert.Contains(expected, summary, StringComparison.Ordinal);
        }

        var initiative = Section("initiative");
        foreach (var expected in new[] { "Ofrivillig ensamhet bland äldre.", "Träffpunkter.", "Karin Ek", "karin.ek@navet.example", "0250-123 45", "802012-3454", "Organisationen gjorde ingen självskattning." })
        {
            Assert.Contains(expected, initiative, StringComparison.Ordinal);
        }

        var screening = Section("screening");
        Assert.Contains("Bedömd 2 mars 2026 kl. 09:00 av Saga Samordnare", screening, StringComparison.Ordinal);
        Assert.Contains($"{TestCases.Policy.Checklist.Count} av {TestCases.Policy.Checklist.Count}", screening, StringComparison.Ordinal);
        Assert.Contains("Ärendet går vidare till första möte.", screening, StringComparison.Ordinal);
        Assert.All(TestCases.Policy.Checklist, c => Assert.Contains($"{c.Number}. {c.Text.Sv}", screening, StringComparison.Ordinal));

        var documents = Section("documents");
        Assert.All(TestCases.Policy.Documents, d => Assert.Contains(d.Name.Sv, documents, StringComparison.Ordinal));
        Assert.All(file.Vetting!.Requests.SelectMany(r => r.Files), f => Assert.Contains(f.FileName, documents, StringComparison.Ordinal));
        Assert.Contains("Undertecknad av Karin Ek, Ordförande, " + CaseFileCases.Organisation, documents, StringComparison.Ordinal);
        Assert.Contains("protokollsutdrag § 19.pdf", documents, StringComparison.Ordinal);

        var meetings = Section("meetings");
        Assert.Contains("Dialogmöte med berörda nämnder och bolag – Genomfört", meetings, StringComparison.Ordinal);
        Assert.Contains("Uppföljningsmöte med tjänstepersonerna – Genomfört", meetings, StringComparison.Ordinal);
        Assert.Contains("Stadshuset, sal Åsen", meetings, StringComparison.Ordinal);
        Assert.Contains(CaseFileCases.MeetingNotes, meetings, StringComparison.Ordinal);

        var requests = Section("requests");
        foreach (var expected in new[]
        {
            "Berörda nämnder och bolag Socialnämnden", "Bekräftelse av bemanning – Socialnämnden", "Ställningstagande efter intern diskussion – Socialnämnden",
            "Ställer sig bakom med villkor. Ja, om verksamheten når äldre på landsbygden.", "Yttrande från upphandlingsenheten",
            "Det finns ingen marknads- eller konkurrenssituation. Ingen marknad finns för träffpunkter av det här slaget.",
            "Beslut om överenskommelsen – Socialnämnden", "Godkänd vid sammanträdet 2026-02-26, § 19.", "Lena Åberg, nämndsekreterare (lena.aberg@mora.example)",
        })
        {
            Assert.Contains(expected, requests, StringComparison.Ordinal);
        }

        var decisions = page.GetElementById("akt-decisions")!.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()).ToList();
        var decision = Assert.Single(decisions);
        Assert.Equal(["Socialnämnden", "1", "Godkänd", "2026-02-26", "§ 19"], decision[..5]);

        var agreement = Section("agreement");
        Assert.Contains("Äldre som lever i ofrivillig ensamhet", agreement, StringComparison.Ordinal);
        Assert.Contains("553 200 kr", agreement, StringComparison.Ordinal);
        Assert.All(TestCases.Policy.AgreementSections, s => Assert.Contains(s.Title.Sv, agreement, StringComparison.Ordinal));
        Assert.DoesNotContain("(ej skrivet)", agreement, StringComparison.Ordinal);
        Assert.Contains("Mora kommun Anna Ordförande Kommunstyrelsens ordförande", agreement, StringComparison.Ordinal);
        Assert.Contains($"{CaseFileCases.Organisation} Karin Ek Ordförande", agreement, StringComparison.Ordinal);

        var entries = page.QuerySelectorAll("#timeline li").Select(li => CaseFileTexts.Normalised(li.TextContent)).ToList();
        Assert.Equal(timeline.Select(t => CaseFileTexts.Normalised($"{t.What} {t.When} · {t.Who}")), entries);

        Assert.Contains($"href=\"/arenden/{@case.Id}/akt\">Utskrivbar akt</a>", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/arenden/{@case.Id}/akt.pdf\">Ladda ner som PDF</a>", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_file_is_shown_with_the_SHA_256_of_the_bytes_uploaded_and_stored()
    {
        var @case = await CaseFileCases.SignedPartnershipAsync(_app);
        var file = (await OfficialsCases.LoadAsync(_app, @case.Id)).State.File;
        var client = await CoordinatorAsync();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{@case.Id}/akt"));

        var shown = page.GetElementById("akt-documents")!.QuerySelectorAll("code").Select(c => c.TextContent).ToList();
        var decision = file.Requests.Single(r => r.Kind == RequestKind.CommitteeDecision);
        var stored = file.Vetting!.Requests.Select(r => (Blob: $"{@case.Id}/{r.DocumentId}/{Assert.Single(r.Files).FileId}", Uploaded: @case.Documents[r.DocumentId]))
            .Append((Blob: $"{@case.Id}/{decision.Id}/{((CommitteeDecision)decision.Answer!.Content).Extract!.FileId}", Uploaded: @case.Extract))
            .ToList();
        var expected = new List<string>();
        foreach (var (blob, uploaded) in stored)
        {
            var checksum = Convert.ToHexStringLower(SHA256.HashData(uploaded));
            var content = (await azurite.Blobs().GetBlobContainerClient("documents").GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(checksum, Convert.ToHexStringLower(SHA256.HashData(content)));
            expected.Add(checksum);
        }

        Assert.Equal(expected, shown);
        Assert.Equal(file.Vetting.Requests.Sum(r => r.Files.Count) + 1, expected.Count);
    }
}
