using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Iop.Bench;

/// <summary>
/// Drives a running app from outside, as its users do: the public initiative API, the coordinator's JSON API and the
/// case page's form (behind the development sign-in). Both versions under test have the same API and pages.
/// </summary>
internal sealed partial class IopDriver(Uri baseAddress, bool signInPerCommand = false) : IDisposable
{
    private readonly HttpClient _http = Client(baseAddress);
    private string[] _checklist = [];
    private string? _formToken;

    /// <summary>Signs in as the coordinator with the development sign-in and reads the guideline's checklist.</summary>
    public async Task SignInAsync()
    {
        await SignInAsync(_http);
        using var policy = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/api/initiatives/policy", UriKind.Relative)));
        _checklist = [.. policy.RootElement.GetProperty("checklist").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
    }

    /// <summary>POST /api/initiatives: the case id.</summary>
    public async Task<string> SubmitAsync(int n)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/api/initiatives", UriKind.Relative), new
        {
            organisationName = $"Föreningen Bänk {n}",
            organisationNumber = "802012-3454",
            contactName = "Karin Ek",
            contactEmail = $"karin.ek{n}@bench.example",
            contactPhone = "0250-12345",
            challenge = "Ofrivillig ensamhet bland äldre.",
            idea = "Träffpunkter med volontärer.",
        });
        return (await ReadAsync(response, "initiative")).GetProperty("caseId").GetString()!;
    }

    /// <summary>POST /api/cases/{id}/screening, every criterion met, continue: the new version.</summary>
    public Task<int> ScreenAsync(string id) => AsCoordinatorAsync(async http =>
    {
        using var response = await http.PostAsJsonAsync(new Uri($"/api/cases/{id}/screening", UriKind.Relative), new
        {
            assessments = _checklist.Select(c => new { criterionId = c, assessment = "Met" }),
            outcome = "Continue",
        });
        return response.StatusCode == HttpStatusCode.Unauthorized ? (int?)null : (await ReadAsync(response, "screening")).GetProperty("version").GetInt32();
    });

    /// <summary>The case page's "Starta kontroll av organisationen": the organisation now owes documents with due dates.</summary>
    public Task StartVettingAsync(string id, int version) => AsCoordinatorAsync(async http =>
    {
        // The anti-forgery token belongs to the signed-in user, not to a page or a case: read once per sign-in.
        var token = signInPerCommand ? null : _formToken;
        if (token is null)
        {
            using var page = await http.GetAsync(new Uri($"/arenden/{id}", UriKind.Relative));
            if (page.StatusCode != HttpStatusCode.OK)
            {
                return (bool?)null;
            }

            token = Token(await page.Content.ReadAsStringAsync());
            _formToken = signInPerCommand ? null : token;
        }

        using var response = await http.PostAsync(new Uri($"/arenden/{id}?handler=StartVetting", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token),
        ]));
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/logga-in", StringComparison.Ordinal) == true)
        {
            return null;
        }

        return response.StatusCode == HttpStatusCode.Redirect
            ? true
            : throw new InvalidOperationException($"Starting vetting of {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    });

    /// <summary>A new case taken to partner vetting: it waits for the organisation, with reminders due.</summary>
    public async Task<string> NewCaseInVettingAsync(int n)
    {
        var id = await SubmitAsync(n);
        await StartVettingAsync(id, await ScreenAsync(id));
        return id;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Runs a coordinator's call. The staff cookie's lifetime (8 hours, sliding) runs on the app's clock, so with the
    /// clock sped up (×100,800: 8 hours in 0.29 s) a sign-in is made right before each command, on a fresh cookie jar,
    /// and repeated when the call found it expired (null).
    /// </summary>
    private async Task<T> AsCoordinatorAsync<T>(Func<HttpClient, Task<T?>> call)
        where T : struct
    {
        if (!signInPerCommand)
        {
            return await call(_http) ?? throw new InvalidOperationException("The coordinator's sign-in expired.");
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var http = Client(baseAddress);
            await SignInAsync(http);
            if (await call(http) is { } result)
            {
                return result;
            }
        }

        throw new InvalidOperationException("The coordinator's sign-in expired before the command, ten times.");
    }

    /// <summary>The development sign-in as the coordinator, on <paramref name="http"/>'s cookies.</summary>
    public static async Task SignInAsync(HttpClient http)
    {
        var page = await http.GetStringAsync(new Uri("/logga-in", UriKind.Relative));
        using var response = await http.PostAsync(new Uri("/logga-in", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("Name", "Bench Samordnare"), new("Email", "bench@mora.example"), new("__RequestVerificationToken", Token(page)),
        ]));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The development sign-in answered {(int)response.StatusCode}.");
        }
    }

    private static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 64 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The {what} call answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page has no anti-forgery token."));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
