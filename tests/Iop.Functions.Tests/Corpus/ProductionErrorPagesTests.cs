using System.Net;
using System.Text.Json;

namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// The app in Production shows nothing of its insides: the whole corpus again, and a genuine unhandled exception on a
/// page and in the API. No stack trace, exception type or text, or file path reaches a body or a header.
/// </summary>
[Collection("Azurite")]
public sealed class ProductionErrorPagesTests(ProductionWorld world) : IClassFixture<ProductionWorld>
{
    /// <summary>One row per endpoint; its entries run four at a time (nothing here checks the cases, only the answers).</summary>
    public static TheoryData<string> Endpoints { get; } = [.. BadInputCorpus.All.Select(e => e.Endpoint).Distinct()];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Bad_input_in_production_shows_nothing_of_the_app(string endpoint)
    {
        var leaks = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(BadInputCorpus.All.Where(e => e.Endpoint == endpoint && !e.Costly), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (entry, _) =>
        {
            foreach (var leak in await CorpusRun.LeaksInProductionAsync(world, entry))
            {
                leaks.Add(leak);
            }
        });

        Assert.True(leaks.IsEmpty, string.Join("\n", leaks.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    public async Task An_unhandled_exception_on_a_page_ends_as_the_error_page_and_nothing_more(string method)
    {
        // The organisation's page reads the case through the store, which fails for this case.
        var token = world.Tokens.Create(FailingCaseStore.Failing, "token", world.App.Time.GetUtcNow().AddDays(1));
        using var request = new HttpRequestMessage(new HttpMethod(method), method == "POST" ? $"/portal/{token}/notexisting" : $"/portal/{token}");
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("document", "audit-report"), new("explanation", "x"), new("__RequestVerificationToken", world.AntiforgeryToken(Caller.Coordinator))]);
        }

        using var response = await world.Client(Caller.Coordinator).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        if (method != "HEAD")
        {
            Assert.Contains("Något gick fel", body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("corpus-secret", body, StringComparison.Ordinal);
        Assert.Empty(CorpusRun.Leaks(response, body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/events")]
    public async Task An_unhandled_exception_in_the_api_is_problem_details_without_the_exception(string path)
    {
        using var response = await world.Client(Caller.Coordinator).GetAsync(new Uri($"/api/cases/{FailingCaseStore.Failing}{path}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        foreach (var field in new[] { "exception", "stack", "stackTrace", "errors" })
        {
            Assert.False(problem.RootElement.TryGetProperty(field, out _), $"The problem details carry '{field}': {body}");
        }

        Assert.DoesNotContain("corpus-secret", body, StringComparison.Ordinal);
        Assert.Empty(CorpusRun.Leaks(response, body));
    }

    [Fact]
    public async Task A_command_that_fails_in_the_api_is_problem_details_without_the_exception()
    {
        using var response = await world.Client(Caller.Coordinator).PostAsync(
            new Uri($"/api/cases/{FailingCaseStore.Failing}/discontinue", UriKind.Relative),
            new StringContent("{\"reason\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("corpus-secret", body, StringComparison.Ordinal);
        Assert.Empty(CorpusRun.Leaks(response, body));
    }
}
