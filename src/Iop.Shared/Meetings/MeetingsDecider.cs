using Iop.Cases;
using Iop.Common;
using Iop.Officials;

namespace Iop.Meetings;

/// <summary>The rules of the process's meetings: scheduled in their stage, moved or cancelled with updates, recorded as held.</summary>
public static class MeetingsDecider
{
    private const int MaxPlace = 200;
    private const int MaxAttendees = 50;
    private const int FurthestAheadYears = 2;
    private static readonly TimeSpan LongestMeeting = TimeSpan.FromHours(10);

    /// <summary>Decides a meeting command.</summary>
    public static Decision Decide(RegisteredCase state, CaseCommand command, DecisionContext context) => command switch
    {
        ScheduleMeeting c => Schedule(state, c, context),
        RescheduleMeeting c => Find(state, c.MeetingId) is not { } m ? Unknown(c.MeetingId)
            : CheckScheduled(m) ?? CheckTimeAndPlace(c.Start, c.End, c.Location, c.Online, context.Now)
            ?? Decision.Accept(new MeetingRescheduled(m.Id, c.Start, c.End, Place(c.Location), c.Online, m.Sequence + 1, c.By, context.Now)),
        CancelMeeting c => Find(state, c.MeetingId) is not { } m ? Unknown(c.MeetingId)
            : CheckScheduled(m) ?? (string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Trim().Length > CaseRules.MaxTextLength
                ? Decision.Reject(CaseRules.ReasonRequired, "Say why the meeting is cancelled.")
                : Decision.Accept(new MeetingCancelled(m.Id, c.Reason.Trim(), m.Sequence + 1, c.By, context.Now))),
        RecordMeetingHeld c => Find(state, c.MeetingId) is not { } m ? Unknown(c.MeetingId) : Held(state, m, c, context),
        RecordPastMeeting c => RecordPast(state, c, context),
        RecordCalendarEvent c => Find(state, c.MeetingId) is not { } m ? Unknown(c.MeetingId)
            : string.IsNullOrWhiteSpace(c.EventId) ? Decision.Reject(MeetingRules.UnknownMeeting, "The calendar gave no event id.")
            : m.CalendarEventId == c.EventId ? Decision.Reject(MeetingRules.EventKnown, "The calendar event is already recorded.")
            : Decision.Accept(new CalendarEventRecorded(m.Id, c.EventId, c.By, context.Now)),
        _ => throw new InvalidOperationException($"{command.GetType().Name} is not a meeting command."),
    };

    /// <summary>Applies a meeting event to the case's meetings.</summary>
    public static ValueList<Meeting> Evolve(ValueList<Meeting> meetings, CaseEvent e) => e switch
    {
        MeetingScheduled x => meetings.Append(x.Meeting).ToValueList(),
        MeetingRescheduled x => Update(meetings, x.MeetingId, m => m with { Start = x.Start, End = x.End, Location = x.Location, Online = x.Online, Sequence = x.Sequence }),
        MeetingCancelled x => Update(meetings, x.MeetingId, m => m with { Status = MeetingStatus.Cancelled, Sequence = x.Sequence }),
        MeetingHeld x => Update(meetings, x.MeetingId, m => m with { Status = MeetingStatus.Held, Notes = x.Notes }),
        MeetingRecorded x => meetings.Append(x.Meeting).ToValueList(),
        CalendarEventRecorded x => Update(meetings, x.MeetingId, m => m with { CalendarEventId = x.EventId }),
        _ => meetings,
    };

    /// <summary>Which meeting belongs to which stage: it is scheduled there.</summary>
    public static MeetingKind? KindFor(RegisteredCase state) => state switch
    {
        AtFirstMeeting => MeetingKind.FirstMeeting,
        AtStakeholderMeeting => MeetingKind.StakeholderMeeting,
        AtFollowUpMeeting => MeetingKind.FollowUpMeeting,
        ActivePartnership => MeetingKind.PartnershipDialogue,
        _ => null,
    };

    private static Decision Schedule(RegisteredCase state, ScheduleMeeting c, DecisionContext context)
    {
        if (CheckNew(state, c.Kind) is { } refused)
        {
            return refused;
        }

        if (CheckTimeAndPlace(c.Start, c.End, c.Location, c.Online, context.Now) is { } invalid)
        {
            return invalid;
        }

        if (CheckAttendees(c.Attendees, out var attendees) is { } wrong)
        {
            return wrong;
        }

        var meeting = new Meeting(NewId(state, c.Kind), c.Kind, c.Start, c.End, Place(c.Location), c.Online, attendees, 0, MeetingStatus.Scheduled, null, null);
        return Decision.Accept(new MeetingScheduled(meeting, c.By, context.Now));
    }

    /// <summary>A meeting held before it was entered: it counts as the stage's meeting held, and no invitation goes out.</summary>
    private static Decision RecordPast(RegisteredCase state, RecordPastMeeting c, DecisionContext context)
    {
        if (CheckNew(state, c.Kind) is { } refused)
        {
            return refused;
        }

        if (c.Start > context.Now)
        {
            return Decision.Reject(MeetingRules.NotInPast, "The meeting has not started yet: schedule it instead.");
        }

        if (c.Start < context.Now.AddYears(-1))
        {
            return Decision.Reject(MeetingRules.TooLongAgo, "A meeting is recorded afterwards at most a year after it was held.");
        }

        // The time and place rules of a booking, checked as if it were booked a moment before it began.
        if (CheckTimeAndPlace(c.Start, c.End, c.Location, c.Online, c.Start.AddTicks(-1)) is { } invalid)
        {
            return invalid;
        }

        if (CheckAttendees(c.Attendees, out var attendees) is { } wrong)
        {
            return wrong;
        }

        var notes = string.IsNullOrWhiteSpace(c.Notes) ? null : c.Notes.Trim();
        if (notes?.Length > CaseRules.MaxTextLength)
        {
            return Decision.Reject(CaseRules.NoteTooLong, $"Notes may be at most {CaseRules.MaxTextLength} characters.");
        }

        var meeting = new Meeting(NewId(state, c.Kind), c.Kind, c.Start, c.End, Place(c.Location), c.Online, attendees, 0, MeetingStatus.Held, null, notes);
        var recorded = new MeetingRecorded(meeting, c.By, context.Now);
        return Decision.Accept([recorded, .. AfterHeld(state, state.File with { Meetings = Evolve(state.File.Meetings, recorded) }, c.Kind, c.By, context)]);
    }

    /// <summary>The stage's meeting, and none of its kind already booked.</summary>
    private static Decision? CheckNew(RegisteredCase state, MeetingKind kind) =>
        KindFor(state) != kind || !Enum.IsDefined(kind) ? Decision.Reject(MeetingRules.WrongStage, $"A {kind} is not held at the stage {state.Stage}.")
        : state.File.Meetings.Any(m => m.Kind == kind && m.IsScheduled) ? Decision.Reject(MeetingRules.AlreadyScheduled, "That meeting is already scheduled: move it, or record it as held.")
        : null;

    private static Decision? CheckAttendees(ValueList<Person> given, out ValueList<Person> attendees)
    {
        attendees = given.Select(p => new Person(SingleLine.Normalise(p.Name), SingleLine.Normalise(p.Email))).DistinctBy(p => p.Email.ToUpperInvariant()).ToValueList();
        return attendees.Count == 0 ? Decision.Reject(MeetingRules.AttendeeRequired, "Invite at least one person.")
            : attendees.Count > MaxAttendees || attendees.Any(p => p.Name.Length is 0 or > OfficialsRules.MaxShortText || !PlainText.IsName(p.Name) || !Email.IsValid(p.Email))
                ? Decision.Reject(MeetingRules.InvalidAttendee, "Every invited person needs a name and a valid e-mail address.")
            : null;
    }

    private static string NewId(RegisteredCase state, MeetingKind kind) => $"{Slug(kind)}-{state.File.Meetings.Count(m => m.Kind == kind) + 1}";

    /// <summary>What the stage's meeting held moves: the stakeholder meeting may start the internal discussion, the follow-up meeting the agreement.</summary>
    private static IEnumerable<CaseEvent> AfterHeld(RegisteredCase state, CaseFile file, MeetingKind kind, Actor by, DecisionContext context) => (state, kind) switch
    {
        (AtStakeholderMeeting, MeetingKind.StakeholderMeeting) => OfficialsDecider.StartInternalDiscussionIfReady(file, by, context),
        (AtFollowUpMeeting, MeetingKind.FollowUpMeeting) => [new AgreementDraftingStarted(by, context.Now)],
        _ => [],
    };

    private static Decision Held(RegisteredCase state, Meeting m, RecordMeetingHeld c, DecisionContext context)
    {
        if (CheckScheduled(m) is { } notScheduled)
        {
            return notScheduled;
        }

        if (m.Start > context.Now)
        {
            return Decision.Reject(MeetingRules.NotYetStarted, "The meeting has not started yet.");
        }

        var notes = string.IsNullOrWhiteSpace(c.Notes) ? null : c.Notes.Trim();
        if (notes?.Length > CaseRules.MaxTextLength)
        {
            return Decision.Reject(CaseRules.NoteTooLong, $"Notes may be at most {CaseRules.MaxTextLength} characters.");
        }

        var held = new MeetingHeld(m.Id, notes, c.By, context.Now);
        return Decision.Accept([held, .. AfterHeld(state, state.File with { Meetings = Evolve(state.File.Meetings, held) }, m.Kind, c.By, context)]);
    }

    private static Decision? CheckTimeAndPlace(DateTimeOffset start, DateTimeOffset end, string? location, bool online, DateTimeOffset now) =>
        start <= now ? Decision.Reject(MeetingRules.InPast, "The meeting would start in the past.")
        : end <= start ? Decision.Reject(MeetingRules.EndBeforeStart, "The meeting must end after it starts.")
        : end - start > LongestMeeting ? Decision.Reject(MeetingRules.TooLong, "A meeting may last at most ten hours.")
        : start > now.AddYears(FurthestAheadYears) ? Decision.Reject(MeetingRules.TooFarAhead, $"A meeting is scheduled at most {FurthestAheadYears} years ahead.")
        : Place(location) is null && !online ? Decision.Reject(MeetingRules.PlaceRequired, "Give a place, or make the meeting online.")
        : location?.Trim().Length > MaxPlace ? Decision.Reject(MeetingRules.PlaceRequired, $"A place may be at most {MaxPlace} characters.")
        : null;

    private static Decision? CheckScheduled(Meeting m) =>
        m.IsScheduled ? null : Decision.Reject(MeetingRules.NotScheduled, "The meeting has already been held or cancelled.");

    private static Meeting? Find(RegisteredCase state, string id) => state.File.Meetings.FirstOrDefault(m => m.Id == id);

    private static Decision Unknown(string id) => Decision.Reject(MeetingRules.UnknownMeeting, $"The case has no meeting '{id}'.");

    private static string? Place(string? location) => string.IsNullOrWhiteSpace(location) ? null : SingleLine.Normalise(location);

    private static string Slug(MeetingKind kind) => kind switch
    {
        MeetingKind.FirstMeeting => "first",
        MeetingKind.StakeholderMeeting => "stakeholder",
        MeetingKind.PartnershipDialogue => "dialogue",
        _ => "follow-up",
    };

    private static ValueList<Meeting> Update(ValueList<Meeting> meetings, string id, Func<Meeting, Meeting> change) =>
        meetings.Select(m => m.Id == id ? change(m) : m).ToValueList();
}
