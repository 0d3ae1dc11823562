using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Iop.Bench;

/// <summary>What one request of the load benchmark was, for the per-kind figures.</summary>
internal enum RequestKind
{
    CaseListPage,
    CasePage,
    ApiGetCase,
    ApiAssessments,
    FormAssessments,
    IntakeApi,
    IntakeFormPage,
    IntakeForm,
    PortalPage,
}

/// <summary>One timed request: how long it took and how it ended (an HTTP status, or 0 when it failed without one).</summary>
internal readonly record struct Sample(RequestKind Kind, double Milliseconds, int Status)
{
    /// <summary>A 409 from a command made on a version someone else changed meanwhile: expected under contention.</summary>
    public bool IsConflict => Status == 409;

    public bool IsError => Status is < 200 or >= 400 && !IsConflict;
}

/// <summary>The cases and links the workload acts on, seeded before the first level.</summary>
/// <param name="Screening">Cases in screening: viewed, and assessed through the API and the case page's form.</param>
/// <param name="Vetting">Cases in partner vetting: viewed.</param>
/// <param name="PortalLinks">Their portal pages (paths), as the organisations' mails link them.</param>
internal sealed record LoadSite(IReadOnlyList<string> Screening, IReadOnlyList<string> Vetting, IReadOnlyList<string> PortalLinks);

/// <summary>
/// One simulated user of the load benchmark: a signed-in coordinator (development sign-in, its own cookies) who also
/// submits initiatives and opens organisations' portal pages, as the mixed workload asks. Same pages and API in both
/// versions under test.
/// </summary>
internal sealed partial class LoadClient(Uri baseAddress, LoadSite site, int seed) : IDisposable
{
    /// <summary>The workload's mix: how often each kind of request is chosen (the form command also opens the case page).</summary>
    private static readonly (RequestKind Kind, int Weight)[] Mix =
    [
        (RequestKind.CaseListPage, 10),
        (RequestKind.CasePage, 15),
        (RequestKind.ApiGetCase, 15),
        (RequestKind.ApiAssessments, 10),
        (RequestKind.FormAssessments, 8),
        (RequestKind.IntakeApi, 5),
        (RequestKind.IntakeForm, 5),
        (RequestKind.PortalPage, 15),
    ];

    private static int _submissions;

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly Random _random = new(seed);
    private string? _formToken;

    public static string Name(RequestKind kind) => kind switch
    {
        RequestKind.CaseListPage => "page: case list",
        RequestKind.CasePage => "page: case",
        RequestKind.ApiGetCase => "api: GET case",
        RequestKind.ApiAssessments => "command: api assessments",
        RequestKind.FormAssessments => "command: page form",
        RequestKind.IntakeApi => "intake: api",
        RequestKind.IntakeFormPage => "page: initiative form",
        RequestKind.IntakeForm => "intake: form",
        RequestKind.PortalPage => "page: portal",
        _ => kind.ToString(),
    };

    /// <summary>Pages, commands and intake are what the targets speak of.</summary>
    public static string Group(RequestKind kind) => kind switch
    {
        RequestKind.IntakeApi or RequestKind.IntakeForm => "intake",
        RequestKind.ApiAssessments or RequestKind.FormAssessments => "commands",
        _ => "pages",
    };

    public async Task SignInAsync()
    {
        var page = await _http.GetStringAsync(new Uri("/logga-in", UriKind.Relative));
        using var response = await _http.PostAsync(new Uri("/logga-in", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("Name", "Last Samordnare"), new("Email", "last@mora.example"), new("__RequestVerificationToken", Token(page)),
        ]));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The development sign-in answered {(int)response.StatusCode}.");
        }

        // The anti-forgery token belongs to the signed-in user, not to a page: one for every staff form.
        _formToken = Token(await _http.GetStringAsync(new Uri($"/arenden/{site.Screening[0]}", UriKind.Relative)));
    }

    /// <summary>Requests of the mix, one after the other, until <paramref name="until"/>.</summary>
    public async Task RunAsync(List<Sample> samples, CancellationToken until)
    {
        while (!until.IsCancellationRequested)
        {
            await OneAsync(Pick(), samples);
        }
    }

    /// <summary>A GET as this client, e.g. the case list from the API.</summary>
    public Task<string> GetStringAsync(string path) => _http.GetStringAsync(new Uri(path, UriKind.Relative));

    /// <summary>An assessment of <paramref name="caseId"/> through the API, without an expected version (the hot case).</summary>
    public Task<Sample> AssessAsync(string caseId) =>
        TimeAsync(RequestKind.ApiAssessments, () => _http.PostAsJsonAsync(new Uri($"/api/cases/{caseId}/assessments", UriKind.Relative), new
        {
            assessments = new[] { new { criterionId = "joint-learning", assessment = "Unclear", note = $"Samtidigt {_random.Next()}" } },
        }));

    /// <summary>POST /api/initiatives alone (the burst).</summary>
    public Task<Sample> SubmitAsync() => TimeAsync(RequestKind.IntakeApi, () => _http.PostAsJsonAsync(new Uri("/api/initiatives", UriKind.Relative), Initiative()));

    public void Dispose() => _http.Dispose();

    private async Task OneAsync(RequestKind kind, List<Sample> samples)
    {
        var caseId = site.Screening[_random.Next(site.Screening.Count)];
        var anyCase = _random.Next(site.Screening.Count + site.Vetting.Count) is var i && i < site.Screening.Count ? site.Screening[i] : site.Vetting[i - site.Screening.Count];
        switch (kind)
        {
            case RequestKind.CaseListPage:
                samples.Add(await GetAsync(kind, "/arenden"));
                break;
            case RequestKind.CasePage:
                samples.Add(await GetAsync(kind, $"/arenden/{anyCase}"));
                break;
            case RequestKind.ApiGetCase:
                samples.Add(await GetAsync(kind, $"/api/cases/{anyCase}"));
                break;
            case RequestKind.ApiAssessments:
                samples.Add(await TimeAsync(kind, () => _http.PostAsJsonAsync(new Uri($"/api/cases/{caseId}/assessments", UriKind.Relative), new
                {
                    assessments = new[] { new { criterionId = "no-market", assessment = "Unclear", note = $"Bedömning {_random.Next()}" } },
                })));
                break;
            case RequestKind.FormAssessments:
                // As a person does: open the case page, then save an assessment from the version it shows.
                string? html = null;
                samples.Add(await GetAsync(RequestKind.CasePage, $"/arenden/{caseId}", body => html = body));
                if (html is not null && VersionPattern().Match(html) is { Success: true } version)
                {
                    samples.Add(await TimeAsync(kind, () => _http.PostAsync(new Uri($"/arenden/{caseId}?handler=Save", UriKind.Relative), new FormUrlEncodedContent(
                    [
                        new("Screening.Version", version.Groups[1].Value),
                        new("Screening.Assessment[long-term]", "Unclear"),
                        new("Screening.Note[long-term]", $"Från sidan {_random.Next()}"),
                        new("__RequestVerificationToken", _formToken!),
                    ]))));
                }

                break;
            case RequestKind.IntakeApi:
                samples.Add(await SubmitAsync());
                break;
            case RequestKind.IntakeForm:
                string? form = null;
                samples.Add(await GetAsync(RequestKind.IntakeFormPage, "/initiativ/nytt", body => form = body));
                if (form is not null)
                {
                    var n = Interlocked.Increment(ref _submissions);
                    samples.Add(await TimeAsync(kind, () => _http.PostAsync(new Uri("/initiativ/nytt", UriKind.Relative), new FormUrlEncodedContent(
                    [
                        new("Input.SubmissionId", Guid.NewGuid().ToString()),
                        new("Input.OrganisationName", $"Formulärföreningen {n}"),
                        new("Input.OrganisationNumber", "802012-3454"),
                        new("Input.ContactName", "Karin Ek"),
                        new("Input.ContactEmail", $"karin.ek{n}@last.example"),
                        new("Input.ContactPhone", "0250-123 45"),
                        new("Input.Challenge", "Ofrivillig ensamhet bland äldre."),
                        new("Input.Idea", "Träffpunkter med volontärer."),
                        new("__RequestVerificationToken", Token(form)),
                    ]))));
                }

                break;
            case RequestKind.PortalPage:
                samples.Add(await GetAsync(kind, site.PortalLinks[_random.Next(site.PortalLinks.Count)]));
                break;
            default:
                throw new InvalidOperationException($"No request for {kind}.");
        }
    }

    private RequestKind Pick()
    {
        var roll = _random.Next(Mix.Sum(m => m.Weight));
        foreach (var (kind, weight) in Mix)
        {
            if ((roll -= weight) < 0)
            {
                return kind;
            }
        }

        return Mix[^1].Kind;
    }

    private Task<Sample> GetAsync(RequestKind kind, string path, Action<string>? body = null) =>
        TimeAsync(kind, () => _http.GetAsync(new Uri(path, UriKind.Relative)), body);

    /// <summary>Times the request until its whole body is read, as a browser would wait for it.</summary>
    private static async Task<Sample> TimeAsync(RequestKind kind, Func<Task<HttpResponseMessage>> send, Action<string>? body = null)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync();
            var sample = new Sample(kind, watch.Elapsed.TotalMilliseconds, (int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                body?.Invoke(text);
            }
            else if (sample.IsError)
            {
                Errors.Report(kind, (int)response.StatusCode, text);
            }

            return sample;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Errors.Report(kind, 0, e.Message);
            return new Sample(kind, watch.Elapsed.TotalMilliseconds, 0);
        }
    }

    private static object Initiative()
    {
        var n = Interlocked.Increment(ref _submissions);
        return new
        {
            organisationName = string.Create(CultureInfo.InvariantCulture, $"Föreningen Last {n}"),
            organisationNumber = "802012-3454",
            contactName = "Karin Ek",
            contactEmail = string.Create(CultureInfo.InvariantCulture, $"karin.ek{n}@last.example"),
            contactPhone = "0250-12345",
            challenge = "Ofrivillig ensamhet bland äldre.",
            idea = "Träffpunkter med volontärer.",
        };
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page has no anti-forgery token."));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Screening.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    /// <summary>The first few errors' answers, to show what went wrong.</summary>
    public static class Errors
    {
        private static readonly List<string> Seen = [];

        public static void Report(RequestKind kind, int status, string text)
        {
            lock (Seen)
            {
                if (Seen.Count < 5)
                {
                    Seen.Add($"{Name(kind)} → {(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture))}: {(text.Length > 300 ? text[..300] + "…" : text)}");
                }
            }
        }

        public static IReadOnlyList<string> TakeAll()
        {
            lock (Seen)
            {
                var all = Seen.ToList();
                Seen.Clear();
                return all;
            }
        }
    }
}
