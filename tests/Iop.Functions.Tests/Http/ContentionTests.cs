using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iop.Cases;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

/// <summary>Many commands on one case at once: they take turns or are told to come back, never a server error.</summary>
[Collection("Azurite")]
public sealed class ContentionTests : IDisposable
{
    private readonly IopAppFactory _app;

    /// <summary>When set, every commit loses its race, as if another instance always wrote first.</summary>
    private volatile bool _losing;

    public ContentionTests(AzuriteFixture azurite) =>
        _app = new IopAppFactory(azurite.ConnectionString).WithServices(services =>
            services.AddSingleton<ICaseStore>(sp => new RaceLosingStore(ActivatorUtilities.CreateInstance<TableCaseStore>(sp), () => _losing)));

    public void Dispose() => _app.Dispose();

    private async Task<(PageClient Client, string Id)> SubmittedCaseAsync()
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        using var response = await client.Http.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (client, body.RootElement.GetProperty("caseId").GetString()!);
    }

    private static object Assessment(int n) =>
        new { assessments = new[] { new { criterionId = "no-market", assessment = "Unclear", note = $"bedömning {n}" } } };

    [Fact]
    public async Task Fifty_parallel_assessments_on_one_case_end_as_accepted_conflict_or_busy_and_the_history_holds_exactly_the_accepted()
    {
        var (client, id) = await SubmittedCaseAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(n => Task.Run(async () =>
        {
            using var response = await client.Http.PostAsJsonAsync($"/api/cases/{id}/assessments", Assessment(n));
            return (n, response.StatusCode);
        })));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));
        var accepted = answers.Where(a => a.StatusCode == HttpStatusCode.OK).Select(a => $"bedömning {a.n}").Order().ToList();
        var history = await _app.Services.GetRequiredService<ICaseStore>().LoadHistoryAsync(CaseId.Parse(id), CancellationToken.None);
        var recorded = history.Select(h => h.Event).OfType<CriteriaAssessed>().Select(e => e.Assessments.Single().Note!).Order().ToList();
        Assert.Equal(accepted, recorded);
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.Version));
    }

    [Fact]
    public async Task A_case_too_busy_to_change_is_503_with_retry_after_and_problem_details_and_nothing_is_written()
    {
        var (client, id) = await SubmittedCaseAsync();
        _losing = true;

        using var response = await client.Http.PostAsJsonAsync($"/api/cases/{id}/assessments", Assessment(1));
        _losing = false;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("case.busy", problem.RootElement.GetProperty("rule").GetString());
        Assert.Equal(1, (await _app.Services.GetRequiredService<ICaseStore>().LoadAsync(CaseId.Parse(id), CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_case_too_busy_to_change_shows_the_swedish_error_page_with_503_and_retry_after()
    {
        var (client, id) = await SubmittedCaseAsync();
        _losing = true;

        using var response = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=Save",
            [new("Screening.Version", "1"), new("Screening.Assessment[no-market]", "Met"), new("Screening.Note[no-market]", "")]);
        _losing = false;

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("Ärendet är upptaget just nu", html, StringComparison.Ordinal);
        Assert.Contains("Inget har sparats", html, StringComparison.Ordinal);
    }

    /// <summary>Our own store port, wrapped: while <c>losing</c> says so, every commit finds the case changed.</summary>
    private sealed class RaceLosingStore(ICaseStore inner, Func<bool> losing) : ICaseStore
    {
        public Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadAsync(id, cancellationToken);

        public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadForDecisionAsync(id, cancellationToken);

        public Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken) =>
            losing() ? Task.FromResult(false) : inner.TryCommitAsync(change, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken) => inner.LoadHistoryAsync(id, cancellationToken);

        public Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken) => inner.ListAsync(stage, cancellationToken);
    }
}
