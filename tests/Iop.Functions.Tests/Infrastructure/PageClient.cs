using System.Net;
using System.Text.RegularExpressions;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>Drives pages as a browser without JavaScript would: GET a form, keep its anti-forgery token, POST fields.</summary>
public sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<string> GetStringAsync(string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {html}");
        return html;
    }

    /// <summary>Gets <paramref name="pageUrl"/>, then posts <paramref name="fields"/> with the page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetStringAsync(pageUrl);
        var token = AntiforgeryToken(page);
        return await http.PostAsync(new Uri(postUrl, UriKind.Relative), new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    public async Task SignInAsCoordinatorAsync(string name = "Saga Samordnare", string email = "saga@mora.example")
    {
        using var response = await PostFormAsync("/logga-in", "/logga-in", [new("Name", name), new("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The value of a hidden input, e.g. the form's version or submission id.</summary>
    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        Assert.True(match.Success, $"The page has no input named {name}.");
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
