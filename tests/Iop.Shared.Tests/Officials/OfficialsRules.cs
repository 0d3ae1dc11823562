using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Screening;
using Iop.Vetting;
using Iop.Waiting;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Officials;

public sealed class OfficialsRules
{
    private static readonly Person Stand_in = new("Vera Vikarie", "vera.vikarie@mora.example");

    private static CaseEvent[] Scoped => [.. UpTo(Stage.Scoping), .. Decide(UpTo(Stage.Scoping), new ConfirmScope(ValueList.Of(Social, Culture), Coordinator))];

    private static CaseEvent[] Decide(CaseEvent[] given, CaseCommand command, DateTimeOffset? at = null)
    {
        var decision = CaseDecider.Decide(CaseDecider.Replay(given), command, new DecisionContext(at ?? Now, Policy));
        Assert.False(decision.IsRejected, decision.Error?.Message);
        return [.. decision.Events];
    }

    private static CaseEvent[] Then(CaseEvent[] given, params CaseCommand[] commands) =>
        commands.Aggregate(given, (history, command) => [.. history, .. Decide(history, command)]);

    private static AnswerRequest Confirm(ScopedOrganisation o, int issue = 1, Person? by = null) =>
        new($"staffing-{o.Id}", issue, new StaffingAnswer(true, ValueList.Of(o.Contact), null), by ?? o.Head, Actor.System);

    private static CaseEvent[] StakeholderMeetingHeld(CaseEvent[] given)
    {
        var scheduled = Decide(given, new ScheduleMeeting(MeetingKind.StakeholderMeeting, Now.AddDays(-1), Now.AddDays(-1).AddHours(2), "Stadshuset", false, ValueList.Of(Social.Contact), Coordinator), Now.AddDays(-2));
        return [.. given, .. scheduled, .. Decide([.. given, .. scheduled], new RecordMeetingHeld("stakeholder-1", "Bra möte.", Coordinator))];
    }

    [Fact]
    public void The_internal_discussion_starts_when_the_meeting_is_held_and_the_last_head_has_answered()
    {
        var held = StakeholderMeetingHeld(Scoped);
        Assert.IsType<AtStakeholderMeeting>(CaseDecider.Replay(held));

        var oneAnswered = Then(held, Confirm(Social));
        Assert.IsType<AtStakeholderMeeting>(CaseDecider.Replay(oneAnswered));

        var state = Assert.IsType<InInternalDiscussion>(Given(oneAnswered).When(Confirm(Culture)).ThenState());
        Assert.Equal(
            [("position-socialnamnden", Social.Contact), ("position-kultur-och-fritid", Culture.Contact)],
            state.File.Requests.Where(r => r.Kind == RequestKind.InternalPosition).Select(r => (r.Id, r.Addressee)));
    }

    [Fact]
    public void A_declined_staffing_is_an_answer_with_a_reason_and_the_coordinator_hears_of_it()
    {
        Given(Scoped).When(new AnswerRequest("staffing-socialnamnden", 1, new StaffingAnswer(false, ValueList<Person>.Empty, " "), Social.Head, Actor.System))
            .ThenRejected(Iop.Officials.OfficialsRules.TextRequired);

        var declined = Decide(Scoped, new AnswerRequest("staffing-socialnamnden", 1, new StaffingAnswer(false, ValueList<Person>.Empty, "Ingen personal i vår."), Social.Head, Actor.System));

        var state = (RegisteredCase)CaseDecider.Replay([.. Scoped, .. declined]);
        var notice = Assert.Single(CaseReactions.To(declined[0], state).OfType<NotifyAboutRequest>());
        Assert.Equal(CoordinatorNotice.AnswerNegative, notice.Notice);
    }

    [Fact]
    public void Only_the_addressee_answers_and_only_once()
    {
        Given(Scoped).When(Confirm(Social, by: Culture.Head)).ThenRejected(Iop.Officials.OfficialsRules.NotAddressee);
        Given(Then(Scoped, Confirm(Social))).When(Confirm(Social)).ThenRejected(Iop.Officials.OfficialsRules.AlreadyAnswered);
        Given(Scoped).When(Confirm(Social) with { RequestId = "staffing-nobody" }).ThenRejected(Iop.Officials.OfficialsRules.UnknownRequest);
        Given(Scoped).When(Confirm(Social) with { Answer = new PositionAnswer(Position.Supports, "Ja.") }).ThenRejected(Iop.Officials.OfficialsRules.WrongAnswer);
    }

    [Fact]
    public void A_head_delegates_to_a_colleague_whose_new_link_answers_while_the_old_one_is_dead()
    {
        var delegated = Then(Scoped, new DelegateRequest("staffing-socialnamnden", 1, Social.Head, Stand_in, "Föräldraledig.", Actor.System));

        var request = ((RegisteredCase)CaseDecider.Replay(delegated)).File.Requests.First(r => r.Id == "staffing-socialnamnden");
        Assert.Equal((Stand_in, 2), (request.Addressee, request.Issue));
        Assert.Equal(new RequestTransfer(Social.Head, Stand_in, "Föräldraledig.", Social.Head.Name, false, Now), Assert.Single(request.Transfers));
        var mail = Assert.Single(CaseReactions.To(delegated[^1], CaseDecider.Replay(delegated)).OfType<MailToOfficial>());
        Assert.Equal((Stand_in.Email, 2), (mail.ToEmail, mail.Issue));
        var waits = Assert.IsType<WaitsChanged>(Assert.Single(CaseReactions.ToWaits(CaseDecider.Replay(Scoped), CaseDecider.Replay(delegated))));
        Assert.Contains(waits.Open, k => k.StartsWith("staffing-socialnamnden.2@", StringComparison.Ordinal));
        Assert.DoesNotContain(waits.Open, k => k.StartsWith("staffing-socialnamnden.1@", StringComparison.Ordinal));

        Given(delegated).When(Confirm(Social)).ThenRejected(Iop.Officials.OfficialsRules.Moved);
        Given(delegated).When(Confirm(Social, issue: 2)).ThenRejected(Iop.Officials.OfficialsRules.NotAddressee);
        Given(delegated).When(Confirm(Social, issue: 2, by: Stand_in)).ThenState();
    }

    [Fact]
    public void A_name_with_control_or_direction_characters_is_no_name()
    {
        Given(Scoped).When(new DelegateRequest("staffing-socialnamnden", 1, Social.Head, Stand_in with { Name = "Vera\u202Efdp.exe" }, null, Actor.System))
            .ThenRejected(Iop.Officials.OfficialsRules.InvalidAddress);
        Given(Scoped).When(new ReassignRequest("staffing-socialnamnden", Stand_in with { Name = "Vera\u0000" }, null, Coordinator))
            .ThenRejected(Iop.Officials.OfficialsRules.InvalidAddress);
        Given(Scoped).When(new AnswerRequest("staffing-socialnamnden", 1, new StaffingAnswer(true, ValueList.Of(Stand_in with { Name = "\u001B[2JVera" }), null), Social.Head, Actor.System))
            .ThenRejected(Iop.Officials.OfficialsRules.InvalidAddress);
    }

    [Fact]
    public void Delegation_needs_a_valid_other_person()
    {
        Given(Scoped).When(new DelegateRequest("staffing-socialnamnden", 1, Social.Head, new Person("Ny", "inte-en-adress"), null, Actor.System))
            .ThenRejected(Iop.Officials.OfficialsRules.InvalidAddress);
        Given(Scoped).When(new DelegateRequest("staffing-socialnamnden", 1, Social.Head, Social.Head, null, Actor.System))
            .ThenRejected(Iop.Officials.OfficialsRules.SamePerson);
        Given(Scoped).When(new ReassignRequest("staffing-socialnamnden", new Person(" ", "x@mora.example"), null, Coordinator))
            .ThenRejected(Iop.Officials.OfficialsRules.InvalidAddress);
    }

    [Fact]
    public void The_coordinator_reassigns_an_overdue_request_with_a_fresh_due_date()
    {
        var later = Now.AddDays(30);
        var decision = CaseDecider.Decide(CaseDecider.Replay(Scoped), new ReassignRequest("staffing-socialnamnden", Stand_in, "Sjukskriven.", Coordinator), new DecisionContext(later, Policy));

        var moved = Assert.IsType<RequestTransferred>(Assert.Single(decision.Events));
        Assert.True(moved.Transfer.ByCoordinator);
        Assert.Equal(later.AddDays(Policy.Reminders.DueDays), moved.DueAt);
    }

    [Fact]
    public void Open_requests_are_reminded_before_and_on_the_due_date_and_escalated_when_overdue()
    {
        var cadence = Policy.Reminders;
        var due = Now.AddDays(cadence.DueDays);
        var state = (RegisteredCase)CaseDecider.Replay(Scoped);
        var first = Waits.Of(state, cadence, Now).Min(w => w.NextStep!.At);
        Assert.Equal(cadence.FirstReminderDaysBeforeDue > 0 ? due.AddDays(-cadence.FirstReminderDaysBeforeDue) : due, first);

        var reminded = CaseDecider.Decide(state, new CheckDeadlines(Actor.System), new DecisionContext(first, Policy));
        Assert.Equal(["staffing-socialnamnden", "staffing-kultur-och-fritid"], reminded.Events.OfType<RequestReminded>().Select(r => r.RequestId));
        var after = reminded.Events.Aggregate((CaseState)state, CaseDecider.Evolve);
        Assert.All(reminded.Events.SelectMany(e => CaseReactions.To(e, after)).OfType<MailToOfficial>(), m => Assert.True(m.Reminder));

        var late = due.AddDays(cadence.EscalateAfterDaysOverdue);
        var escalated = CaseDecider.Decide(after, new CheckDeadlines(Actor.System), new DecisionContext(late, Policy));
        Assert.Equal(2, escalated.Events.OfType<RequestEscalated>().Count());
        var overdue = escalated.Events.Aggregate(after, CaseDecider.Evolve);
        Assert.All(Waits.Of((RegisteredCase)overdue, cadence, late), w => Assert.True(w.IsEscalated));
        Assert.Contains(escalated.Events.SelectMany(e => CaseReactions.To(e, overdue)).OfType<NotifyAboutRequest>(), n => n.Notice == CoordinatorNotice.RequestOverdue);

        Assert.Equal(VettingRules.NothingDue, CaseDecider.Decide(overdue, new CheckDeadlines(Actor.System), new DecisionContext(late, Policy)).Error?.Rule);
    }

    [Fact]
    public void The_agreement_goes_to_the_committees_only_after_a_procurement_opinion_without_a_market()
    {
        var drafting = UpTo(Stage.AgreementDrafting);
        Given(drafting).When(new SubmitAgreementForDecision(Coordinator)).ThenRejected(Iop.Officials.OfficialsRules.OpinionRequired);

        var asked = Then(drafting, new RequestProcurementOpinion(ProcurementUnit, Coordinator));
        Given(asked).When(new RequestProcurementOpinion(ProcurementUnit, Coordinator)).ThenRejected(Iop.Officials.OfficialsRules.OpinionPending);
        Given(asked).When(new SubmitAgreementForDecision(Coordinator)).ThenRejected(Iop.Officials.OfficialsRules.OpinionRequired);

        var market = Then(asked, new AnswerRequest("procurement-1", 1, new ProcurementOpinion(MarketSituation.Market, "Flera aktörer finns.", null), ProcurementUnit, Actor.System));
        Given(market).When(new SubmitAgreementForDecision(Coordinator)).ThenRejected(Iop.Officials.OfficialsRules.MarketSituation);

        var noMarket = Then(market, new RequestProcurementOpinion(ProcurementUnit, Coordinator), new AnswerRequest("procurement-2", 1, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null), ProcurementUnit, Actor.System));
        var state = Assert.IsType<AwaitingCommitteeDecision>(Given(noMarket).When(new SubmitAgreementForDecision(Coordinator)).ThenState());
        Assert.Equal([("decision-1-socialnamnden", Social.Secretary)], state.File.Requests.Where(r => r.Kind == RequestKind.CommitteeDecision).Select(r => (r.Id, r.Addressee)));
    }

    private static CaseEvent[] AtDecision()
    {
        var drafting = UpTo(Stage.AgreementDrafting);
        var withCulture = drafting.Select(e => e is ScopeConfirmed s ? s with { Organisations = ValueList.Of(Social, Culture) } : e).ToArray();
        return Then(
            withCulture,
            new RequestProcurementOpinion(ProcurementUnit, Coordinator),
            new AnswerRequest("procurement-1", 1, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null), ProcurementUnit, Actor.System),
            new SubmitAgreementForDecision(Coordinator));
    }

    private static AnswerRequest Decision(ScopedOrganisation o, bool approved, int round = 1, string paragraph = "§ 19", DateOnly? date = null) =>
        new($"decision-{round}-{o.Id}", 1, new CommitteeDecision(approved, date ?? new DateOnly(2026, 2, 26), paragraph, null), o.Secretary, Actor.System);

    [Fact]
    public void A_committee_decision_needs_its_date_and_paragraph_and_cannot_lie_ahead()
    {
        Given(AtDecision()).When(Decision(Social, true, paragraph: " ")).ThenRejected(Iop.Officials.OfficialsRules.ParagraphRequired);
        Given(AtDecision()).When(Decision(Social, true, date: default(DateOnly))).ThenRejected(Iop.Officials.OfficialsRules.MeetingDateRequired);
        Given(AtDecision()).When(Decision(Social, true, date: new DateOnly(2026, 4, 1))).ThenRejected(Iop.Officials.OfficialsRules.MeetingDateInFuture);
    }

    [Fact]
    public void When_every_committee_approved_the_agreement_can_be_signed()
    {
        var one = Then(AtDecision(), Decision(Social, true));
        Assert.False(Assert.IsType<AwaitingCommitteeDecision>(CaseDecider.Replay(one)).Approved);

        Given(one).When(Decision(Culture, true)).Then(
            new RequestAnswered("decision-1-kultur-och-fritid", new RecordedAnswer(new CommitteeDecision(true, new DateOnly(2026, 2, 26), "§ 19", null), Culture.Secretary, "decision-1-kultur-och-fritid.1", Now), Actor.System, Now),
            new CommitteesApproved(Actor.System, Now));
    }

    [Fact]
    public void After_a_rejection_the_coordinator_revises_and_asks_again_in_a_new_round()
    {
        var rejected = Then(AtDecision(), Decision(Social, false));
        Assert.False(Assert.IsType<AwaitingCommitteeDecision>(CaseDecider.Replay(Then(rejected, Decision(Culture, true)))).Approved);
        Given(AtDecision()).When(new ReviseAgreement("Ändra.", Coordinator)).ThenRejected(Iop.Officials.OfficialsRules.NothingRejected);

        var revised = Then(rejected, new ReviseAgreement("Nämnden vill ändra målgruppen.", Coordinator));
        Assert.IsType<RequestsWithdrawn>(revised[^2]);
        var drafting = Assert.IsType<InAgreementDrafting>(CaseDecider.Replay(revised));
        Assert.Equal(OfficialRequestStatus.Withdrawn, drafting.File.Requests.Single(r => r.Id == "decision-1-kultur-och-fritid").Status);
        Given(revised).When(Decision(Culture, true)).ThenRejected(Iop.Officials.OfficialsRules.Withdrawn);

        var again = Then(revised, new SubmitAgreementForDecision(Coordinator), Decision(Social, true, round: 2), Decision(Culture, true, round: 2));
        Assert.True(Assert.IsType<AwaitingCommitteeDecision>(CaseDecider.Replay(again)).Approved);
    }

    [Fact]
    public void After_a_rejection_the_case_can_be_discontinued_and_nobody_waits_for_it()
    {
        var rejected = Then(AtDecision(), Decision(Social, false));

        var discontinued = Then(rejected, new Discontinue("Nämnden sa nej.", Alternative.None, Coordinator));

        var state = Assert.IsType<Discontinued>(CaseDecider.Replay(discontinued));
        Assert.DoesNotContain(state.File.Requests, r => r.IsOpen);
    }
}
