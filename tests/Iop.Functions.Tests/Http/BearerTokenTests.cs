using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

/// <summary>Machine clients call the API with Entra ID access tokens carrying the app role Iop.Coordinator.</summary>
[Collection("Azurite")]
public sealed class BearerTokenTests : IDisposable
{
    private readonly EntraIdTokens _tokens = new();
    private readonly IopAppFactory _app;

    public BearerTokenTests(AzuriteFixture azurite) => _app = _tokens.Configure(new IopAppFactory(azurite.ConnectionString));

    public void Dispose()
    {
        _app.Dispose();
        _tokens.Dispose();
    }

    private HttpClient Client(string? token) => EntraIdTokens.Client(_app, token);

    [Fact]
    public async Task A_token_with_the_coordinator_role_may_list_cases_and_its_commands_are_recorded_under_its_name()
    {
        using var anonymous = Client(null);
        using var submitted = await anonymous.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest());
        var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        var oid = Guid.NewGuid().ToString();
        using var http = Client(_tokens.Token(["Iop.Coordinator"], name: "Saga Samordnare", objectId: oid));

        using var list = await http.GetAsync(new Uri("/api/cases", UriKind.Relative));
        using var discontinued = await http.PostAsJsonAsync($"/api/cases/{caseId}/screening", new
        {
            assessments = _app.Services.GetRequiredService<CaseService>().Policy.Checklist.Select(c => new { criterionId = c.Id, assessment = "Met" }),
            outcome = "Discontinue",
            reason = "Verksamheten finns redan.",
        });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(caseId, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, discontinued.StatusCode);
        var history = await _app.Services.GetRequiredService<ICaseStore>().LoadHistoryAsync(new CaseId(Guid.Parse(caseId)), CancellationToken.None);
        Assert.Equal(new Common.Actor(oid, "Saga Samordnare", Common.ActorRole.Coordinator), history[^1].Event.By);
    }

    [Fact]
    public async Task An_application_token_is_recorded_under_its_object_id()
    {
        var oid = Guid.NewGuid().ToString();
        using var http = Client(_tokens.Token(["Iop.Coordinator"], name: null, email: null, objectId: oid));
        using var anonymous = Client(null);
        using var submitted = await anonymous.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest());
        var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;

        using var saved = await http.PostAsJsonAsync($"/api/cases/{caseId}/assessments", new { assessments = new[] { new { criterionId = "own-initiative", assessment = "Met" } } });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var history = await _app.Services.GetRequiredService<ICaseStore>().LoadHistoryAsync(new CaseId(Guid.Parse(caseId)), CancellationToken.None);
        Assert.Equal(oid, history[^1].Event.By.Id);
    }

    [Fact]
    public async Task A_token_without_the_role_is_forbidden()
    {
        using var http = Client(_tokens.Token(["Iop.Reader"]));

        using var response = await http.GetAsync(new Uri("/api/cases", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public static TheoryData<string> Refused { get; } = ["another audience", "expired", "signed with another key", "not a token"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_that_does_not_hold_is_unauthorized_with_a_bearer_challenge(string kind)
    {
        using var otherKey = RSA.Create(2048);
        var token = kind switch
        {
            "another audience" => _tokens.Token(["Iop.Coordinator"], audience: Guid.NewGuid().ToString()),
            "expired" => _tokens.Token(["Iop.Coordinator"], lifetime: TimeSpan.FromHours(-2)),
            "signed with another key" => _tokens.Token(["Iop.Coordinator"], signedWith: otherKey),
            _ => "eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJJb3AuQ29vcmRpbmF0b3IiXX0.",
        };
        using var http = Client(token);

        using var response = await http.GetAsync(new Uri("/api/cases", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_with_a_bearer_challenge_not_a_redirect()
    {
        using var http = Client(null);

        using var response = await http.GetAsync(new Uri("/api/cases", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task The_sign_in_cookie_still_works_for_the_api_beside_tokens()
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();

        using var response = await client.Http.GetAsync(new Uri("/api/cases", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_does_not_open_the_staff_pages()
    {
        using var http = Client(_tokens.Token(["Iop.Coordinator"]));

        using var response = await http.GetAsync(new Uri("/arenden", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/logga-in", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }
}
