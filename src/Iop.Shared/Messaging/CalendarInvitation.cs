using Iop.Common;

namespace Iop.Messaging;

/// <summary>A meeting invitation as it goes out, in the attendees' language (Swedish by default).</summary>
/// <param name="Uid">Stable for the meeting across updates: the iCalendar UID and the Graph <c>transactionId</c>.</param>
/// <param name="Sequence">0 for the first invitation, one more for every update or the cancellation.</param>
/// <param name="Subject">The subject, which carries the case's registration number.</param>
/// <param name="TextBody">The plain-text description.</param>
/// <param name="Start">When the meeting starts.</param>
/// <param name="End">When it ends (after <paramref name="Start"/>).</param>
/// <param name="Location">Where, for a meeting in a room; null when online only.</param>
/// <param name="Online">Whether the meeting is online (a Teams meeting in production).</param>
/// <param name="Organizer">Who sends the invitation (the municipality's IOP mailbox on behalf of the coordinator).</param>
/// <param name="Attendees">The invited people.</param>
public sealed record CalendarInvitation(
    string Uid,
    int Sequence,
    string Subject,
    string TextBody,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Location,
    bool Online,
    MailAddress Organizer,
    ValueList<MailAddress> Attendees);
