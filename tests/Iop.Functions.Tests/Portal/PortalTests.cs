using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Iop.Cases;
using Iop.Functions.Portal;
using Iop.Functions.Tests.Infrastructure;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Portal;

[Collection("Azurite")]
public sealed class PortalTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = (IopAppFactory)new IopAppFactory(azurite.ConnectionString).WithMaxFileBytes(256 * 1024);

    public void Dispose() => _app.Dispose();

    private Task<StoredCase?> LoadAsync(CaseId id) => _app.Services.GetRequiredService<ICaseStore>().LoadAsync(id, CancellationToken.None);

    private async Task<InPartnerVetting> VettingAsync(CaseId id) => Assert.IsType<InPartnerVetting>((await LoadAsync(id))!.State);

    private static async Task<HttpResponseMessage> UploadAsync(PageClient client, string token, string document, byte[] content, string fileName, string? origin = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/portal/{token}/upload?document={document}") { Content = form };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.Http.SendAsync(request);
    }

    private async Task<int> BlobCountAsync(CaseId id)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("documents");
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/", CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task The_portal_lists_every_requested_document_and_the_declaration_and_a_visit_changes_nothing()
    {
        var (id, token, _) = await VettingCasesStart();
        var before = (await LoadAsync(id))!.Version;

        var html = await _app.Pages().GetStringAsync($"/portal/{token}");
        using var head = await _app.Pages().Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/portal/{token}"));

        Assert.Contains("Stadgar, bolagsordning eller motsvarande", html, StringComparison.Ordinal);
        Assert.Contains("Uppgift om medlemsantal", html, StringComparison.Ordinal);
        Assert.Contains("Undertecknad som representant för Föreningen Navet intygar", html, StringComparison.Ordinal);
        Assert.Equal(before, (await LoadAsync(id))!.Version);
    }

    [Fact]
    public async Task An_upload_round_trips_byte_for_byte_with_its_recorded_SHA_256()
    {
        var (id, token, _) = await VettingCasesStart();
        var content = VettingCases.Pdf(200_000);
        var client = _app.Pages(followRedirects: false);

        using var response = await UploadAsync(client, token, "statutes", content, "stadgar 2025.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = Assert.Single((await VettingAsync(id)).Vetting.Find("statutes")!.Files);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), file.Sha256);
        Assert.Equal(("stadgar 2025.pdf", "application/pdf", 200_000L), (file.FileName, file.ContentType, file.Size));
        var staff = _app.Pages();
        await staff.SignInAsCoordinatorAsync();
        var downloaded = await staff.Http.GetByteArrayAsync(new Uri($"/arenden/{id}/dokument/statutes/{file.FileId}", UriKind.Relative));
        Assert.Equal(content, downloaded);
        var casePage = await staff.GetStringAsync($"/arenden/{id}");
        Assert.Contains("Fil inskickad för Stadgar, bolagsordning eller motsvarande: stadgar 2025.pdf", casePage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MZ", "program.pdf", HttpStatusCode.BadRequest, "Filtypen tas inte emot")]
    [InlineData("", "tom.pdf", HttpStatusCode.BadRequest, "Filen är tom")]
    [InlineData("big", "stor.pdf", HttpStatusCode.RequestEntityTooLarge, "Filen är för stor")]
    public async Task A_refused_file_is_explained_and_nothing_is_stored(string kind, string name, HttpStatusCode status, string message)
    {
        var (id, token, _) = await VettingCasesStart();
        var content = kind switch
        {
            "MZ" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0],
            "big" => VettingCases.Pdf(256 * 1024 + 1),
            _ => Array.Empty<byte>(),
        };
        var version = (await LoadAsync(id))!.Version;

        using var response = await UploadAsync(_app.Pages(), token, "statutes", content, name);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await LoadAsync(id))!.Version);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    [Fact]
    public async Task A_path_in_the_file_name_is_dropped_and_never_names_the_blob()
    {
        var (id, token, _) = await VettingCasesStart();

        using var response = await UploadAsync(_app.Pages(followRedirects: false), token, "statutes", VettingCases.Pdf(), "../../etc/C:\\evil\\stadgar.pdf");

        var file = Assert.Single((await VettingAsync(id)).Vetting.Find("statutes")!.Files);
        Assert.Equal("stadgar.pdf", file.FileName);
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("documents").GetBlobClient($"{id}/statutes/{file.FileId}");
        Assert.True((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task An_upload_for_a_document_not_requested_is_refused()
    {
        var (id, token, _) = await VettingCasesStart();

        using var response = await UploadAsync(_app.Pages(), token, "tax-returns", VettingCases.Pdf(), "x.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    [Fact]
    public async Task An_upload_posted_from_another_site_is_refused()
    {
        var (id, token, _) = await VettingCasesStart();

        using var response = await UploadAsync(_app.Pages(), token, "statutes", VettingCases.Pdf(), "x.pdf", origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    [Fact]
    public async Task A_file_whose_record_is_refused_leaves_no_blob_behind()
    {
        var (id, token, _) = await VettingCasesStart();
        using var first = await UploadAsync(_app.Pages(followRedirects: false), token, "statutes", VettingCases.Pdf(), "stadgar.pdf");
        await _app.Services.GetRequiredService<CaseService>().HandleAsync(id, new ReviewDocument("statutes", true, null, null, VettingCases.Coordinator), null, CancellationToken.None);
        var version = (await LoadAsync(id))!.Version;

        using var late = await UploadAsync(_app.Pages(), token, "statutes", VettingCases.Pdf(4096), "stadgar-igen.pdf");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Dokumentet är redan godkänt.", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await LoadAsync(id))!.Version);
        Assert.Equal(1, await BlobCountAsync(id));
    }

    [Fact]
    public async Task A_forged_link_shows_nothing()
    {
        var (id, _, tokenId) = await VettingCasesStart();
        var otherKey = new PortalTokens(Microsoft.Extensions.Options.Options.Create(new PortalOptions { SigningKey = Convert.ToBase64String(new byte[32]) }));
        var forged = otherKey.Create(id, tokenId, _app.Time.GetUtcNow().AddDays(1));

        using var response = await _app.Pages().Http.GetAsync(new Uri($"/portal/{forged}", UriKind.Relative));
        using var garbage = await _app.Pages().Http.GetAsync(new Uri("/portal/not-a-token", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Föreningen Navet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task A_link_replaced_by_a_new_one_no_longer_works()
    {
        var (id, token, _) = await VettingCasesStart();
        var service = _app.Services.GetRequiredService<CaseService>();
        await service.HandleAsync(id, new IssuePortalLink(PortalTokens.NewTokenId(), _app.Time.GetUtcNow().AddDays(90), VettingCases.Coordinator), null, CancellationToken.None);

        using var get = await _app.Pages().Http.GetAsync(new Uri($"/portal/{token}", UriKind.Relative));
        using var upload = await UploadAsync(_app.Pages(), token, "statutes", VettingCases.Pdf(), "x.pdf");

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Contains("Länken har ersatts av en nyare", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, upload.StatusCode);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    [Fact]
    public async Task An_expired_link_says_so()
    {
        var (_, token, _) = await VettingCasesStart();
        _app.Time.Advance(TimeSpan.FromDays(91));

        using var response = await _app.Pages().Http.GetAsync(new Uri($"/portal/{token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Länken har slutat gälla", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_can_be_marked_as_not_existing_but_the_statutes_cannot()
    {
        var (id, token, _) = await VettingCasesStart();
        var client = _app.Pages();

        using var ok = await client.PostFormAsync($"/portal/{token}", $"/portal/{token}/notexisting", [new("document", "audit-report"), new("explanation", "Nystartad förening utan revision.")]);
        using var refused = await client.PostFormAsync($"/portal/{token}", $"/portal/{token}/notexisting", [new("document", "statutes"), new("explanation", "Har inga.")]);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Nystartad förening utan revision.", (await VettingAsync(id)).Vetting.Find("audit-report")!.NotExisting);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Det här dokumentet måste finnas", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_declaration_is_signed_once_with_its_exact_text()
    {
        var (id, token, _) = await VettingCasesStart();
        var client = _app.Pages();
        var version = _app.Services.GetRequiredService<Policies.PolicyProfile>().Declaration.Version;
        KeyValuePair<string, string>[] fields = [new("name", "Karin Ek"), new("role", "Ordförande"), new("organisation", "Föreningen Navet"), new("confirmed", "true"), new("version", version)];

        using var first = await client.PostFormAsync($"/portal/{token}", $"/portal/{token}/sign", fields);
        var signedVersion = (await LoadAsync(id))!.Version;
        using var second = await client.PostFormAsync($"/portal/{token}", $"/portal/{token}/sign", fields);

        var declaration = (await VettingAsync(id)).Vetting.Declaration!;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("Undertecknad som representant för Föreningen Navet intygar", declaration.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("redan undertecknad", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(signedVersion, (await LoadAsync(id))!.Version);
    }

    [Fact]
    public async Task Signing_without_the_confirmation_keeps_what_was_typed()
    {
        var (_, token, _) = await VettingCasesStart();

        using var response = await _app.Pages().PostFormAsync($"/portal/{token}", $"/portal/{token}/sign", [new("name", "Karin Ek"), new("role", "Kassör"), new("organisation", "Navet"), new("version", "mora-2023-01-24")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kryssa i rutan", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kassör\"", html, StringComparison.Ordinal);
    }

    private Task<(CaseId Id, string Token, string TokenId)> VettingCasesStart() => VettingCases.StartAsync(_app);
}
