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
        CalendarEventRecorded x => Update(meetings, x.MeetingId, m => m with { CalendarEventId = x.EventId }),
        _ => meetings,
    };

    /// <summary>Which meeting belongs to which stage: it is scheduled there.</summary>
    public static MeetingKind? KindFor(RegisteredCase state) => state switch
    {
        AtFirstMeeting => MeetingKind.FirstMeeting,
        AtStakeholderMeeting => MeetingKind.StakeholderMeeting,
        AtFollowUpMeeting => MeetingKind.FollowUpMeeting,
        _ => null,
    };

    private static Decision Schedule(RegisteredCase state, ScheduleMeeting c, DecisionContext context)
    {
        if (KindFor(state) != c.Kind || !Enum.IsDefined(c.Kind))
        {
            return Decision.Reject(MeetingRules.WrongStage, $"A {c.Kind} is not scheduled at the stage {state.Stage}.");
        }

        var meetings = state.File.Meetings;
        if (meetings.Any(m => m.Kind == c.Kind && m.IsScheduled))
        {
            return Decision.Reject(MeetingRules.AlreadyScheduled, "That meeting is already scheduled: move it instead.");
        }

        if (CheckTimeAndPlace(c.Start, c.End, c.Location, c.Online, context.Now) is { } invalid)
        {
            return invalid;
        }

        var attendees = c.Attendees.Select(p => new Person(SingleLine.Normalise(p.Name), SingleLine.Normalise(p.Email))).DistinctBy(p => p.Email.ToUpperInvariant()).ToValueList();
        if (attendees.Count == 0)
        {
            return Decision.Reject(MeetingRules.AttendeeRequired, "Invite at least one person.");
        }

        if (attendees.Count > MaxAttendees || attendees.Any(p => p.Name.Length is 0 or > OfficialsRules.MaxShortText || !PlainText.IsName(p.Name) || !Email.IsValid(p.Email)))
        {
            return Decision.Reject(MeetingRules.InvalidAttendee, "Every invited person needs a name and a valid e-mail address.");
        }

        var id = $"{Slug(c.Kind)}-{meetings.Count(m => m.Kind == c.Kind) + 1}";
        var meeting = new Meeting(id, c.Kind, c.Start, c.End, Place(c.Location), c.Online, attendees, 0, MeetingStatus.Scheduled, null, null);
        return Decision.Accept(new MeetingScheduled(meeting, c.By, context.Now));
    }

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
        var file = state.File with { Meetings = Evolve(state.File.Meetings, held) };
        IEnumerable<CaseEvent> next = (state, m.Kind) switch
        {
            (AtStakeholderMeeting, MeetingKind.StakeholderMeeting) => OfficialsDecider.StartInternalDiscussionIfReady(file, c.By, context),
            (AtFollowUpMeeting, MeetingKind.FollowUpMeeting) => [new AgreementDraftingStarted(c.By, context.Now)],
            _ => [],
        };
        return Decision.Accept([held, .. next]);
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
        _ => "follow-up",
    };

    private static ValueList<Meeting> Update(ValueList<Meeting> meetings, string id, Func<Meeting, Meeting> change) =>
        meetings.Select(m => m.Id == id ? change(m) : m).ToValueList();
}
