using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Screening;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Officials;

public sealed class MeetingRules
{
    private static readonly DateTimeOffset Start = Now.AddDays(7);

    private static ScheduleMeeting First(DateTimeOffset? start = null, DateTimeOffset? end = null, string? place = "Stadshuset, sal 3", bool online = false) =>
        new(MeetingKind.FirstMeeting, start ?? Start, end ?? (start ?? Start).AddHours(1), place, online, ValueList.Of(new Person("Karin Ek", "karin.ek@navet.example"), Social.Contact), Coordinator);

    private static CaseEvent[] Scheduled => [.. UpTo(Stage.FirstMeeting), .. CaseDecider.Decide(CaseDecider.Replay(UpTo(Stage.FirstMeeting)), First(), new DecisionContext(Now, Policy)).Events];

    [Fact]
    public void A_meeting_is_scheduled_in_its_stage_and_its_invitation_goes_out()
    {
        var state = (RegisteredCase)Given(UpTo(Stage.FirstMeeting)).When(First()).ThenState();

        var meeting = Assert.Single(state.File.Meetings);
        Assert.Equal(("first-1", 0, MeetingStatus.Scheduled), (meeting.Id, meeting.Sequence, meeting.Status));
        var invitation = Assert.Single(CaseReactions.To(new MeetingScheduled(meeting, Coordinator, Now), state).OfType<SendInvitation>());
        Assert.Equal((Start, 2, (string?)null), (invitation.Start, invitation.Attendees.Count, invitation.CancellationReason));

        Given(UpTo(Stage.Scoping)).When(First()).ThenRejected(Iop.Meetings.MeetingRules.WrongStage);
        Given(Scheduled).When(First()).ThenRejected(Iop.Meetings.MeetingRules.AlreadyScheduled);
    }

    [Fact]
    public void A_meeting_in_the_past_without_place_or_ending_before_it_starts_is_refused()
    {
        var firstMeeting = UpTo(Stage.FirstMeeting);
        Given(firstMeeting).When(First(start: Now.AddMinutes(-1))).ThenRejected(Iop.Meetings.MeetingRules.InPast);
        Given(firstMeeting).When(First(end: Start)).ThenRejected(Iop.Meetings.MeetingRules.EndBeforeStart);
        Given(firstMeeting).When(First(end: Start.AddHours(-1))).ThenRejected(Iop.Meetings.MeetingRules.EndBeforeStart);
        Given(firstMeeting).When(First(place: " ")).ThenRejected(Iop.Meetings.MeetingRules.PlaceRequired);
        Given(firstMeeting).When(First(place: null, online: true)).ThenState();
        Given(firstMeeting).When(First() with { Attendees = ValueList<Person>.Empty }).ThenRejected(Iop.Meetings.MeetingRules.AttendeeRequired);
        Given(firstMeeting).When(First() with { Attendees = ValueList.Of(new Person("X", "x@")) }).ThenRejected(Iop.Meetings.MeetingRules.InvalidAttendee);
    }

    private static RecordPastMeeting Past(MeetingKind kind, DateTimeOffset start, string? notes = "Hölls per telefon.") =>
        new(kind, start, start.AddHours(1), "Telefon", false, ValueList.Of(new Person("Karin Ek", "karin.ek@navet.example")), notes, Coordinator);

    [Fact]
    public void A_meeting_held_yesterday_is_recorded_as_held_without_an_invitation()
    {
        var yesterday = Now.AddDays(-1);

        var state = (RegisteredCase)Given(UpTo(Stage.FirstMeeting)).When(Past(MeetingKind.FirstMeeting, yesterday)).ThenState();

        var meeting = Assert.Single(state.File.Meetings);
        Assert.Equal(("first-1", MeetingStatus.Held, yesterday, "Hölls per telefon."), (meeting.Id, meeting.Status, meeting.Start, meeting.Notes));
        Assert.Empty(Given(UpTo(Stage.FirstMeeting)).When(Past(MeetingKind.FirstMeeting, yesterday)).ThenEffects().OfType<SendInvitation>());
    }

    [Fact]
    public void A_follow_up_meeting_recorded_afterwards_moves_the_case_to_the_agreement()
    {
        var state = Given(UpTo(Stage.FollowUpMeeting)).When(Past(MeetingKind.FollowUpMeeting, Now.AddHours(-3))).ThenState();

        Assert.IsType<InAgreementDrafting>(state);
    }

    [Fact]
    public void Only_a_meeting_that_has_begun_less_than_a_year_ago_and_is_not_booked_can_be_recorded_afterwards()
    {
        var firstMeeting = UpTo(Stage.FirstMeeting);
        Given(firstMeeting).When(Past(MeetingKind.FirstMeeting, Now.AddMinutes(5))).ThenRejected(Iop.Meetings.MeetingRules.NotInPast);
        Given(firstMeeting).When(Past(MeetingKind.FirstMeeting, Now.AddYears(-1).AddDays(-1))).ThenRejected(Iop.Meetings.MeetingRules.TooLongAgo);
        Given(firstMeeting).When(Past(MeetingKind.StakeholderMeeting, Now.AddDays(-1))).ThenRejected(Iop.Meetings.MeetingRules.WrongStage);
        Given(Scheduled).When(Past(MeetingKind.FirstMeeting, Now.AddDays(-1))).ThenRejected(Iop.Meetings.MeetingRules.AlreadyScheduled);
        Given(firstMeeting).When(Past(MeetingKind.FirstMeeting, Now.AddDays(-1)) with { Location = null }).ThenRejected(Iop.Meetings.MeetingRules.PlaceRequired);
        Given(firstMeeting).When(Past(MeetingKind.FirstMeeting, Now.AddDays(-1)) with { Attendees = ValueList<Person>.Empty }).ThenRejected(Iop.Meetings.MeetingRules.AttendeeRequired);
        Given(firstMeeting).When(Past(MeetingKind.FirstMeeting, Now.AddDays(-1), notes: new string('n', CaseRules.MaxTextLength + 1))).ThenRejected(CaseRules.NoteTooLong);
    }

    [Fact]
    public void A_meeting_years_ahead_or_with_a_reversed_name_is_refused()
    {
        var firstMeeting = UpTo(Stage.FirstMeeting);
        Given(firstMeeting).When(First(start: Now.AddYears(2).AddDays(1))).ThenRejected(Iop.Meetings.MeetingRules.TooFarAhead);
        Given(firstMeeting).When(First() with { Attendees = ValueList.Of(new Person("Karin\u202Efdp.exe", "karin.ek@navet.example")) }).ThenRejected(Iop.Meetings.MeetingRules.InvalidAttendee);
    }

    [Fact]
    public void Moving_and_cancelling_send_updates_with_a_higher_sequence()
    {
        var moved = Given(Scheduled).When(new RescheduleMeeting("first-1", Start.AddDays(1), Start.AddDays(1).AddHours(2), null, true, Coordinator)).ThenState();
        var meeting = Assert.Single(((RegisteredCase)moved).File.Meetings);
        Assert.Equal((1, Start.AddDays(1), (string?)null, true), (meeting.Sequence, meeting.Start, meeting.Location, meeting.Online));

        var cancelled = CaseDecider.Decide(moved, new CancelMeeting("first-1", "Initiativtagaren är sjuk.", Coordinator), new DecisionContext(Now, Policy));
        var after = cancelled.Events.Aggregate(moved, CaseDecider.Evolve);
        var invitation = Assert.Single(CaseReactions.To(cancelled.Events[0], after).OfType<SendInvitation>());
        Assert.Equal((2, "Initiativtagaren är sjuk."), (invitation.Sequence, invitation.CancellationReason));

        Given(Scheduled).When(new CancelMeeting("first-1", " ", Coordinator)).ThenRejected(CaseRules.ReasonRequired);
        Given(Scheduled).When(new RescheduleMeeting("first-9", Start, Start.AddHours(1), "Rum", false, Coordinator)).ThenRejected(Iop.Meetings.MeetingRules.UnknownMeeting);
    }

    [Fact]
    public void A_meeting_is_recorded_as_held_with_notes_once_it_has_started()
    {
        Given(Scheduled).When(new RecordMeetingHeld("first-1", "Anteckningar.", Coordinator)).ThenRejected(Iop.Meetings.MeetingRules.NotYetStarted);

        var held = CaseDecider.Decide(CaseDecider.Replay(Scheduled), new RecordMeetingHeld("first-1", " Vi gick igenom idén. ", Coordinator), new DecisionContext(Start.AddHours(2), Policy));

        Assert.Equal(new MeetingHeld("first-1", "Vi gick igenom idén.", Coordinator, Start.AddHours(2)), Assert.Single(held.Events));
    }

    [Fact]
    public void The_calendar_event_id_is_kept_once()
    {
        var recorded = Given(Scheduled).When(new RecordCalendarEvent("first-1", "AAMkAGI2", Actor.System)).ThenState();

        Assert.Equal("AAMkAGI2", ((RegisteredCase)recorded).File.Meetings[0].CalendarEventId);
        Given([.. Scheduled, new CalendarEventRecorded("first-1", "AAMkAGI2", Actor.System, Now)])
            .When(new RecordCalendarEvent("first-1", "AAMkAGI2", Actor.System)).ThenRejected(Iop.Meetings.MeetingRules.EventKnown);
    }

    [Fact]
    public void Discontinuing_cancels_the_meetings_still_ahead()
    {
        var discontinued = Given(Scheduled).When(new Discontinue("Inte aktuellt.", Alternative.None, Coordinator)).ThenState();

        Assert.Equal(MeetingStatus.Cancelled, ((RegisteredCase)discontinued).File.Meetings[0].Status);
    }
}
