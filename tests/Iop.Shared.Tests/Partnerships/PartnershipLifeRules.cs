using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Partnerships;
using Iop.Policies;
using Iop.Vetting;
using Iop.Waiting;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Partnerships;

/// <summary>
/// The running partnership's life on its calendar: follow-up dialogues with their record, the organisation's yearly
/// report through its own link with reminders and escalation, notice, rescission, and disputes up the ladder.
/// The term is 2026-07-01 – 2029-06-30, signed 2026-03-02 (see <see cref="Cases.Spec"/>).
/// </summary>
public sealed class PartnershipLifeRules
{
    private static ActivePartnership Active() => (ActivePartnership)CaseDecider.Replay([.. UpTo(Stage.Active)]);

    private static Decision Decide(CaseState state, CaseCommand command, DateTimeOffset at, PolicyProfile? policy = null) =>
        CaseDecider.Decide(state, command, new DecisionContext(at, policy ?? Policy));

    private static CaseState Apply(CaseState state, Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.Message);
        return decision.Events.Aggregate(state, CaseDecider.Evolve);
    }

    private static DateTimeOffset Swedish(int year, int month, int day, int hour = 0, int minute = 0) =>
        SwedishClock.FromLocal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    private static RecordFollowUp FollowUp(DateOnly heldOn, params CoFinancing[] contributions) =>
        new(heldOn, null, "Läxhjälp två kvällar i veckan, 40 barn.", [.. contributions], "Fler språk i läxhjälpen.", "Målen nås.", "Bra samarbete, lokalen är trång.", Coordinator);

    [Fact]
    public void Follow_ups_are_planned_yearly_from_the_start_and_the_coordinator_is_reminded_a_month_before_and_when_late()
    {
        var state = Active();

        Assert.Equal([new DateOnly(2027, 7, 1), new DateOnly(2028, 7, 1)], FollowUps.Plan(state, Policy.Partnership).Select(p => p.DueOn));
        var steps = PartnershipTerms.Steps(state, Policy.Partnership).Where(s => s.Key.StartsWith("followup", StringComparison.Ordinal)).ToList();
        Assert.Equal(["followup-soon@20270701", "followup-late@20270701"], steps.Select(s => s.Key));
        Assert.Equal([Swedish(2027, 6, 1, 8), Swedish(2027, 7, 31, 8)], steps.Select(s => s.At));

        var soon = Decide(state, new CheckDeadlines(Actor.System), Swedish(2027, 6, 1, 9));
        var reminded = Assert.Single(soon.Events.OfType<FollowUpReminded>());
        Assert.Equal((new DateOnly(2027, 7, 1), false), (reminded.DueOn, reminded.Late));
        state = (ActivePartnership)Apply(state, soon);
        var effects = soon.Events.SelectMany(e => CaseReactions.To(e, state)).OfType<NotifyCoordinator>();
        Assert.Contains(effects, n => n.Notice == CoordinatorNotice.FollowUpDue && n.Items![0] == "2027-07-01");
        Assert.Empty(Decide(state, new CheckDeadlines(Actor.System), Swedish(2027, 7, 30)).Events.OfType<FollowUpReminded>());

        var late = Decide(state, new CheckDeadlines(Actor.System), Swedish(2027, 7, 31, 9));
        Assert.True(Assert.Single(late.Events.OfType<FollowUpReminded>()).Late);
        state = (ActivePartnership)Apply(state, late);

        // Recording the dialogue fulfils the first follow-up; the calendar moves on to the next.
        var recorded = (ActivePartnership)Apply(state, Decide(state, FollowUp(new DateOnly(2027, 8, 10), new CoFinancing(Party.Municipality, 2027, 250_000m, null), new CoFinancing(Party.Organisation, 2027, 0m, "ideell tid, 1 200 timmar")), Swedish(2027, 8, 11, 10)));
        var record = Assert.Single(recorded.File.FollowUps);
        Assert.Equal(new DateOnly(2027, 7, 1), record.DueOn);
        Assert.Equal(new DateOnly(2028, 7, 1), FollowUps.NextDue(recorded, Policy.Partnership));
        Assert.Equal(["followup-soon@20280701", "followup-late@20280701"], PartnershipTerms.Steps(recorded, Policy.Partnership).Where(s => s.Key.StartsWith("followup", StringComparison.Ordinal)).Select(s => s.Key));
    }

    [Fact]
    public void A_follow_up_record_needs_its_texts_a_real_date_and_sound_contributions()
    {
        var state = Active();
        var at = Swedish(2027, 8, 11, 10);

        Assert.Equal(FollowUpRules.HeldOnInvalid, Decide(state, FollowUp(new DateOnly(2027, 8, 12)), at).Error!.Rule);
        Assert.Equal(FollowUpRules.HeldOnInvalid, Decide(state, FollowUp(new DateOnly(2026, 6, 30)), at).Error!.Rule);
        Assert.Equal(FollowUpRules.TextRequired, Decide(state, FollowUp(new DateOnly(2027, 8, 10)) with { OrganisationAssessment = " " }, at).Error!.Rule);
        Assert.Equal(FollowUpRules.ContributionInvalid, Decide(state, FollowUp(new DateOnly(2027, 8, 10), new CoFinancing(Party.Municipality, 2028, 1m, null)), at).Error!.Rule);
        Assert.Equal(FollowUpRules.ContributionInvalid, Decide(state, FollowUp(new DateOnly(2027, 8, 10), new CoFinancing(Party.Municipality, 2027, -1m, null)), at).Error!.Rule);
        Assert.Equal(FollowUpRules.ContributionInvalid, Decide(state, FollowUp(new DateOnly(2027, 8, 10), new CoFinancing(Party.Organisation, 2027, 0m, " ")), at).Error!.Rule);
        Assert.Equal(FollowUpRules.ContributionInvalid, Decide(state, FollowUp(new DateOnly(2027, 8, 10), new CoFinancing(Party.Organisation, 2027, 1m, null), new CoFinancing(Party.Organisation, 2027, 2m, null)), at).Error!.Rule);
        Assert.Equal(FollowUpRules.MeetingInvalid, Decide(state, FollowUp(new DateOnly(2027, 8, 10)) with { MeetingId = "first-1" }, at).Error!.Rule);

        // An early extra dialogue (two months in) does not count as the yearly follow-up.
        var extra = (ActivePartnership)Apply(state, Decide(state, FollowUp(new DateOnly(2026, 9, 1)), Swedish(2026, 9, 2)));
        Assert.Null(Assert.Single(extra.File.FollowUps).DueOn);
        Assert.Equal(new DateOnly(2027, 7, 1), FollowUps.NextDue(extra, Policy.Partnership));
    }

    [Fact]
    public void A_follow_up_dialogue_is_booked_as_a_meeting_and_its_record_names_it()
    {
        var state = (CaseState)Active();
        var at = Swedish(2027, 6, 10, 10);
        ValueList<Person> attendees = [new Person("Kim Andersson", "kim@example.org")];
        state = Apply(state, Decide(state, new ScheduleMeeting(MeetingKind.PartnershipDialogue, Swedish(2027, 6, 20, 10), Swedish(2027, 6, 20, 11), "Föreningshuset", false, attendees, Coordinator), at));
        var meeting = Assert.Single(((RegisteredCase)state).File.Meetings, m => m.Kind == MeetingKind.PartnershipDialogue);
        Assert.Equal("dialogue-1", meeting.Id);
        Assert.Equal(FollowUpRules.MeetingInvalid, Decide(state, FollowUp(new DateOnly(2027, 6, 20)) with { MeetingId = meeting.Id }, Swedish(2027, 6, 21)).Error!.Rule);

        state = Apply(state, Decide(state, new RecordMeetingHeld(meeting.Id, "Uppföljning enligt plan.", Coordinator), Swedish(2027, 6, 20, 12)));
        var recorded = (ActivePartnership)Apply(state, Decide(state, FollowUp(new DateOnly(2027, 6, 20)) with { MeetingId = meeting.Id }, Swedish(2027, 6, 21)));
        Assert.Equal(meeting.Id, recorded.File.FollowUps[0].MeetingId);
        Assert.Equal(FollowUpRules.MeetingInvalid, Decide(recorded, FollowUp(new DateOnly(2027, 6, 20)) with { MeetingId = meeting.Id }, Swedish(2027, 6, 22)).Error!.Rule);
    }

    [Fact]
    public void The_calendar_asks_for_the_yearly_report_in_January_and_it_is_reminded_and_escalated_as_in_vetting()
    {
        var state = Active();
        var request = Assert.Single(PartnershipTerms.Steps(state, Policy.Partnership), s => s.Key == "report-request@2026");
        Assert.Equal(Swedish(2027, 1, 15, 8), request.At);
        Assert.Equal(Swedish(2028, 1, 17, 8), PartnershipTerms.Steps(state, Policy.Partnership).Single(s => s.Key == "report-request@2027").At);

        var asked = Decide(state, new CheckDeadlines(Actor.System), Swedish(2027, 1, 15, 8, 1));
        var requested = Assert.Single(asked.Events.OfType<YearlyReportRequested>());
        Assert.Equal((2026, 1, Swedish(2027, 3, 31, 23, 59)), (requested.Year, requested.Issue, requested.DueAt));
        state = (ActivePartnership)Apply(state, asked);
        var mail = Assert.IsType<SendReportLink>(Assert.Single(asked.Events.SelectMany(e => CaseReactions.To(e, state)).OfType<SendReportLink>()));
        Assert.Equal((2026, 1, false, Initiative.Contact.Email), (mail.Year, mail.Issue, mail.Reminder, mail.ToEmail));
        Assert.Contains("report-2026~1@20270331T2159", Waits.Keys(state));
        Assert.DoesNotContain(PartnershipTerms.Steps(state, Policy.Partnership), s => s.Key == "report-request@2026");

        var reminder = Decide(state, new CheckDeadlines(Actor.System), requested.DueAt.AddDays(-Policy.Reminders.FirstReminderDaysBeforeDue).AddHours(1));
        Assert.Single(reminder.Events.OfType<YearlyReportReminded>());
        state = (ActivePartnership)Apply(state, reminder);
        Assert.True(Assert.Single(reminder.Events.SelectMany(e => CaseReactions.To(e, state)).OfType<SendReportLink>()).Reminder);

        var overdue = Decide(state, new CheckDeadlines(Actor.System), requested.DueAt.AddDays(Policy.Reminders.EscalateAfterDaysOverdue + 3));
        Assert.Single(overdue.Events.OfType<YearlyReportEscalated>());
        state = (ActivePartnership)Apply(state, overdue);
        Assert.Contains(overdue.Events.SelectMany(e => CaseReactions.To(e, state)).OfType<NotifyCoordinator>(), n => n.Notice == CoordinatorNotice.YearlyReportOverdue);

        // The organisation sends it: the wait ends and the coordinator is told.
        var file = new UploadedFile("f1", "verksamhetsberattelse-2026.pdf", "application/pdf", 1234, new string('a', 64), Swedish(2027, 4, 20));
        var submit = new SubmitYearlyReport(2026, 1, " Vi höll öppet 120 kvällar. ", [new CoFinancing(Party.Organisation, 2026, 0m, "ideell tid, 600 timmar"), new CoFinancing(Party.Municipality, 2026, 120_000m, null)], [file], Initiator);
        var sent = (ActivePartnership)Apply(state, Decide(state, submit, Swedish(2027, 4, 20, 10)));
        var report = Assert.Single(sent.File.YearlyReports);
        Assert.False(report.IsOpen);
        Assert.Equal("Vi höll öppet 120 kvällar.", report.Submission!.Activity);
        Assert.Equal([Party.Municipality, Party.Organisation], report.Submission.Contributions.Select(c => c.Party));
        Assert.DoesNotContain(Waits.Keys(sent), k => k.StartsWith("report-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_is_sent_only_through_its_current_link_before_it_expires_and_with_its_activity()
    {
        var state = Active();
        var at = Swedish(2027, 2, 1, 10);
        Assert.Equal(YearlyReportRules.YearInvalid, Decide(state, new RequestYearlyReport(2025, new DateOnly(2027, 3, 1), Coordinator), at).Error!.Rule);
        Assert.Equal(YearlyReportRules.YearInvalid, Decide(state, new RequestYearlyReport(2028, new DateOnly(2027, 3, 1), Coordinator), at).Error!.Rule);
        Assert.Equal(YearlyReportRules.DueInvalid, Decide(state, new RequestYearlyReport(2026, new DateOnly(2027, 2, 1), Coordinator), at).Error!.Rule);

        state = (ActivePartnership)Apply(state, Decide(state, new RequestYearlyReport(2026, new DateOnly(2027, 3, 1), Coordinator), at));
        state = (ActivePartnership)Apply(state, Decide(state, new RequestYearlyReport(2026, new DateOnly(2027, 3, 15), Coordinator), at.AddDays(1)));
        var report = Assert.Single(state.File.YearlyReports);
        Assert.Equal(2, report.Issue);

        SubmitYearlyReport Submit(int issue, string? activity = "Verksamheten gick enligt plan.", int year = 2026) => new(year, issue, activity, [], [], Initiator);
        Assert.Equal(YearlyReportRules.LinkRevoked, Decide(state, Submit(1), at.AddDays(2)).Error!.Rule);
        Assert.Equal(YearlyReportRules.LinkRevoked, Decide(state, Submit(1, year: 2027), at.AddDays(2)).Error!.Rule);
        Assert.Equal(YearlyReportRules.ActivityRequired, Decide(state, Submit(2, " "), at.AddDays(2)).Error!.Rule);
        Assert.Equal(YearlyReportRules.LinkExpired, Decide(state, Submit(2), report.LinkExpiresAt).Error!.Rule);
        Assert.Equal(FollowUpRules.ContributionInvalid, Decide(state, Submit(2) with { Contributions = [new CoFinancing(Party.Organisation, 2027, 5m, null)] }, at.AddDays(2)).Error!.Rule);
        Assert.False(Decide(state, Submit(2), at.AddDays(2)).IsRejected);
    }

    [Fact]
    public void Notice_ends_the_partnership_when_the_notice_period_has_run_and_stops_the_term_reminders()
    {
        var state = Active();
        var at = Swedish(2027, 9, 1, 10);

        Assert.Equal(EndingRules.DateInvalid, Decide(state, new GiveNotice(Party.Organisation, new DateOnly(2027, 9, 2), "Föreningen läggs ned.", Coordinator), at).Error!.Rule);
        Assert.Equal(CaseRules.ReasonRequired, Decide(state, new GiveNotice(Party.Organisation, new DateOnly(2027, 8, 31), " ", Coordinator), at).Error!.Rule);
        var noticed = (ActivePartnership)Apply(state, Decide(state, new GiveNotice(Party.Organisation, new DateOnly(2027, 8, 31), "Föreningen läggs ned.", Coordinator), at));

        Assert.Equal(new DateOnly(2027, 11, 30), noticed.Notice!.EndsOn);
        Assert.Equal(new DateOnly(2027, 11, 30), PartnershipTerms.EndsOn(noticed));
        Assert.Contains("term@20271130", Waits.Keys(noticed));
        Assert.DoesNotContain(PartnershipTerms.Steps(noticed, Policy.Partnership), s => s.Key.StartsWith("term-6m", StringComparison.Ordinal) || s.Key.StartsWith("term-3m", StringComparison.Ordinal));
        Assert.Equal(EndingRules.NoticeGiven, Decide(noticed, new GiveNotice(Party.Municipality, new DateOnly(2027, 9, 1), "Också.", Coordinator), at).Error!.Rule);
        Assert.Equal(EndingRules.NoticeGiven, Decide(noticed, new ExtendTerm(new DateOnly(2031, 6, 30), "KS § 1", Coordinator), at).Error!.Rule);

        Assert.Empty(Decide(noticed, new CheckDeadlines(Actor.System), Swedish(2027, 11, 30, 23)).Events.OfType<PartnershipEnded>());
        var end = Decide(noticed, new CheckDeadlines(Actor.System), Swedish(2027, 12, 1, 0, 5));
        var ended = Assert.IsType<PartnershipEnded>(Assert.Single(end.Events));
        Assert.Equal((new DateOnly(2027, 11, 30), EndingKind.Notice), (ended.EndedOn, ended.Kind));
        Assert.Equal("Avtalet sades upp av organisationen 2027-08-31 och upphörde 2027-11-30: Föreningen läggs ned.", ended.Reason);
        var closed = Assert.IsType<EndedPartnership>(Apply(noticed, end));
        Assert.Equal(new DateOnly(2027, 11, 30), closed.EndedOn);
    }

    [Fact]
    public void Notice_close_to_the_end_ends_with_the_term_and_rescission_ends_at_once()
    {
        var state = Active();
        var noticed = (ActivePartnership)Apply(state, Decide(state, new GiveNotice(Party.Municipality, new DateOnly(2029, 5, 2), "Verksamheten flyttas.", Coordinator), Swedish(2029, 5, 2, 10)));
        Assert.Equal(new DateOnly(2029, 6, 30), noticed.Notice!.EndsOn);

        Assert.Equal(EndingRules.DateInvalid, Decide(state, new RescindAgreement(Party.Municipality, new DateOnly(2028, 3, 2), "Väsentligt avtalsbrott.", Coordinator), Swedish(2028, 3, 1, 10)).Error!.Rule);
        var rescinded = Decide(state, new RescindAgreement(Party.Municipality, new DateOnly(2028, 2, 28), "Väsentligt avtalsbrott: medlen användes till annat.", Coordinator), Swedish(2028, 3, 1, 10));
        var ended = Assert.IsType<PartnershipEnded>(Assert.Single(rescinded.Events));
        Assert.Equal((new DateOnly(2028, 2, 28), EndingKind.Rescission), (ended.EndedOn, ended.Kind));
        Assert.StartsWith("Avtalet hävdes av kommunen 2028-02-28:", ended.Reason, StringComparison.Ordinal);
        Assert.IsType<EndedPartnership>(Apply(state, rescinded));
    }

    [Fact]
    public void A_dispute_climbs_the_ladder_one_rung_at_a_time_with_dates_and_reasons_until_it_is_settled()
    {
        var state = (CaseState)Active();
        var at = Swedish(2027, 10, 20, 10);
        Assert.Equal(CaseRules.ReasonRequired, Decide(state, new RaiseDispute(Party.Organisation, new DateOnly(2027, 10, 1), "", Coordinator), at).Error!.Rule);

        state = Apply(state, Decide(state, new RaiseDispute(Party.Organisation, new DateOnly(2027, 10, 1), "Oenighet om lokalkostnaden.", Coordinator), at));
        Assert.Equal(EndingRules.StepBeforePrevious, Decide(state, new EscalateDispute("dispute-1", new DateOnly(2027, 9, 30), "Ingen lösning.", Coordinator), at).Error!.Rule);
        Assert.Equal(EndingRules.UnknownDispute, Decide(state, new EscalateDispute("dispute-2", new DateOnly(2027, 10, 10), "Ingen lösning.", Coordinator), at).Error!.Rule);
        state = Apply(state, Decide(state, new EscalateDispute("dispute-1", new DateOnly(2027, 10, 10), "Ingen lösning i dialogen.", Coordinator), at));
        state = Apply(state, Decide(state, new EscalateDispute("dispute-1", new DateOnly(2027, 10, 15), "Styrgruppen röstade lika.", Coordinator), at));
        Assert.Equal(EndingRules.LadderEnd, Decide(state, new EscalateDispute("dispute-1", new DateOnly(2027, 10, 16), "Vidare.", Coordinator), at).Error!.Rule);
        state = Apply(state, Decide(state, new ResolveDispute("dispute-1", new DateOnly(2027, 10, 19), "Nämnden beslutade att kommunen står för hyran 2028.", Coordinator), at));

        var dispute = Assert.Single(((RegisteredCase)state).File.Disputes);
        Assert.Equal([DisputeLevel.Dialogue, DisputeLevel.SteeringGroup, DisputeLevel.Committee], dispute.Steps.Select(s => s.Level));
        Assert.Equal([new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 10), new DateOnly(2027, 10, 15)], dispute.Steps.Select(s => s.On));
        Assert.False(dispute.IsOpen);
        Assert.Equal(EndingRules.UnknownDispute, Decide(state, new ResolveDispute("dispute-1", new DateOnly(2027, 10, 20), "Igen.", Coordinator), at).Error!.Rule);
        Assert.IsType<ActivePartnership>(state);
    }

    [Fact]
    public void A_renegotiated_partnership_keeps_its_follow_ups_reports_and_disputes()
    {
        var state = Active();
        state = (ActivePartnership)Apply(state, Decide(state, FollowUp(new DateOnly(2027, 7, 2)), Swedish(2027, 7, 3)));
        state = (ActivePartnership)Apply(state, Decide(state, new RaiseDispute(Party.Municipality, new DateOnly(2027, 7, 3), "Målgruppen.", Coordinator), Swedish(2027, 7, 3)));

        var drafting = Assert.IsType<InAgreementDrafting>(Apply(state, Decide(state, new RenegotiateAgreement("Ny målgrupp.", Coordinator), Swedish(2027, 7, 4))));

        Assert.Single(drafting.File.FollowUps);
        Assert.Single(drafting.File.Disputes);
    }

    [Fact]
    public void The_profile_sets_the_cadence_the_report_days_and_the_notice_period()
    {
        var rule = new PartnershipRule { FollowUpEveryMonths = 6, YearlyReportRequestedOn = "02-01", YearlyReportDueOn = "04-30", NoticeMonths = 6 };
        var policy = Policy with { Partnership = rule };
        var state = Active();

        Assert.Equal(new DateOnly(2027, 1, 1), FollowUps.Plan(state, rule)[0].DueOn);
        Assert.Equal(5, FollowUps.Plan(state, rule).Count);
        Assert.Equal(Swedish(2027, 2, 1, 8), YearlyReports.RequestAt(2026, rule));
        Assert.Equal(Swedish(2027, 4, 30, 23, 59), YearlyReports.DueAt(2026, rule));
        var noticed = (ActivePartnership)Apply(state, Decide(state, new GiveNotice(Party.Organisation, new DateOnly(2027, 1, 10), "Skäl.", Coordinator), Swedish(2027, 1, 10, 10), policy));
        Assert.Equal(new DateOnly(2027, 7, 10), noticed.Notice!.EndsOn);

        Assert.Contains(PolicyProfileValidator.Validate(policy with { Partnership = rule with { YearlyReportDueOn = "02-10" } }), e => e.Contains("yearlyReportDueOn", StringComparison.Ordinal));
        Assert.Contains(PolicyProfileValidator.Validate(policy with { Partnership = rule with { YearlyReportRequestedOn = "13-01" } }), e => e.Contains("yearlyReportRequestedOn", StringComparison.Ordinal));
        Assert.Contains(PolicyProfileValidator.Validate(policy with { Partnership = rule with { FollowUpEveryMonths = 0 } }), e => e.Contains("followUpEveryMonths", StringComparison.Ordinal));
    }
}
