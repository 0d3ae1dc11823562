using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Iop.Functions.Localization;
using Iop.Messaging;

namespace Iop.Functions.Calendar;

/// <summary>
/// Writes an invitation as an RFC 5545 iTIP message (<c>METHOD:REQUEST</c>, or <c>CANCEL</c> for a cancellation): UID
/// and SEQUENCE from the invitation, times in Europe/Stockholm with its VTIMEZONE, the organiser and the attendees.
/// </summary>
internal static class IcsWriter
{
    public const string TimeZoneId = "Europe/Stockholm";

    public static string Write(CalendarInvitation invitation, DateTimeOffset stamp, bool cancelled)
    {
        var calendar = new Ical.Net.Calendar { Method = cancelled ? "CANCEL" : "REQUEST", ProductId = "-//Iop//IOP case workflow//SV" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId));
        var meeting = new CalendarEvent
        {
            Uid = invitation.Uid,
            Sequence = invitation.Sequence,
            Summary = invitation.Subject,
            Description = invitation.TextBody,
            Location = invitation.Location ?? (invitation.Online ? "Microsoft Teams" : null),
            DtStamp = new CalDateTime(stamp.UtcDateTime),
            DtStart = Local(invitation.Start),
            DtEnd = Local(invitation.End),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{invitation.Organizer.Address}") { CommonName = invitation.Organizer.Name },
        };
        foreach (var person in invitation.Attendees)
        {
            meeting.Attendees.Add(new Attendee($"mailto:{person.Address}")
            {
                CommonName = person.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }

        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The invitation could not be written.");
    }

    private static CalDateTime Local(DateTimeOffset instant) => new(SwedishTime.ToLocal(instant).DateTime, TimeZoneId);
}
