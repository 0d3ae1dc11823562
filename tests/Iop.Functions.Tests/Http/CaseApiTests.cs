using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

[Collection("Azurite")]
public sealed class CaseApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private async Task<PageClient> SignedInAsync()
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return client;
    }

    private static async Task<string> SubmitAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("caseId").GetString()!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private Task<StoredCase?> LoadAsync(string id) =>
        _app.Services.GetRequiredService<ICaseStore>().LoadAsync(new CaseId(Guid.Parse(id)), CancellationToken.None);

    [Fact]
    public async Task Submitting_an_initiative_answers_with_the_case_and_its_registration_number()
    {
        using var http = _app.CreateClient();

        using var response = await http.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("KS 2026/", body.GetProperty("registrationNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/cases/{body.GetProperty("caseId").GetString()}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_invalid_initiative_gets_validation_problem_details_per_field()
    {
        using var http = _app.CreateClient();
        var request = new { organisationName = "", organisationNumber = "802012-3456", contactName = "K", contactEmail = "nope", contactPhone = "0250-12345", challenge = "c", idea = "i" };

        using var response = await http.PostAsJsonAsync("/api/initiatives", request);
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Contains("Fyll i organisationens namn.", errors.GetProperty("organisationName")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Organisationsnumret är inte giltigt", errors.GetProperty("organisationNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("E-postadressen är inte giltig", errors.GetProperty("contactEmail")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_gets_problem_details_not_a_server_error()
    {
        using var http = _app.CreateClient();

        using var response = await http.PostAsync(new Uri("/api/initiatives", UriKind.Relative), new StringContent("{\"organisationName\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_case_api_requires_sign_in()
    {
        using var http = _app.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/cases", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_coordinator_screens_through_the_api_and_sees_the_history()
    {
        var client = await SignedInAsync();
        var id = await SubmitAsync(client.Http);
        var assessments = new[] { "own-initiative", "local-development", "not-a-grant", "independent-actor", "co-financing", "long-term", "no-market", "no-private-competitors", "joint-learning" }
            .Select(c => new { criterionId = c, assessment = c == "no-market" ? "Unclear" : "Met", note = c == "no-market" ? "Väntar på upphandlingsenhetens yttrande." : null });

        using var screened = await client.Http.PostAsJsonAsync($"/api/cases/{id}/screening", new { expectedVersion = 1, assessments, outcome = "Continue" });
        var body = await screened.Content.ReadFromJsonAsync<JsonElement>();
        var history = await client.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/events");

        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        Assert.Equal("FirstMeeting", body.GetProperty("stage").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal(["InitiativeSubmitted", "ScreeningCompleted"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_command_for_the_wrong_stage_is_a_conflict_naming_the_rule_and_changes_nothing()
    {
        var client = await SignedInAsync();
        var id = await SubmitAsync(client.Http);
        using var discontinued = await client.Http.PostAsJsonAsync($"/api/cases/{id}/discontinue", new { reason = "Dras tillbaka." });

        using var response = await client.Http.PostAsJsonAsync($"/api/cases/{id}/assessments", new { assessments = new[] { new { criterionId = "own-initiative", assessment = "Met" } } });
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(CaseRules.Closed, problem.GetProperty("rule").GetString());
        Assert.Equal(2, (await LoadAsync(id))!.Version);
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict()
    {
        var client = await SignedInAsync();
        var id = await SubmitAsync(client.Http);

        using var response = await client.Http.PostAsJsonAsync($"/api/cases/{id}/discontinue", new { expectedVersion = 7, reason = "Dras tillbaka." });
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.IsType<Received>((await LoadAsync(id))!.State);
    }

    [Fact]
    public async Task A_rule_broken_by_the_input_is_a_bad_request()
    {
        var client = await SignedInAsync();
        var id = await SubmitAsync(client.Http);

        using var response = await client.Http.PostAsJsonAsync($"/api/cases/{id}/discontinue", new { reason = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CaseRules.ReasonRequired, (await ProblemAsync(response)).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task An_unknown_case_is_not_found()
    {
        var client = await SignedInAsync();

        using var get = await client.Http.GetAsync(new Uri($"/api/cases/{Guid.NewGuid():N}", UriKind.Relative));
        using var post = await client.Http.PostAsJsonAsync($"/api/cases/{Guid.NewGuid():N}/discontinue", new { reason = "x" });
        using var garbage = await client.Http.GetAsync(new Uri("/api/cases/not-an-id", UriKind.Relative));
        using var assess = await client.Http.PostAsJsonAsync($"/api/cases/{Guid.NewGuid():N}/assessments", new { assessments = new[] { new { criterionId = "no-market", assessment = "Met" } } });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assess.StatusCode);
        await ProblemAsync(post);
        await ProblemAsync(assess);
    }

    [Fact]
    public async Task An_unknown_stage_filter_is_a_bad_request()
    {
        var client = await SignedInAsync();

        using var response = await client.Http.GetAsync(new Uri("/api/cases?stage=999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("stage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        using var http = _app.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/initiatives", out _));
        Assert.True(paths.TryGetProperty("/api/cases/{id}/screening", out _));
    }
}
