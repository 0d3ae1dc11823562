using System.Net;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Officials;

/// <summary>Bad meeting input on the case page: a Swedish message, a 4xx, and the case as it was.</summary>
[Collection("Azurite")]
public sealed class MeetingPageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("2026-03-01", "13:00", "14:00", "Mötet skulle börja i det förflutna.")]
    [InlineData("2026-03-10", "14:00", "13:00", "Mötet måste sluta efter att det börjar.")]
    [InlineData("2026-03-10", "13:00", "", "Ange datum (ÅÅÅÅ-MM-DD) och tider (TT:MM).")]
    public async Task A_meeting_in_the_past_or_ending_before_it_starts_is_refused_and_nothing_changes(string date, string start, string end, string message)
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var before = await OfficialsCases.LoadAsync(_app, id);
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        var page = $"/arenden/{id}";

        using var response = await client.PostFormAsync(page, page + "?handler=ScheduleMeeting",
        [
            new("version", before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("kind", "StakeholderMeeting"), new("date", date),
            new("start", start), new("end", end), new("location", "Stadshuset"), new("invite", "Karin Ek|karin.ek@navet.example"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await OfficialsCases.LoadAsync(_app, id)).State.File.Meetings);
    }
}
