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
        var version = _app.Services.GetRequiredService<Policies.PolicyProfile>().Declaration!.Version;
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

    private static MultipartFormDataContent Files(params (byte[] Content, string Name)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (content, name) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
        }

        return form;
    }

    [Fact]
    public async Task Several_files_in_one_upload_are_one_record_and_one_notice_to_the_coordinator()
    {
        var (id, token, _) = await VettingCasesStart();
        var noticesBefore = (await OutboxRowsAsync(id)).Count(r => r.GetString("Type") == "notify-coordinator");
        using var form = Files((VettingCases.Pdf(3000), "sida1.pdf"), (VettingCases.Pdf(4000), "sida2.pdf"), (VettingCases.Pdf(5000), "sida3.pdf"));

        using var response = await _app.Pages(followRedirects: false).Http.PostAsync(new Uri($"/portal/{token}/upload?document=statutes", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["sida1.pdf", "sida2.pdf", "sida3.pdf"], (await VettingAsync(id)).Vetting.Find("statutes")!.Files.Select(f => f.FileName));
        var history = await _app.Services.GetRequiredService<ICaseStore>().LoadHistoryAsync(id, CancellationToken.None);
        Assert.Equal(3, Assert.IsType<DocumentFilesUploaded>(history[^1].Event).Files.Count);
        Assert.Equal(noticesBefore + 1, (await OutboxRowsAsync(id)).Count(r => r.GetString("Type") == "notify-coordinator"));
        Assert.Equal(3, await BlobCountAsync(id));
    }

    [Fact]
    public async Task An_upload_beyond_the_files_a_document_may_hold_is_refused_whole_in_Swedish()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithSetting("Portal:MaxFilesPerDocument", "2").WithSetting("Portal:MaxFilesPerCase", "3");
        var (id, token, _) = await VettingCases.StartAsync(app);
        var store = app.Services.GetRequiredService<ICaseStore>();
        var version = (await store.LoadAsync(id, CancellationToken.None))!.Version;
        using var three = Files((VettingCases.Pdf(), "a.pdf"), (VettingCases.Pdf(), "b.pdf"), (VettingCases.Pdf(), "c.pdf"));

        using var refused = await app.Pages().Http.PostAsync(new Uri($"/portal/{token}/upload?document=statutes", UriKind.Relative), three);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ett dokument kan ha högst 2 filer", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await store.LoadAsync(id, CancellationToken.None))!.Version);
        Assert.Equal(0, await BlobCountAsync(id));

        using var two = Files((VettingCases.Pdf(), "a.pdf"), (VettingCases.Pdf(), "b.pdf"));
        using var accepted = await app.Pages(followRedirects: false).Http.PostAsync(new Uri($"/portal/{token}/upload?document=statutes", UriKind.Relative), two);
        using var another = Files((VettingCases.Pdf(), "c.pdf"), (VettingCases.Pdf(), "d.pdf"));
        using var caseFull = await app.Pages().Http.PostAsync(new Uri($"/portal/{token}/upload?document=annual-report", UriKind.Relative), another);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, caseFull.StatusCode);
        Assert.Contains("Ärendet kan ha högst 3 filer", await caseFull.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await BlobCountAsync(id));
    }

    [Fact]
    public async Task A_refused_second_file_takes_the_first_one_with_it()
    {
        var (id, token, _) = await VettingCasesStart();
        var version = (await LoadAsync(id))!.Version;
        using var form = Files((VettingCases.Pdf(), "ok.pdf"), ([(byte)'M', (byte)'Z', 0x90, 0], "program.pdf"));

        using var response = await _app.Pages().Http.PostAsync(new Uri($"/portal/{token}/upload?document=statutes", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Filtypen tas inte emot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await LoadAsync(id))!.Version);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    public static TheoryData<string, string> BrokenBodies()
    {
        var pdf = System.Text.Encoding.Latin1.GetString(VettingCases.Pdf(70_000));
        var manyHeaders = string.Concat(Enumerable.Range(0, 20).Select(i => $"X-Extra-{i}: {i}\r\n"));
        return new()
        {
            { "another-boundary", $"--another-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n{pdf}\r\n--another-boundary--\r\n" },
            { "no-closing-boundary", $"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n{pdf}" },
            { "headers-over-16-kb", $"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nX-Padding: {new string('x', 17 * 1024)}\r\n\r\n{pdf}\r\n--b0undary--\r\n" },
            { "over-16-header-lines", $"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n{manyHeaders}\r\n{pdf}\r\n--b0undary--\r\n" },
            { "second-part-cut-short", $"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n{pdf}\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.pdf\"\r\n\r\n{pdf[..1000]}" },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task A_broken_upload_body_is_a_clear_400_and_leaves_nothing(string what, string body)
    {
        var (id, token, _) = await VettingCasesStart();
        var version = (await LoadAsync(id))!.Version;
        using var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b0undary");

        using var response = await _app.Pages().Http.PostAsync(new Uri($"/portal/{token}/upload?document=statutes", UriKind.Relative), content);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Contains("Filen kom inte fram hel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(version, (await LoadAsync(id))!.Version);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    [Fact]
    public async Task A_command_that_fails_outright_leaves_no_blob_behind()
    {
        FailingCommits? store = null;
        using var app = new IopAppFactory(azurite.ConnectionString)
            .WithServices(services => services.AddSingleton<ICaseStore>(sp => store = new FailingCommits(ActivatorUtilities.CreateInstance<Iop.Functions.Storage.Cases.TableCaseStore>(sp))));
        var (id, token, _) = await VettingCases.StartAsync(app);
        var version = (await app.Services.GetRequiredService<ICaseStore>().LoadAsync(id, CancellationToken.None))!.Version;
        store!.Failing = true;

        using var response = await UploadAsync(app.Pages(), token, "statutes", VettingCases.Pdf(), "stadgar.pdf");

        store.Failing = false;
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(version, (await app.Services.GetRequiredService<ICaseStore>().LoadAsync(id, CancellationToken.None))!.Version);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    /// <summary>A case store whose commits fail outright (storage gone) while <see cref="Failing"/> is set.</summary>
    private sealed class FailingCommits(ICaseStore inner) : ICaseStore
    {
        public bool Failing { get; set; }

        public Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadAsync(id, cancellationToken);

        public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadForDecisionAsync(id, cancellationToken);

        public Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken) =>
            Failing ? throw new IOException("The storage account is unreachable.") : inner.TryCommitAsync(change, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadHistoryAsync(id, cancellationToken);

        public Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken) => inner.ListAsync(stage, cancellationToken);
    }

    [Theory]
    [InlineData("-99999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("253402300800")]
    public async Task A_signed_link_with_an_expiry_outside_the_calendar_is_unknown(string expiry)
    {
        var (id, _, tokenId) = await VettingCasesStart();
        var payload = System.Text.Encoding.ASCII.GetBytes($"{id}.{tokenId}.{expiry}");
        var signature = HMACSHA256.HashData(Convert.FromBase64String(_app.SigningKey), (byte[])[.. "iop-portal-v1|"u8, .. payload]);
        static string Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = $"{Url(payload)}.{Url(signature)}";

        using var get = await _app.Pages().Http.GetAsync(new Uri($"/portal/{token}", UriKind.Relative));
        using var head = await _app.Pages().Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/portal/{token}"));
        using var post = await UploadAsync(_app.Pages(), token, "statutes", VettingCases.Pdf(), "x.pdf");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { get.StatusCode, head.StatusCode, post.StatusCode });
        Assert.Equal(0, await BlobCountAsync(id));
    }

    [Theory]
    [InlineData("poly.html", "poly.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.pdf")]
    [InlineData("rapport.pdf.exe", "rapport.pdf.pdf")]
    [InlineData("brev", "brev.pdf")]
    public async Task A_download_is_named_by_the_type_it_was_recognised_as(string uploaded, string downloaded)
    {
        var (id, token, _) = await VettingCasesStart();
        using var upload = await UploadAsync(_app.Pages(followRedirects: false), token, "statutes", VettingCases.Pdf(), uploaded);
        var file = Assert.Single((await VettingAsync(id)).Vetting.Find("statutes")!.Files);
        var staff = _app.Pages();
        await staff.SignInAsCoordinatorAsync();

        using var response = await staff.Http.GetAsync(new Uri($"/arenden/{id}/dokument/statutes/{file.FileId}", UriKind.Relative));

        Assert.DoesNotContain('\u202E', file.FileName);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(downloaded, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static (string, byte[]) ContentTypes(string main) =>
        ("[Content_Types].xml", Text($"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"{main}\"/></Types>"));

    private static readonly (string, byte[]) Document = ("word/document.xml", Text("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>"));

    public static TheoryData<string, byte[]> UnsoundPackages() => new()
    {
        { "expands-to-64-MB", Zip(ContentTypes(WordMain), ("word/document.xml", new byte[64 * 1024 * 1024])) },
        { "a-program-inside", Zip(ContentTypes(WordMain), Document, ("word/evil.exe", [(byte)'M', (byte)'Z', 0x90, 0]), ("payload.js", Text("alert(1)"))) },
        { "macros", Zip(ContentTypes(WordMain), Document, ("word/vbaProject.bin", new byte[100])) },
        { "no-content-types", Zip(Document) },
        { "no-main-part", Zip(ContentTypes(WordMain), ("word/styles.xml", Text("<styles/>"))) },
        { "another-main-type", Zip(ContentTypes("application/vnd.ms-word.document.macroEnabled.main+xml"), Document) },
        { "thousands-of-entries", Zip([ContentTypes(WordMain), Document, .. Enumerable.Range(0, 2_100).Select(i => ($"word/media/{i}.xml", Text("<x/>")))]) },
        { "truncated", Zip(ContentTypes(WordMain), Document)[..200] },
    };

    [Theory]
    [MemberData(nameof(UnsoundPackages))]
    public async Task A_zip_that_only_looks_like_a_Word_document_is_refused(string what, byte[] content)
    {
        var (id, token, _) = await VettingCasesStart();

        using var response = await UploadAsync(_app.Pages(), token, "statutes", content, "stadgar.docx");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("går inte att läsa som ett sådant", StringComparison.Ordinal) || html.Contains("Filtypen tas inte emot", StringComparison.Ordinal), what);
        Assert.Equal(0, await BlobCountAsync(id));
    }

    [Fact]
    public async Task A_sound_Word_document_is_taken()
    {
        var (id, token, _) = await VettingCasesStart();
        var content = Zip(ContentTypes(WordMain), Document, ("word/media/image1.png", new byte[2048]));

        using var response = await UploadAsync(_app.Pages(followRedirects: false), token, "statutes", content, "stadgar.docx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Assert.Single((await VettingAsync(id)).Vetting.Find("statutes")!.Files).ContentType);
    }

    private Task<(CaseId Id, string Token, string TokenId)> VettingCasesStart() => VettingCases.StartAsync(_app);

    private Task<int> BlobCountAsync(CaseId id) => CaseStorage.BlobCountAsync(azurite.ConnectionString, id);

    private Task<List<Azure.Data.Tables.TableEntity>> OutboxRowsAsync(CaseId id) => CaseStorage.OutboxRowsAsync(azurite.ConnectionString, id);
}
