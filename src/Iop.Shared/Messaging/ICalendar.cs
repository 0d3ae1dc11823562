namespace Iop.Messaging;

/// <summary>
/// Sends meeting invitations (Outlook through Microsoft Graph in production, RFC 5545 <c>.ics</c> files in the local
/// outbox in development). The organiser's calendar keeps the event; attendees get invitations and updates.
/// </summary>
public interface ICalendar
{
    /// <summary>
    /// Sends a new invitation (<paramref name="eventId"/> null) or an update of the event the calendar knows by
    /// <paramref name="eventId"/>. Returns the calendar's id of the event, to be kept with the meeting.
    /// <paramref name="idempotencyKey"/> is stable across retries of the same effect; a retried creation must not make a
    /// second event (<see cref="CalendarInvitation.Uid"/> is the Graph <c>transactionId</c> and the iCalendar UID).
    /// </summary>
    Task<string> SendAsync(CalendarInvitation invitation, string? eventId, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Cancels the meeting; attendees get a cancellation with <paramref name="comment"/>.</summary>
    Task CancelAsync(CalendarInvitation invitation, string? eventId, string comment, string idempotencyKey, CancellationToken cancellationToken);
}
