using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The organisation's yearly report behind its own signed link: the page and the one form that sends the report.</summary>
public static partial class BadInputCorpus
{
    private const string YearlyReport = "/arsrapport/{token}";

    /// <summary>Links that must not open the report, crafted with the app's own key where a signature is needed.</summary>
    private static IEnumerable<(string Name, Func<CorpusWorld, string> Token)> ReportLinks() =>
    [
        ("an unknown token", _ => Base64Url(RandomNumberGenerator.GetBytes(48)) + "." + Base64Url(RandomNumberGenerator.GetBytes(32))),
        ("a forged signature", w => Base64Url(Encoding.ASCII.GetBytes($"{w.Active}.2026~1.4102444800")) + "." + Base64Url(RandomNumberGenerator.GetBytes(32))),
        ("the vetting portal's link", w => w.PortalToken),
        ("an answer link", w => w.StaffingLink["/svar/".Length..]),
        ("a replaced issue", w => w.Tokens.CreateReportLink(w.Active, 2026, 2, w.App.Time.GetUtcNow().AddDays(90))),
        ("a year not asked for", w => w.Tokens.CreateReportLink(w.Active, 2027, 1, w.App.Time.GetUtcNow().AddDays(90))),
        ("a signed link to a case not yet active", w => w.Tokens.CreateReportLink(w.Drafting, 2026, 1, w.App.Time.GetUtcNow().AddDays(90))),
        ("a signed year that is no number", w => SignedPortalToken(w, $"{w.Active}.20x6~1.4102444800", "iop-report-v1|")),
        ("a signed token without an issue", w => SignedPortalToken(w, $"{w.Active}.2026.4102444800", "iop-report-v1|")),
        ("three parts", w => w.ReportToken + ".x"),
        ("a 10,000-character token", _ => new string('A', 10_000) + ".AAAA"),
    ];

    private static IEnumerable<CorpusEntry> YearlyReportEntries()
    {
        const string Post = $"POST {YearlyReport}";
        foreach (var (name, token) in ReportLinks())
        {
            yield return new($"GET {YearlyReport}", name, w => Get(w, Caller.Anonymous, $"/arsrapport/{token(w)}"));
            yield return new($"HEAD {YearlyReport}", name, w => Head(w, Caller.Anonymous, $"/arsrapport/{token(w)}"));
            yield return new(Post, name, w => SendReportAsync(w, token(w), ReportFields())) { MustRefuse = !name.StartsWith("a signed link to a case", StringComparison.Ordinal) };
        }

        foreach (var method in new[] { "GET", "HEAD" })
        {
            var m = new HttpMethod(method);
            yield return Entry($"{method} {YearlyReport}", "a hostile 'saved' flag", w => Send(w, Caller.Anonymous, m, $"/arsrapport/{w.ReportToken}?sparat=%3Cscript%3Ealert('corpus')%3C%2Fscript%3E"));
            yield return Entry($"{method} {YearlyReport}", "a handler that does not exist", w => Send(w, Caller.Anonymous, m, $"/arsrapport/{w.ReportToken}?handler=bogus"));
        }

        static (string, string)[] With(string field, string value) => [.. ReportFields().Where(f => f.Item1 != field), (field, value)];
        yield return new(Post, "no activity", w => SendReportAsync(w, w.ReportToken, With("activity", " "))) { MustRefuse = true };
        yield return new(Post, "a 1 MiB activity", w => SendReportAsync(w, w.ReportToken, With("activity", Hostile.Huge))) { MustRefuse = true };
        yield return new(Post, "an amount in exponent form", w => SendReportAsync(w, w.ReportToken, With("ownAmount", "1e400"))) { MustRefuse = true };
        yield return new(Post, "a negative amount", w => SendReportAsync(w, w.ReportToken, With("municipalityAmount", "-5"))) { MustRefuse = true };
        yield return new(Post, "an amount past decimal", w => SendReportAsync(w, w.ReportToken, With("ownAmount", "79228162514264337593543950336"))) { MustRefuse = true };
        yield return new(Post, "control characters in what is given in kind", w => SendReportAsync(w, w.ReportToken, With("ownInKind", Hostile.Control))) { MustRefuse = true };
        yield return new(Post, "a cross-site post", w => SendReportAsync(w, w.ReportToken, ReportFields(), ("Sec-Fetch-Site", "cross-site"))) { MustRefuse = true };
        yield return new(Post, "a post from another origin", w => SendReportAsync(w, w.ReportToken, ReportFields(), ("Origin", "https://evil.example"))) { MustRefuse = true };
        yield return new(Post, "an executable attached", w => SendReportAsync(w, w.ReportToken, ReportFields(), file: ([(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0], "rapport.pdf"))) { MustRefuse = true };
        yield return new(Post, "a file one byte over the limit", w => SendReportAsync(w, w.ReportToken, ReportFields(), file: (VettingCases.Pdf((int)CorpusWorld.MaxFileBytes + 1), "stor.pdf"))) { MustRefuse = true };
        yield return new(Post, "eleven files", w => SendReportAsync(w, w.ReportToken, ReportFields(), file: (VettingCases.Pdf(), "rapport.pdf"), files: 11)) { MustRefuse = true };
        foreach (var (name, contentType, body) in Hostile.OddMultipart)
        {
            yield return new(Post, name, w => Raw(w, Caller.Anonymous, HttpMethod.Post, $"/arsrapport/{w.ReportToken}", body(), contentType, token: false)) { MustRefuse = true };
        }

        foreach (var (name, contentType) in new[] { ("a JSON body", "application/json"), ("a form body", "application/x-www-form-urlencoded"), ("no content type", null) })
        {
            yield return new(Post, name, w => Raw(w, Caller.Anonymous, HttpMethod.Post, $"/arsrapport/{w.ReportToken}", "activity=x"u8.ToArray(), contentType, token: false)) { MustRefuse = true };
        }
    }

    /// <summary>The report as the organisation would send it: accepted unless the entry spoils it.</summary>
    private static (string, string)[] ReportFields() =>
        [("activity", "Vi höll öppet 120 kvällar."), ("ownAmount", ""), ("ownInKind", "ideell tid, 600 timmar"), ("municipalityAmount", "120000"), ("municipalityInKind", ""), ("signer", "Karin Ek")];

    private static Task<HttpResponseMessage> SendReportAsync(
        CorpusWorld w, string token, IEnumerable<(string Name, string Value)> fields, params (string Name, string Value)[] headers) =>
        SendReportAsync(w, token, fields, null, 1, headers);

    private static Task<HttpResponseMessage> SendReportAsync(
        CorpusWorld w, string token, IEnumerable<(string Name, string Value)> fields, (byte[] Content, string Name)? file, int files = 1, params (string Name, string Value)[] headers)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        for (var i = 0; file is { } f && i < files; i++)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, "files", f.Name);
        }

        return Send(w, Caller.Anonymous, HttpMethod.Post, $"/arsrapport/{token}", form, headers: headers);
    }
}
