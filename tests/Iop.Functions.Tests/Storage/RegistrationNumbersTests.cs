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
