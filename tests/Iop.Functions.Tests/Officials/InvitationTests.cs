using System.Net;
using Iop.Common;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Messaging;

namespace Iop.Functions.Tests.Officials;

/// <summary>Invitations as attendees' calendars receive them: RFC 5545, parsed back with Ical.Net.</summary>
[Collection("Azurite")]
public sealed class InvitationTests(AzuriteFixture azurite)
{
    private readonly TestCases _cases = new(azurite);

    private LocalOutboxStore Outbox => new(_cases.Tables, _cases.Options, _cases.Time);

    private static readonly DateTimeOffset Start = new(2026, 6, 15, 8, 0, 0, TimeSpan.Zero);

    private static CalendarInvitation Invitation(int sequence = 0, DateTimeOffset? start = null) => new(
        "case-1-stakeholder-1@iop",
        sequence,
        "Dialogmöte om IOP-initiativ: Föreningen Navet – KS 2026/7",
        "Dialogmöte om IOP-initiativ från Föreningen Navet.",
        start ?? Start,
        (start ?? Start).AddHours(2),
        "Stadshuset, sal 3",
        Online: false,
        new MailAddress("IOP-samordnaren", "iop@mora.example"),
        ValueList.Of(new MailAddress("Karin Ek", "karin.ek@navet.example"), new MailAddress("Tomas Persson", "tomas.persson@mora.example")));

    private async Task<Ical.Net.Calendar> StoredAsync(string key)
    {
        var rowKey = Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(key));
        var ics = await Outbox.FindInvitationAsync(rowKey, CancellationToken.None);
        Assert.NotNull(ics);
        return Ical.Net.Calendar.Load(ics)!;
    }

    [Fact]
    public async Task An_invitation_names_organiser_and_attendees_with_Stockholm_times()
    {
        var calendar = new LocalCalendar(Outbox, _cases.Time);
        var key = $"{Guid.NewGuid():N}/3/0";

        var eventId = await calendar.SendAsync(Invitation(), null, key, CancellationToken.None);

        var ics = await StoredAsync(key);
        Assert.Equal("REQUEST", ics.Method);
        var meeting = Assert.Single(ics.Events);
        Assert.Equal(("case-1-stakeholder-1@iop", 0), (meeting.Uid, meeting.Sequence));
        Assert.Equal(eventId, meeting.Uid);
        Assert.Equal("Europe/Stockholm", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 6, 15, 10, 0, 0), meeting.DtStart.Value);
        Assert.Equal(Start.UtcDateTime, meeting.DtStart.AsUtc);
        Assert.Equal(Start.AddHours(2).UtcDateTime, meeting.DtEnd!.AsUtc);
        Assert.Single(ics.TimeZones, z => z.TzId == "Europe/Stockholm");
        Assert.Equal("mailto:iop@mora.example", meeting.Organizer!.Value!.ToString());
        Assert.Equal(
            [("mailto:karin.ek@navet.example", "Karin Ek"), ("mailto:tomas.persson@mora.example", "Tomas Persson")],
            meeting.Attendees.Select(a => (a.Value!.ToString(), a.CommonName)));
        Assert.All(meeting.Attendees, a => Assert.Equal(("REQ-PARTICIPANT", "NEEDS-ACTION", true), (a.Role, a.ParticipationStatus, a.Rsvp)));
        Assert.Equal("Stadshuset, sal 3", meeting.Location);
    }

    [Fact]
    public async Task An_update_raises_the_sequence_and_a_cancellation_says_CANCEL()
    {
        var calendar = new LocalCalendar(Outbox, _cases.Time);
        var id = Guid.NewGuid().ToString("N");
        var eventId = await calendar.SendAsync(Invitation(), null, $"{id}/1/0", CancellationToken.None);

        var updatedId = await calendar.SendAsync(Invitation(1, Start.AddDays(1)), eventId, $"{id}/2/0", CancellationToken.None);
        await calendar.CancelAsync(Invitation(2, Start.AddDays(1)), eventId, "Sjukdom.", $"{id}/3/0", CancellationToken.None);

        Assert.Equal(eventId, updatedId);
        var update = Assert.Single((await StoredAsync($"{id}/2/0")).Events);
        Assert.Equal((1, new DateTime(2026, 6, 16, 10, 0, 0)), (update.Sequence, update.DtStart!.Value));
        var cancellation = await StoredAsync($"{id}/3/0");
        Assert.Equal("CANCEL", cancellation.Method);
        var cancelled = Assert.Single(cancellation.Events);
        Assert.Equal((2, "CANCELLED", "case-1-stakeholder-1@iop"), (cancelled!.Sequence, cancelled.Status, cancelled.Uid));
    }

    [Fact]
    public async Task A_retried_invitation_is_stored_once()
    {
        var calendar = new LocalCalendar(Outbox, _cases.Time);
        var key = $"{Guid.NewGuid():N}/1/0";

        await calendar.SendAsync(Invitation(), null, key, CancellationToken.None);
        await calendar.SendAsync(Invitation(), null, key, CancellationToken.None);

        var all = await Outbox.ListAsync(LocalOutboxStore.CalendarPartition, 1000, CancellationToken.None);
        Assert.Single(all, m => m.IdempotencyKey == key);
    }

    [Fact]
    public async Task A_meeting_scheduled_on_the_case_page_reaches_dev_outbox_as_a_downloadable_ics_and_its_event_is_kept()
    {
        // Storage of its own: /dev/outbox lists every invitation in its table, and other tests book meetings meanwhile.
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Guid.NewGuid().ToString("N")[..8]);
        var id = await OfficialsCases.ScopedAsync(app, "socialnamnden");
        var client = app.Pages();
        await client.SignInAsCoordinatorAsync();
        var page = $"/arenden/{id}";
        var html = await client.GetStringAsync(page);

        using var posted = await client.PostFormAsync(page, page + "?handler=ScheduleMeeting",
        [
            new("version", PageClient.HiddenValue(html, "version")), new("kind", "StakeholderMeeting"), new("date", "2026-03-10"), new("start", "13:00"), new("end", "14:30"),
            new("location", "Stadshuset, sal 3"), new("online", "true"), new("invite", "Karin Ek|karin.ek@navet.example"), new("invite", "Tomas Persson|tomas.persson@mora.example"),
        ]);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        Meetings.Meeting? meeting = null;
        for (var attempt = 0; attempt < 40 && meeting?.CalendarEventId is null; attempt++)
        {
            await Task.Delay(250);
            meeting = (await OfficialsCases.LoadAsync(app, id)).State.File.Meetings.SingleOrDefault();
        }

        Assert.Equal($"{id}-stakeholder-1@iop", meeting?.CalendarEventId);
        var outbox = await client.GetStringAsync("/dev/outbox");
        Assert.Contains("Dialogmöte om IOP-initiativ: Föreningen Navet", outbox, StringComparison.Ordinal);
        Assert.Contains("10 mars 2026 kl. 13:00–14:30", outbox, StringComparison.Ordinal);
        var download = System.Text.RegularExpressions.Regex.Match(outbox, "href=\"(/dev/outbox\\?handler=Ics&amp;key=[0-9A-F]+)\"");
        Assert.True(download.Success, "The outbox offers no .ics download.");
        using var ics = await client.Http.GetAsync(new Uri(WebUtility.HtmlDecode(download.Groups[1].Value), UriKind.Relative));
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var parsed = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        var invited = Assert.Single(parsed.Events);
        Assert.Equal(new DateTime(2026, 3, 10, 13, 0, 0), invited!.DtStart!.Value);
        Assert.Equal(2, invited.Attendees.Count);
    }
}
