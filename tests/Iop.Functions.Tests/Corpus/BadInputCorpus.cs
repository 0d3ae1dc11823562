using System.Net.Http.Headers;
using System.Text;
using Iop.Cases;

namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// The bad-input corpus: for every endpoint of the app, requests that are malformed, oversized, hostile or out of
/// order. A new endpoint needs entries here, or <see cref="BadInputCorpusTests.Every_endpoint_of_the_app_has_corpus_entries"/> fails.
/// </summary>
public static partial class BadInputCorpus
{
    private const string AntiforgeryField = "__RequestVerificationToken";

    public static IReadOnlyList<CorpusEntry> All { get; } = Build();

    private static readonly Dictionary<string, CorpusEntry> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static CorpusEntry Find(string name) => ByName[name];

    private static List<CorpusEntry> Build()
    {
        List<CorpusEntry> all = [.. PublicEntries(), .. CaseListEntries(), .. CasePageEntries(), .. DownloadEntries(), .. ReportEntries(), .. PortalEntries(), .. YearlyReportEntries(), .. AnswerEntries(), .. ApiEntries()];
        var duplicate = all.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? all : throw new InvalidOperationException($"Two corpus entries are named '{duplicate.Key}'.");
    }

    private static CorpusEntry Entry(string endpoint, string input, Func<CorpusWorld, Task<HttpResponseMessage>> send) => new(endpoint, input, send);

    // Requests. Each sends one request as the caller and returns the answer as it is (no redirect followed).

    private static Task<HttpResponseMessage> Get(CorpusWorld w, Caller caller, string url) => Send(w, caller, HttpMethod.Get, url);

    private static Task<HttpResponseMessage> Head(CorpusWorld w, Caller caller, string url) => Send(w, caller, HttpMethod.Head, url);

    private static Task<HttpResponseMessage> Send(CorpusWorld w, Caller caller, HttpMethod method, string url, HttpContent? content = null, bool tokenHeader = false, params (string Name, string Value)[] headers) =>
        SendWith(w.Client(caller), method, url, content, tokenHeader ? w.AntiforgeryToken(caller) : null, headers);

    private static async Task<HttpResponseMessage> SendWith(HttpClient client, HttpMethod method, string url, HttpContent? content, string? token, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A form post as the caller, with the caller's anti-forgery token unless <paramref name="token"/> is false.</summary>
    private static Task<HttpResponseMessage> Form(CorpusWorld w, Caller caller, string url, IEnumerable<KeyValuePair<string, string>> fields, bool token = true) =>
        Send(w, caller, HttpMethod.Post, url, new FormUrlEncodedContent(token ? [.. fields, new(AntiforgeryField, w.AntiforgeryToken(caller))] : fields));

    /// <summary>A raw body with any content type (or none), the anti-forgery token in its header.</summary>
    private static Task<HttpResponseMessage> Raw(CorpusWorld w, Caller caller, HttpMethod method, string url, byte[] body, string? contentType, bool token = true)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Send(w, caller, method, url, content, tokenHeader: token);
    }

    private static Task<HttpResponseMessage> Json(CorpusWorld w, Caller caller, string url, string json) =>
        Send(w, caller, HttpMethod.Post, url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static async Task<int> VersionAsync(CorpusWorld w, CaseId id) => (await w.Store.LoadAsync(id, CancellationToken.None))!.Version;

    // Checks after the answer.

    private static Task Status(HttpResponseMessage response, params int[] allowed)
    {
        Assert.True(allowed.Contains((int)response.StatusCode), $"Answered {(int)response.StatusCode}; expected {string.Join(" or ", allowed)}.");
        return Task.CompletedTask;
    }

    private static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
