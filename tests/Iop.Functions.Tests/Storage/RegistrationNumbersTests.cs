using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Storage.RegistrationNumbers;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class RegistrationNumbersTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset March2026 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly TestCases _cases = new(azurite);

    [Fact]
    public async Task Fifty_concurrent_submissions_get_fifty_gap_free_numbers()
    {
        var cases = Enumerable.Range(0, 50).Select(_ => CaseId.New()).ToList();

        var numbers = await Task.WhenAll(cases.Select(id => Task.Run(() => _cases.Numbers.AllocateAsync(id, March2026, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 50), numbers.Select(n => n.Sequence).Order());
        Assert.Equal(50, numbers.Select(n => n.Value).Distinct().Count());
        Assert.All(numbers, n => Assert.Equal($"KS 2026/{n.Sequence}", n.Value));
    }

    [Fact]
    public async Task Two_processes_allocating_at_once_share_one_gap_free_sequence()
    {
        // Two stores on one table, each with its own turn-taking and remembered counter: two instances of the app.
        var other = new TableRegistrationNumbers(_cases.Tables, _cases.Options, TestCases.Settings, NullLogger<TableRegistrationNumbers>.Instance);
        var stores = new[] { _cases.Numbers, other };
        await other.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);
        await _cases.Numbers.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => stores[i % 2].AllocateAsync(CaseId.New(), March2026, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(3, 60), numbers.Select(n => n.Sequence).Order());
        var next = await other.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);
        Assert.Equal(63, next.Sequence);
    }

    [Fact]
    public async Task A_case_asking_several_times_at_once_gets_one_number()
    {
        var twice = CaseId.New();
        var asks = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? twice : CaseId.New()).ToList();

        var numbers = await Task.WhenAll(asks.Select(id => Task.Run(() => _cases.Numbers.AllocateAsync(id, March2026, CancellationToken.None))));

        Assert.Single(asks.Zip(numbers).Where(x => x.First == twice).Select(x => x.Second).Distinct());
        Assert.Equal(Enumerable.Range(1, 11), numbers.Select(n => n.Sequence).Distinct().Order());
    }

    [Fact]
    public async Task A_case_asking_again_in_another_process_gets_its_number()
    {
        var other = new TableRegistrationNumbers(_cases.Tables, _cases.Options, TestCases.Settings, NullLogger<TableRegistrationNumbers>.Instance);
        var id = CaseId.New();
        await _cases.Numbers.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);
        var first = await _cases.Numbers.AllocateAsync(id, March2026, CancellationToken.None);

        var again = await other.AllocateAsync(id, March2026, CancellationToken.None);
        var next = await _cases.Numbers.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(first.Sequence + 1, next.Sequence);
    }

    [Fact]
    public async Task Asking_again_for_the_same_case_returns_its_number_and_uses_none()
    {
        var first = CaseId.New();

        var a = await _cases.Numbers.AllocateAsync(first, March2026, CancellationToken.None);
        var again = await _cases.Numbers.AllocateAsync(first, March2026, CancellationToken.None);
        var next = await _cases.Numbers.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);

        Assert.Equal(a, again);
        Assert.Equal(a.Sequence + 1, next.Sequence);
    }

    [Fact]
    public async Task A_new_year_in_Swedish_time_starts_at_one()
    {
        // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Stockholm.
        var newYearsNight = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        await _cases.Numbers.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);

        var number = await _cases.Numbers.AllocateAsync(CaseId.New(), newYearsNight, CancellationToken.None);

        Assert.Equal(new RegistrationNumber("KS 2027/1", 2027, 1), number);
    }

    [Fact]
    public async Task The_configured_format_is_applied()
    {
        var settings = Options.Create(new IopOptions { RegistrationNumberFormat = "MK KS {year}/{sequence:000}" });
        var numbers = new TableRegistrationNumbers(_cases.Tables, _cases.Options, settings, NullLogger<TableRegistrationNumbers>.Instance);

        var number = await numbers.AllocateAsync(CaseId.New(), March2026, CancellationToken.None);

        Assert.Equal("MK KS 2026/001", number.Value);
    }
}
