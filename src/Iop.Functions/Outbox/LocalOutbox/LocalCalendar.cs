using Iop.Functions.Calendar;
using Iop.Messaging;

namespace Iop.Functions.Outbox.LocalOutbox;

/// <summary>
/// Invitations for local runs and tests: each one kept in the local outbox as the RFC 5545 <c>.ics</c> an attendee's
/// calendar would receive. The event's id is its UID, as the organiser's calendar would know it.
/// </summary>
internal sealed class LocalCalendar(LocalOutboxStore outbox, TimeProvider time) : ICalendar
{
    public async Task<string> SendAsync(CalendarInvitation invitation, string? eventId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var ics = IcsWriter.Write(invitation, time.GetUtcNow(), cancelled: false);
        await outbox.AddInvitationAsync(invitation, ics, "REQUEST", idempotencyKey, cancellationToken).ConfigureAwait(false);
        return eventId ?? invitation.Uid;
    }

    public Task CancelAsync(CalendarInvitation invitation, string? eventId, string comment, string idempotencyKey, CancellationToken cancellationToken) =>
        outbox.AddInvitationAsync(invitation, IcsWriter.Write(invitation, time.GetUtcNow(), cancelled: true), "CANCEL", idempotencyKey, cancellationToken);
}
