using Iop.Cases;
using Iop.Common;
using Iop.Officials;

namespace Iop.Meetings;

/// <summary>The coordinator schedules a meeting; invitations go out.</summary>
public sealed record ScheduleMeeting(MeetingKind Kind, DateTimeOffset Start, DateTimeOffset End, string? Location, bool Online, ValueList<Person> Attendees, Actor By)
    : CaseCommand(By);

/// <summary>The coordinator moves a scheduled meeting; attendees get an update.</summary>
public sealed record RescheduleMeeting(string MeetingId, DateTimeOffset Start, DateTimeOffset End, string? Location, bool Online, Actor By) : CaseCommand(By);

/// <summary>The coordinator cancels a scheduled meeting; attendees get a cancellation.</summary>
public sealed record CancelMeeting(string MeetingId, string Reason, Actor By) : CaseCommand(By);

/// <summary>The coordinator records that a meeting was held, with its notes or minutes.</summary>
public sealed record RecordMeetingHeld(string MeetingId, string? Notes, Actor By) : CaseCommand(By);

/// <summary>
/// The coordinator records a meeting that has already taken place (e.g. a first meeting held by phone yesterday): no
/// invitation goes out; it counts as the stage's meeting held.
/// </summary>
public sealed record RecordPastMeeting(MeetingKind Kind, DateTimeOffset Start, DateTimeOffset End, string? Location, bool Online, ValueList<Person> Attendees, string? Notes, Actor By)
    : CaseCommand(By);

/// <summary>The calendar accepted an invitation and gave the event this id (recorded by the outbox).</summary>
public sealed record RecordCalendarEvent(string MeetingId, string EventId, Actor By) : CaseCommand(By);

/// <summary>A meeting was scheduled.</summary>
public sealed record MeetingScheduled(Meeting Meeting, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A meeting was moved (new time or place); <paramref name="Sequence"/> is the update's sequence number.</summary>
public sealed record MeetingRescheduled(string MeetingId, DateTimeOffset Start, DateTimeOffset End, string? Location, bool Online, int Sequence, Actor By, DateTimeOffset At)
    : CaseEvent(By, At);

/// <summary>A meeting was cancelled.</summary>
public sealed record MeetingCancelled(string MeetingId, string Reason, int Sequence, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A meeting was held.</summary>
public sealed record MeetingHeld(string MeetingId, string? Notes, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A meeting that had already taken place was recorded afterwards (held, with its notes; no invitation was sent).</summary>
public sealed record MeetingRecorded(Meeting Meeting, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The calendar's id of a meeting's event.</summary>
public sealed record CalendarEventRecorded(string MeetingId, string EventId, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stable codes of the rules on meetings.</summary>
public static class MeetingRules
{
    /// <summary>The case has no such meeting.</summary>
    public const string UnknownMeeting = "meeting.unknown";

    /// <summary>That kind of meeting does not belong to the case's stage.</summary>
    public const string WrongStage = "meeting.wrong-stage";

    /// <summary>A meeting of that kind is already scheduled: reschedule it instead.</summary>
    public const string AlreadyScheduled = "meeting.already-scheduled";

    /// <summary>The meeting would start in the past.</summary>
    public const string InPast = "meeting.in-past";

    /// <summary>The meeting ends before (or when) it starts.</summary>
    public const string EndBeforeStart = "meeting.end-before-start";

    /// <summary>A meeting needs a place or to be online.</summary>
    public const string PlaceRequired = "meeting.place-required";

    /// <summary>A meeting needs someone to invite.</summary>
    public const string AttendeeRequired = "meeting.attendee-required";

    /// <summary>An attendee's e-mail address is not valid.</summary>
    public const string InvalidAttendee = "meeting.invalid-attendee";

    /// <summary>The meeting is held or cancelled already.</summary>
    public const string NotScheduled = "meeting.not-scheduled";

    /// <summary>A meeting cannot be recorded as held before it starts.</summary>
    public const string NotYetStarted = "meeting.not-yet-started";

    /// <summary>The calendar event's id is already recorded (a retried delivery).</summary>
    public const string EventKnown = "meeting.event-known";

    /// <summary>A meeting longer than a working day is a mistake.</summary>
    public const string TooLong = "meeting.too-long";

    /// <summary>A meeting recorded afterwards has not started yet: schedule it instead.</summary>
    public const string NotInPast = "meeting.not-in-past";

    /// <summary>A meeting recorded afterwards more than a year ago is a mistyped year.</summary>
    public const string TooLongAgo = "meeting.too-long-ago";

    /// <summary>A meeting more than two years ahead is a mistyped year.</summary>
    public const string TooFarAhead = "meeting.too-far-ahead";
}
