using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

public sealed class WaitingOnTests
{
    private static ValueList<Awaited> Of(params CaseEvent[] history) => WaitingOn.Of((RegisteredCase)CaseDecider.Replay(history), Policy.Reminders);

    [Fact]
    public void A_new_initiative_waits_on_the_coordinator_to_screen_it_within_the_guidelines_days()
    {
        var awaited = Assert.Single(Of(Submitted));

        Assert.Equal(PartyKind.Coordinator, awaited.Kind);
        Assert.Equal(Now.AddDays(Policy.Reminders.ScreeningDueDays), awaited.DueAt);
    }

    [Fact]
    public void During_vetting_the_case_waits_on_the_organisations_contact_person_until_the_documents_are_due()
    {
        var awaited = Assert.Single(Of(UpTo(Stage.PartnerVetting)));

        Assert.Equal(new Awaited(PartyKind.Organisation, "Karin Ek", "Föreningen Navet", Due), awaited);
    }

    [Fact]
    public void A_booked_meeting_is_the_coordinators_next_step_on_its_day()
    {
        var start = Now.AddDays(5);
        var booked = new MeetingScheduled(
            new Meeting("m1", MeetingKind.FirstMeeting, start, start.AddHours(1), "Stadshuset", false, ValueList.Of(new Person("Karin Ek", "karin.ek@navet.example")), 0, MeetingStatus.Scheduled, null, null),
            Coordinator,
            Now);

        var before = Assert.Single(Of(Submitted, Screened));
        var after = Assert.Single(Of(Submitted, Screened, booked));

        Assert.Equal((PartyKind.Coordinator, (DateTimeOffset?)null), (before.Kind, before.DueAt));
        Assert.Equal((PartyKind.Coordinator, (DateTimeOffset?)start), (after.Kind, after.DueAt));
    }

    [Theory]
    [InlineData(Stage.Received)]
    [InlineData(Stage.FirstMeeting)]
    [InlineData(Stage.PartnerVetting)]
    [InlineData(Stage.Scoping)]
    [InlineData(Stage.StakeholderMeeting)]
    [InlineData(Stage.InternalDiscussion)]
    [InlineData(Stage.FollowUpMeeting)]
    [InlineData(Stage.AgreementDrafting)]
    [InlineData(Stage.CommitteeDecision)]
    public void Every_open_stage_waits_on_someone(Stage stage) => Assert.NotEmpty(Of(UpTo(stage)));

    [Theory]
    [InlineData(Stage.Active)]
    [InlineData(Stage.Ended)]
    public void A_partnership_waits_on_no_one_in_the_case_list(Stage stage) => Assert.Empty(Of(UpTo(stage)));

    [Fact]
    public void The_summary_carries_the_earliest_due_date_of_everyone_waited_on_and_the_search_fields()
    {
        var state = (RegisteredCase)CaseDecider.Replay(UpTo(Stage.PartnerVetting));

        var summary = CaseSummary.Of(state, 3, Now, Policy);

        Assert.Equal(Due, summary.DueAt);
        Assert.Equal(("802012-3454", "Karin Ek", "karin.ek@navet.example"), (summary.OrganisationNumber, summary.ContactName, summary.ContactEmail));
        Assert.Equal(PartyKind.Organisation, Assert.Single(summary.WaitingOn).Kind);
    }
}
