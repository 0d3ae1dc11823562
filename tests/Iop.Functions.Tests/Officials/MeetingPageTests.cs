using System.Net;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Meetings;
using Microsoft.Extensions.DependencyInjection;

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

        using var response = await PostMeetingAsync(_app, id, "ScheduleMeeting", date, start, end, "Stadshuset");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await OfficialsCases.LoadAsync(_app, id)).State.File.Meetings);
    }

    [Fact]
    public async Task A_stakeholder_meeting_held_yesterday_is_recorded_afterwards_without_an_invitation()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Guid.NewGuid().ToString("N")[..8]);
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");
        var client = app.Pages();
        await client.SignInAsCoordinatorAsync();
        var form = await client.GetStringAsync($"/arenden/{id}");

        using var response = await PostMeetingAsync(app, id, "RecordMeeting", "2026-03-01", "13:00", "14:30", "Telefon", "Alla var med per telefon.");

        Assert.Contains("Mötet har redan hållits – registrera det i efterhand", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mötet är registrerat som hållet. Ingen inbjudan skickades.", html, StringComparison.Ordinal);
        Assert.Contains("registrerades i efterhand (ingen inbjudan skickades)", html, StringComparison.Ordinal);
        var meeting = Assert.Single((await OfficialsCases.LoadAsync(app, id)).State.File.Meetings);
        Assert.Equal((MeetingKind.StakeholderMeeting, MeetingStatus.Held, "Alla var med per telefon."), (meeting.Kind, meeting.Status, meeting.Notes));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.CalendarPartition, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_meeting_tomorrow_cannot_be_recorded_as_held_and_nothing_changes()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var before = await OfficialsCases.LoadAsync(_app, id);

        using var response = await PostMeetingAsync(_app, id, "RecordMeeting", "2026-03-03", "13:00", "14:00", "Telefon");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mötet har inte börjat ännu. Boka det i stället.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await OfficialsCases.LoadAsync(_app, id)).Version);
    }

    /// <summary>The case page's stakeholder-meeting form (book, or record afterwards) posted by a signed-in coordinator at the case's version.</summary>
    private static async Task<HttpResponseMessage> PostMeetingAsync(IopAppFactory app, Cases.CaseId id, string handler, string date, string start, string end, string place, string? notes = null)
    {
        var client = app.Pages();
        await client.SignInAsCoordinatorAsync();
        var page = $"/arenden/{id}";
        var version = (await OfficialsCases.LoadAsync(app, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] fields =
        [
            new("version", version), new("kind", "StakeholderMeeting"), new("date", date), new("start", start), new("end", end), new("location", place),
            new("invite", "Karin Ek|karin.ek@navet.example"),
        ];
        return await client.PostFormAsync(page, $"{page}?handler={handler}", notes is null ? fields : [.. fields, new("notes", notes)]);
    }
}
