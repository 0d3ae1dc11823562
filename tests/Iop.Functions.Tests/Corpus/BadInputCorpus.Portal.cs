using System.Security.Cryptography;
using System.Text;
using Iop.Cases;
using Iop.Functions.Portal;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The organisation's portal behind its signed link: the page, uploads, "does not exist" and the declaration.</summary>
public static partial class BadInputCorpus
{
    private const string Portal = "/portal/{token}/{handler?}";

    /// <summary>Links that must not open the portal, crafted with the app's own key where a signature is needed.</summary>
    /// <remarks>A link to a case whose vetting is over is answered with the page saying so (200); the others are refused.</remarks>
    private static IEnumerable<(string Name, Func<CorpusWorld, string> Token, string? Known)> PortalLinks() =>
    [
        ("an unknown token", _ => Base64Url(RandomNumberGenerator.GetBytes(48)) + "." + Base64Url(RandomNumberGenerator.GetBytes(32)), null),
        ("a forged signature", w => Base64Url(Encoding.ASCII.GetBytes($"{w.Vetting}.{w.PortalTokenId}.4102444800")) + "." + Base64Url(RandomNumberGenerator.GetBytes(32)), null),
        ("an answer link", w => w.StaffingLink["/svar/".Length..], null),
        ("a replaced token", w => w.Tokens.Create(w.Vetting, PortalTokens.NewTokenId(), w.App.Time.GetUtcNow().AddDays(90)), null),
        ("a signed expiry of -99999999999999", w => SignedPortalToken(w, $"{w.Vetting}.{w.PortalTokenId}.-99999999999999"), KnownIssues.TokenExpiryOutOfRange),
        ("a signed expiry of 9223372036854775807", w => SignedPortalToken(w, $"{w.Vetting}.{w.PortalTokenId}.9223372036854775807"), KnownIssues.TokenExpiryOutOfRange),
        ("a signed expiry that is no number", w => SignedPortalToken(w, $"{w.Vetting}.{w.PortalTokenId}.1e99"), null),
        ("a signed payload without a case", w => SignedPortalToken(w, $"..%2F.{w.PortalTokenId}.4102444800"), null),
        ("a signed link to a case not in vetting", w => w.Tokens.Create(w.Received, PortalTokens.NewTokenId(), w.App.Time.GetUtcNow().AddDays(90)), null),
        ("a signed link to a case past vetting", w => w.Tokens.Create(w.Scoped, PortalTokens.NewTokenId(), w.App.Time.GetUtcNow().AddDays(90)), null),
        ("invalid base64", _ => "!!!.***", null),
        ("three parts", w => w.PortalToken + ".x", null),
        ("a 10,000-character token", _ => new string('A', 10_000) + ".AAAA", null),
    ];

    private static string SignedPortalToken(CorpusWorld w, string payload, string purpose = "iop-portal-v1|")
    {
        var key = w.App.Services.GetRequiredService<IOptions<PortalOptions>>().Value.SigningKeyBytes;
        return $"{Base64Url(Encoding.ASCII.GetBytes(payload))}.{Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(purpose + payload)))}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IEnumerable<CorpusEntry> PortalEntries()
    {
        foreach (var (name, token, known) in PortalLinks())
        {
            yield return new($"GET {Portal}", name, w => Get(w, Caller.Anonymous, $"/portal/{token(w)}")) { Known = known };
            yield return new($"HEAD {Portal}", name, w => Head(w, Caller.Anonymous, $"/portal/{token(w)}")) { Known = known };
            var refused = !name.StartsWith("a signed link to a case", StringComparison.Ordinal);
            yield return new($"POST {Portal} [Upload]", name, w => UploadAsync(w, token(w), CorpusWorld.Document, VettingCases.Pdf(), "stadgar.pdf")) { Known = known, MustRefuse = refused };
            yield return new($"POST {Portal} [NotExisting]", name, w => Form(w, Caller.Anonymous, $"/portal/{token(w)}/notexisting", [F("document", "annual-report"), F("explanation", "Finns inte.")])) { Known = known, MustRefuse = refused };
            yield return new($"POST {Portal} [Sign]", name, w => Form(w, Caller.Anonymous, $"/portal/{token(w)}/sign", Declaration(w))) { Known = known, MustRefuse = refused };
        }

        foreach (var method in new[] { "GET", "HEAD" })
        {
            var m = new HttpMethod(method);
            yield return Entry($"{method} {Portal}", "a hostile 'saved' message", w => Send(w, Caller.Anonymous, m, $"/portal/{w.PortalToken}?sparat=%3Cscript%3Ealert('corpus')%3C%2Fscript%3E"));
            yield return Entry($"{method} {Portal}", "a handler that does not exist", w => Send(w, Caller.Anonymous, m, $"/portal/{w.PortalToken}/bogus"));
            yield return Entry($"{method} {Portal}", "the upload handler", w => Send(w, Caller.Anonymous, m, $"/portal/{w.PortalToken}/upload?document={CorpusWorld.Document}"));
        }

        foreach (var entry in UploadEntries())
        {
            yield return entry;
        }

        const string NotExisting = $"POST {Portal} [NotExisting]";
        static string NotExistingUrl(CorpusWorld w) => $"/portal/{w.PortalToken}/notexisting";
        yield return new(NotExisting, "no anti-forgery token", w => Form(w, Caller.Anonymous, NotExistingUrl(w), [F("document", "annual-report"), F("explanation", "Finns inte.")], token: false)) { MustRefuse = true };
        yield return new(NotExisting, "a document that must exist", w => Form(w, Caller.Anonymous, NotExistingUrl(w), [F("document", CorpusWorld.Document), F("explanation", Hostile.Text)])) { MustRefuse = true };
        yield return new(NotExisting, "a document not requested", w => Form(w, Caller.Anonymous, NotExistingUrl(w), [F("document", "..%2F..%2Fx"), F("explanation", "Finns inte.")])) { MustRefuse = true };
        yield return new(NotExisting, "a 1 MiB explanation", w => Form(w, Caller.Anonymous, NotExistingUrl(w), [F("document", "annual-report"), F("explanation", Hostile.Huge)])) { MustRefuse = true };
        yield return new(NotExisting, "a 5 MiB explanation", w => Form(w, Caller.Anonymous, NotExistingUrl(w), [F("document", "annual-report"), F("explanation", Hostile.Enormous)])) { MustRefuse = true };
        yield return new(NotExisting, "no fields", w => Form(w, Caller.Anonymous, NotExistingUrl(w), [])) { MustRefuse = true };
        yield return new(NotExisting, "invalid UTF-8 in the explanation of a document that must exist", w =>
            Raw(w, Caller.Anonymous, HttpMethod.Post, NotExistingUrl(w), Hostile.FormWithRawValue([F("document", CorpusWorld.Document)], "explanation", Hostile.InvalidUtf8), "application/x-www-form-urlencoded"))
        { MustRefuse = true };
        yield return new(NotExisting, "a JSON body", w => Raw(w, Caller.Anonymous, HttpMethod.Post, NotExistingUrl(w), "{\"document\":\"annual-report\",\"explanation\":\"x\"}"u8.ToArray(), "application/json")) { MustRefuse = true };
        yield return new(NotExisting, "a multipart body without its closing boundary", w => Raw(w, Caller.Anonymous, HttpMethod.Post, NotExistingUrl(w), Hostile.BrokenMultipart[1].Body([F("document", "annual-report")]), Hostile.BrokenMultipart[1].ContentType)) { MustRefuse = true };

        const string Sign = $"POST {Portal} [Sign]";
        static string SignUrl(CorpusWorld w) => $"/portal/{w.PortalToken}/sign";
        static KeyValuePair<string, string>[] SignWith(CorpusWorld w, string field, string value) => [.. Declaration(w).Where(f => f.Key != field), F(field, value)];
        yield return new(Sign, "no anti-forgery token", w => Form(w, Caller.Anonymous, SignUrl(w), Declaration(w), token: false)) { MustRefuse = true };
        yield return new(Sign, "not confirmed, with script in every field", w => Form(w, Caller.Anonymous, SignUrl(w), [F("name", Hostile.Text), F("role", Hostile.Text), F("organisation", Hostile.Text), F("confirmed", "false"), F("version", Hostile.Text)])) { MustRefuse = true };
        yield return new(Sign, "control characters in the signer's name", w => Form(w, Caller.Anonymous, SignUrl(w), SignWith(w, "name", Hostile.Control))) { MustRefuse = true };
        yield return new(Sign, "a right-to-left override in the signer's name", w => Form(w, Caller.Anonymous, SignUrl(w), SignWith(w, "name", Hostile.Bidi))) { MustRefuse = true };
        yield return new(Sign, "a 1 MiB role", w => Form(w, Caller.Anonymous, SignUrl(w), SignWith(w, "role", Hostile.Huge))) { MustRefuse = true };
        yield return new(Sign, "a declaration text version that does not exist", w => Form(w, Caller.Anonymous, SignUrl(w), SignWith(w, "version", "999"))) { MustRefuse = true };
        yield return new(Sign, "confirmed that is no boolean", w => Form(w, Caller.Anonymous, SignUrl(w), SignWith(w, "confirmed", Hostile.Script))) { MustRefuse = true };
        yield return new(Sign, "invalid UTF-8 in the name, not confirmed", w =>
            Raw(w, Caller.Anonymous, HttpMethod.Post, SignUrl(w), Hostile.FormWithRawValue([.. SignWith(w, "confirmed", "false").Where(f => f.Key != "name")], "name", Hostile.InvalidUtf8), "application/x-www-form-urlencoded"))
        { MustRefuse = true };
        yield return new(Sign, "a JSON body", w => Raw(w, Caller.Anonymous, HttpMethod.Post, SignUrl(w), "{\"confirmed\":true}"u8.ToArray(), "application/json")) { MustRefuse = true };
    }

    /// <summary>The declaration's fields as the organisation's representative signs it, with the page's anti-forgery token.</summary>
    private static KeyValuePair<string, string>[] Declaration(CorpusWorld w) =>
        [F("name", "Karin Ek"), F("role", "Ordförande"), F("organisation", "Föreningen Navet"), F("confirmed", "true"), F("version", w.Service.Policy.Declaration!.Version)];

    private static IEnumerable<CorpusEntry> UploadEntries()
    {
        const string Upload = $"POST {Portal} [Upload]";
        static string Url(CorpusWorld w, string document = CorpusWorld.Document) => $"/portal/{w.PortalToken}/upload?document={document}";

        foreach (var (name, contentType, body) in Hostile.BrokenMultipart)
        {
            yield return new(Upload, name, w => Raw(w, Caller.Anonymous, HttpMethod.Post, Url(w), body([]), contentType, token: false)) { Known = KnownIssues.BrokenMultipart, MustRefuse = true };
        }

        foreach (var (name, contentType, body) in Hostile.OddMultipart)
        {
            yield return new(Upload, name, w => Raw(w, Caller.Anonymous, HttpMethod.Post, Url(w), body(), contentType, token: false)) { MustRefuse = true };
        }

        foreach (var (name, contentType, body) in Hostile.HostileFileNames)
        {
            yield return new(Upload, name, w => Raw(w, Caller.Anonymous, HttpMethod.Post, $"/portal/{w.LimitsToken}/upload?document={CorpusWorld.Document}", body(), contentType, token: false))
            {
                MayChange = nameof(CorpusWorld.Limits),
                Then = async (w, r, _) =>
                {
                    if (r.IsSuccessStatusCode || (int)r.StatusCode == 302)
                    {
                        var stored = Assert.IsType<InPartnerVetting>((await w.Store.LoadAsync(w.Limits, CancellationToken.None))!.State);
                        var file = stored.Vetting.Find(CorpusWorld.Document)!.Files[^1].FileName;
                        Assert.False(file.Any(c => char.IsControl(c) || c is '/' or '\\'), $"The upload is recorded as '{file}'.");
                    }
                },
            };
        }

        foreach (var (name, contentType) in new[] { ("a JSON body", "application/json"), ("a text body", "text/plain"), ("no content type", null), ("a form body", "application/x-www-form-urlencoded") })
        {
            yield return new(Upload, name, w => Raw(w, Caller.Anonymous, HttpMethod.Post, Url(w), "file=%25PDF-1.7"u8.ToArray(), contentType, token: false)) { MustRefuse = true };
        }

        yield return new(Upload, "a file one byte over the limit", w => UploadAsync(w, w.PortalToken, CorpusWorld.Document, VettingCases.Pdf((int)CorpusWorld.MaxFileBytes + 1), "stor.pdf")) { MustRefuse = true };
        yield return new(Upload, "an executable", w => UploadAsync(w, w.PortalToken, CorpusWorld.Document, [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], "stadgar.pdf")) { MustRefuse = true };
        yield return new(Upload, "an HTML page named .pdf", w => UploadAsync(w, w.PortalToken, CorpusWorld.Document, Encoding.UTF8.GetBytes($"<html>{Hostile.Script}</html>"), "stadgar.pdf")) { MustRefuse = true };
        yield return new(Upload, "an empty file", w => UploadAsync(w, w.PortalToken, CorpusWorld.Document, [], "stadgar.pdf")) { MustRefuse = true };
        foreach (var (name, document) in new[] { ("a document not requested", "tax-returns"), ("a traversing document", "..%2F..%2Fsnapshot"), ("a script document", "%3Cscript%3E"), ("no document", ""), ("a 1 MiB document", new string('d', 1 << 20)) })
        {
            yield return new(Upload, name, w => UploadAsync(w, w.PortalToken, document, VettingCases.Pdf(), "stadgar.pdf")) { MustRefuse = true };
        }

        foreach (var (name, header, value) in new[] { ("posted from another site", "Origin", "https://evil.example"), ("posted cross-site", "Sec-Fetch-Site", "cross-site"), ("an opaque origin", "Origin", "null") })
        {
            yield return new(Upload, name, w => UploadAsync(w, w.PortalToken, CorpusWorld.Document, VettingCases.Pdf(), "stadgar.pdf", (header, value))) { MustRefuse = true };
        }

        yield return new(Upload, "PUT instead of POST", w => Send(w, Caller.Anonymous, HttpMethod.Put, Url(w), Hostile.Files("file", VettingCases.Pdf(), "stadgar.pdf"))) { MustRefuse = true };
        yield return new(Upload, "a zip named Word holding an executable and a script", w => UploadAsync(w, w.PortalToken, CorpusWorld.Document, Hostile.ZipWithExecutable(), "stadgar.docx")) { Known = KnownIssues.PackageChecks, MustRefuse = true };
        yield return new(Upload, "a DOCX-looking zip bomb", w => UploadAsync(w, w.PortalToken, CorpusWorld.Document, Hostile.ZipBomb(), "stadgar.docx")) { Known = KnownIssues.PackageChecks, MustRefuse = true };
        yield return new(Upload, "101 files in one upload", w => Send(w, Caller.Anonymous, HttpMethod.Post, $"/portal/{w.LimitsToken}/upload?document={CorpusWorld.Document}", Hostile.Files("file", VettingCases.Pdf(1024), "stadgar.pdf", files: 101)))
        {
            Known = KnownIssues.UploadLimits,
            MustRefuse = true,
            MayChange = nameof(CorpusWorld.Limits),
            Costly = true,
        };
        yield return new(Upload, "one more file when the snapshot row is near 1 MiB", w => UploadAsync(w, w.HeavyToken, CorpusWorld.Document, VettingCases.Pdf(), new string('&', 116) + ".pdf"))
        {
            Known = KnownIssues.SnapshotSize,
            MayChange = nameof(CorpusWorld.Heavy),
        };
    }

    private static Task<HttpResponseMessage> UploadAsync(CorpusWorld w, string token, string document, byte[] content, string fileName, params (string Name, string Value)[] headers) =>
        Send(w, Caller.Anonymous, HttpMethod.Post, $"/portal/{token}/upload?document={document}", Hostile.Files("file", content, fileName), headers: headers);
}
