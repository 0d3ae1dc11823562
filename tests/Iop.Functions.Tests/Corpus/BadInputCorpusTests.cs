namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// Every endpoint fed malformed, oversized, hostile and out-of-order input: never a server error, never a change to a
/// case, never a blob without its record. Each entry is its own row, so a failure names the endpoint and the input.
/// </summary>
[Collection("Azurite")]
public sealed class BadInputCorpusTests(DevelopmentWorld world) : IClassFixture<DevelopmentWorld>
{
    public static TheoryData<string> Entries { get; } = [.. BadInputCorpus.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Entries))]
    public Task Bad_input_is_answered_without_a_server_error_and_changes_nothing(string entry) =>
        CorpusRun.RunAsync(world, BadInputCorpus.Find(entry));

    /// <summary>The Production check is no formality: on the developer's error page it sees the exception.</summary>
    [Fact]
    public async Task The_leak_check_sees_what_the_developer_error_page_shows()
    {
        var token = world.Tokens.Create(FailingCaseStore.Failing, "token", world.App.Time.GetUtcNow().AddDays(1));
        using var response = await world.Client(Caller.Coordinator).GetAsync(new Uri($"/portal/{token}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Contains(CorpusRun.Leaks(response, body), leak => leak.Contains("Exception", StringComparison.Ordinal));
        Assert.Contains("corpus-secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_endpoint_of_the_app_has_corpus_entries()
    {
        var endpoints = await AppEndpoints.ListAsync(world.App.Services);
        var covered = BadInputCorpus.All.Select(e => e.Endpoint).ToHashSet(StringComparer.Ordinal);

        var missing = endpoints.Where(e => !covered.Contains(e)).ToList();
        var gone = covered.Where(e => !endpoints.Contains(e)).ToList();

        Assert.True(missing.Count == 0, $"Endpoints without corpus entries (add them to BadInputCorpus):\n{string.Join("\n", missing)}");
        Assert.True(gone.Count == 0, $"Corpus entries for endpoints the app no longer has:\n{string.Join("\n", gone)}");
    }
}
