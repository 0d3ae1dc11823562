using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Tests.Infrastructure;
using Iop.Partnerships;

namespace Iop.Functions.Tests.Http;

/// <summary>
/// Notice, rescission and disputes through the JSON API: answers with what the case now holds, and RFC 7807 problem
/// details with the rule's code for every refusal. The term is 2026-07-01 – 2029-06-30; the clock stands at 15 September 2026.
/// </summary>
[Collection("Azurite")]
public sealed class EndingsApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new IopAppFactory(azurite.ConnectionString).WithSetting(IopRoles.Key, "Web");

    public void Dispose() => _app.Dispose();

    private async Task<(string Id, HttpClient Http)> RunningAsync(string organisation)
    {
        var id = await OfficialsCases.ActiveAsync(_app, organisation);
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 9, 15, 10, 0, 0, TimeSpan.Zero));
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return (id.ToString(), client.Http);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> ProblemAsync(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private Task<StoredCase> LoadAsync(string id) => OfficialsCases.LoadAsync(_app, CaseId.Parse(id));

    [Fact]
    public async Task Notice_answers_with_the_day_the_agreement_ends_and_the_case_shows_it()
    {
        var (id, http) = await RunningAsync("API-uppsägningsföreningen");
        var version = (await LoadAsync(id)).Version;

        var (status, body) = await PostAsync(http, $"/api/cases/{id}/notice", new { expectedVersion = version, party = "Municipality", givenOn = "2026-09-01", reason = "Verksamheten flyttas till regionen." });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("2026-12-01", "Active", version + 1), (body.GetProperty("endsOn").GetString(), body.GetProperty("stage").GetString(), body.GetProperty("version").GetInt32()));
        var state = (await http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("state");
        var notice = state.GetProperty("notice");
        Assert.Equal(("Municipality", "2026-09-01", "2026-12-01"), (notice.GetProperty("givenBy").GetString(), notice.GetProperty("givenOn").GetString(), notice.GetProperty("endsOn").GetString()));

        var (again, problem) = await ProblemAsync(http, $"/api/cases/{id}/notice", new { party = "Organisation", givenOn = "2026-09-02", reason = "Också." });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(EndingRules.NoticeGiven, problem.GetProperty("rule").GetString());
        var (extend, refused) = await ProblemAsync(http, $"/api/cases/{id}/term/extend", new { newEnd = "2031-06-30", decision = "KS 2029-05-12 § 44" });
        Assert.Equal(HttpStatusCode.Conflict, extend);
        Assert.StartsWith("Avtalet är redan uppsagt", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_notice_input_gets_problem_details_naming_the_fields_or_the_rule_and_changes_nothing()
    {
        var (id, http) = await RunningAsync("API-felföreningen");
        var version = (await LoadAsync(id)).Version;

        var (missing, fields) = await ProblemAsync(http, $"/api/cases/{id}/notice", new { reason = "Skäl." });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(["givenOn", "party"], fields.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        var (undefined, party) = await ProblemAsync(http, $"/api/cases/{id}/notice", new { party = 999, givenOn = "2026-09-01", reason = "Skäl." });
        Assert.Equal(HttpStatusCode.BadRequest, undefined);
        Assert.Equal("Ange parten: Municipality eller Organisation.", party.GetProperty("errors").GetProperty("party")[0].GetString());
        var (future, date) = await ProblemAsync(http, $"/api/cases/{id}/notice", new { party = "Organisation", givenOn = "2026-09-16", reason = "Skäl." });
        Assert.Equal(HttpStatusCode.BadRequest, future);
        Assert.Equal((EndingRules.DateInvalid, "Datumet måste ligga mellan avtalstidens första dag och i dag."), (date.GetProperty("rule").GetString(), date.GetProperty("title").GetString()));
        var (blank, reason) = await ProblemAsync(http, $"/api/cases/{id}/notice", new { party = "Organisation", givenOn = "2026-09-01", reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank);
        Assert.Equal(CaseRules.ReasonRequired, reason.GetProperty("rule").GetString());

        var stored = await LoadAsync(id);
        Assert.Equal(version, stored.Version);
        Assert.Null(Assert.IsType<ActivePartnership>(stored.State).Notice);
    }

    [Fact]
    public async Task A_dispute_is_created_climbs_the_ladder_and_is_settled_and_an_unknown_one_is_not_found()
    {
        var (id, http) = await RunningAsync("API-tvisteföreningen");

        using var created = await http.PostAsJsonAsync($"/api/cases/{id}/disputes", new { raisedBy = "Organisation", on = "2026-09-01", subject = "Oenighet om lokalkostnaden." });
        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("dispute-1", item.GetProperty("id").GetString());
        Assert.Equal($"/api/cases/{id}", created.Headers.Location!.OriginalString);

        var (unknown, notFound) = await ProblemAsync(http, $"/api/cases/{id}/disputes/dispute-9/escalate", new { on = "2026-09-05", reason = "Ingen lösning." });
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(EndingRules.UnknownDispute, notFound.GetProperty("rule").GetString());
        var (noDay, day) = await ProblemAsync(http, $"/api/cases/{id}/disputes/dispute-1/escalate", new { reason = "Ingen lösning." });
        Assert.Equal(HttpStatusCode.BadRequest, noDay);
        Assert.True(day.GetProperty("errors").TryGetProperty("on", out _));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, $"/api/cases/{id}/disputes/dispute-1/escalate", new { on = "2026-09-05", reason = "Ingen lösning i dialogen." })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, $"/api/cases/{id}/disputes/dispute-1/escalate", new { on = "2026-09-10", reason = "Styrgruppen röstade lika." })).Status);
        var (top, ladderEnd) = await ProblemAsync(http, $"/api/cases/{id}/disputes/dispute-1/escalate", new { on = "2026-09-11", reason = "Vidare." });
        Assert.Equal(HttpStatusCode.Conflict, top);
        Assert.Equal(EndingRules.LadderEnd, ladderEnd.GetProperty("rule").GetString());
        var (early, before) = await ProblemAsync(http, $"/api/cases/{id}/disputes/dispute-1/resolve", new { on = "2026-09-09", outcome = "För tidigt." });
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.Equal(EndingRules.StepBeforePrevious, before.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, $"/api/cases/{id}/disputes/dispute-1/resolve", new { on = "2026-09-14", outcome = "Kommunen står för hyran 2027." })).Status);

        var dispute = (await http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("state").GetProperty("file").GetProperty("disputes")[0];
        Assert.Equal(("2026-09-14", "Kommunen står för hyran 2027."), (dispute.GetProperty("resolvedOn").GetString(), dispute.GetProperty("outcome").GetString()));
        Assert.Equal(["Dialogue", "SteeringGroup", "Committee"], dispute.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("level").GetString()));
        var (settled, gone) = await ProblemAsync(http, $"/api/cases/{id}/disputes/dispute-1/resolve", new { on = "2026-09-15", outcome = "Igen." });
        Assert.Equal((HttpStatusCode.NotFound, EndingRules.UnknownDispute), (settled, gone.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task Rescission_ends_the_partnership_from_its_day()
    {
        var (id, http) = await RunningAsync("API-hävningsföreningen");

        var (status, body) = await PostAsync(http, $"/api/cases/{id}/rescission", new { party = "Organisation", on = "2026-09-12", reason = "Kommunen betalade inte." });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ended", body.GetProperty("stage").GetString());
        var state = (await http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("state");
        Assert.Equal(("2026-09-12", "Rescission"), (state.GetProperty("endedOn").GetString(), state.GetProperty("kind").GetString()));
        var (closed, problem) = await ProblemAsync(http, $"/api/cases/{id}/disputes", new { raisedBy = "Organisation", on = "2026-09-13", subject = "Efteråt." });
        Assert.Equal((HttpStatusCode.Conflict, CaseRules.Closed), (closed, problem.GetProperty("rule").GetString()));
    }
}
