using Iop.Cases;
using Iop.Common;
using Iop.Officials;
using Iop.Partnerships;
using Iop.Policies;
using Iop.Vetting;
using Iop.Waiting;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Partnerships;

/// <summary>
/// The running partnership's term: reminders the guideline's months before it ends (through the workflow's wait),
/// extension, renegotiation, letting it end, and the end itself once the last day has passed.
/// </summary>
public sealed class TermRules
{
    private static ActivePartnership Active(DateTimeOffset? signedAt = null, PartnershipTerm? term = null)
    {
        var state = (ActivePartnership)CaseDecider.Replay([.. UpTo(Stage.Active)]);
        return state with { SignedAt = signedAt ?? Now, Term = term ?? state.Term };
    }

    private static Decision Decide(CaseState state, CaseCommand command, DateTimeOffset at, PolicyProfile? policy = null) =>
        CaseDecider.Decide(state, command, new DecisionContext(at, policy ?? Policy));

    private static CaseState Apply(CaseState state, Decision decision) => decision.Events.Aggregate(state, CaseDecider.Evolve);

    private static DateTimeOffset Swedish(int year, int month, int day, int hour = 0) =>
        SwedishClock.FromLocal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified));

    [Fact]
    public void The_coordinator_is_reminded_six_and_three_months_before_the_end_and_the_partnership_ends_after_its_last_day()
    {
        var state = Active();

        var steps = TermSteps(state);

        Assert.Equal(["term-6m@20290630", "term-3m@20290630", "term-end@20290630"], steps.Select(s => s.Key));
        Assert.Equal([Swedish(2028, 12, 30, 8), Swedish(2029, 3, 30, 8), Swedish(2029, 7, 1)], steps.Select(s => s.At));
        Assert.Equal("term@20290630", Assert.Single(Waits.Keys(state)));
        var wait = Assert.Single(Waits.Of(state, Policy.Reminders, Now, Policy.Partnership));
        Assert.Contains(wait.Steps, s => s.Key == "term-6m@20290630" && s.At == Swedish(2028, 12, 30, 8));

        // No term reminder is due before the first (the calendar's follow-ups and report requests are TermPlusRules' business).
        Assert.Empty(Decide(state, new CheckDeadlines(Actor.System), Swedish(2028, 12, 30, 7)).Events.OfType<TermEndingReminded>());

        var first = Decide(state, new CheckDeadlines(Actor.System), Swedish(2028, 12, 30, 9));
        var reminded = Assert.Single(first.Events.OfType<TermEndingReminded>());
        Assert.Equal(["term-6m@20290630"], reminded.Steps);
        state = (ActivePartnership)Apply(state, first);
        Assert.Empty(Decide(state, new CheckDeadlines(Actor.System), Swedish(2029, 1, 15)).Events.OfType<TermEndingReminded>());

        // The workflow was down past both the second reminder and the end: the partnership ends, once.
        var late = Decide(state, new CheckDeadlines(Actor.System), Swedish(2029, 7, 1, 3));
        var ended = Assert.IsType<PartnershipEnded>(Assert.Single(late.Events));
        Assert.Equal("Avtalstiden löpte ut 2029-06-30.", ended.Reason);
        Assert.IsType<EndedPartnership>(Apply(state, late));
        Assert.Empty(Waits.Keys(Apply(state, late)));
    }

    [Fact]
    public void Reminders_that_fell_before_the_signature_are_not_sent()
    {
        var state = Active(signedAt: Swedish(2029, 2, 1), term: new PartnershipTerm(new DateOnly(2029, 2, 1), new DateOnly(2029, 6, 30)));

        Assert.Equal(["term-3m@20290630", "term-end@20290630"], TermSteps(state).Select(s => s.Key));
    }

    [Fact]
    public void An_extension_needs_a_later_end_and_the_committees_decision_and_restarts_the_reminders()
    {
        var state = Active();
        var at = Swedish(2029, 1, 10, 10);

        Assert.Equal(Iop.Partnerships.TermRules.NewEndInvalid, Decide(state, new ExtendTerm(new DateOnly(2029, 6, 30), "KS § 4", Coordinator), at).Error!.Rule);
        Assert.Equal(Iop.Partnerships.TermRules.NewEndInvalid, Decide(state, new ExtendTerm(new DateOnly(2040, 1, 1), "KS § 4", Coordinator), at).Error!.Rule);
        Assert.Equal(Iop.Partnerships.TermRules.DecisionRequired, Decide(state, new ExtendTerm(new DateOnly(2032, 6, 30), " ", Coordinator), at).Error!.Rule);

        var lenient = Policy with { Partnership = new PartnershipRule { ExtensionNeedsDecision = false } };
        Assert.False(Decide(state, new ExtendTerm(new DateOnly(2032, 6, 30), null, Coordinator), at, lenient).IsRejected);

        var extended = (ActivePartnership)Apply(state, Decide(state, new ExtendTerm(new DateOnly(2032, 6, 30), "KS 2029-01-08 § 4", Coordinator), at));
        Assert.Equal(new DateOnly(2032, 6, 30), extended.Term.End);
        Assert.Equal(TermChoice.Extend, extended.Choice);
        Assert.Equal("term@20320630", Assert.Single(Waits.Keys(extended)));
        Assert.Equal(Swedish(2031, 12, 30, 8), TermSteps(extended)[0].At);
    }

    [Fact]
    public void Letting_it_end_stops_the_reminders_but_not_the_end()
    {
        var state = Active();

        var let = (ActivePartnership)Apply(state, Decide(state, new LetTermEnd(" Målen är nådda. ", Coordinator), Now));

        Assert.Equal(TermChoice.LetEnd, let.Choice);
        Assert.Equal(["term-end@20290630"], TermSteps(let).Select(s => s.Key));
    }

    [Fact]
    public void Renegotiating_takes_the_agreement_back_to_drafting_and_a_new_round_of_decisions_follows()
    {
        var state = Active();
        Assert.Equal(Iop.Partnerships.TermRules.ReasonRequired, Decide(state, new RenegotiateAgreement("  ", Coordinator), Now).Error!.Rule);

        var drafting = Assert.IsType<InAgreementDrafting>(Apply(state, Decide(state, new RenegotiateAgreement("Fler stadsdelar.", Coordinator), Now)));
        Assert.Empty(drafting.File.Signatures);
        Assert.NotNull(drafting.File.Agreement);
        Assert.Empty(Waits.Keys(drafting));

        // This history has no procurement opinion yet (a real case keeps its earlier one); with it, the committees decide anew.
        Assert.Equal(OfficialsRules.OpinionRequired, Decide(drafting, new SubmitAgreementForDecision(Coordinator), Now).Error!.Rule);
        var asked = Apply(drafting, Decide(drafting, new RequestProcurementOpinion(ProcurementUnit, Coordinator), Now));
        var opinion = ((RegisteredCase)asked).File.Requests.Single(r => r.Kind == RequestKind.ProcurementOpinion);
        var answered = Apply(asked, Decide(asked, new AnswerRequest(opinion.Id, 1, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null), ProcurementUnit, Actor.System), Now));
        var submitted = Decide(answered, new SubmitAgreementForDecision(Coordinator), Now);
        var sent = Assert.Single(submitted.Events.OfType<RequestsSent>());
        Assert.Equal(["decision-1-socialnamnden"], sent.Requests.Select(r => r.Id));
    }

    [Fact]
    public void Term_commands_belong_to_a_running_partnership() =>
        Given(UpTo(Stage.AgreementDrafting)).When(new ExtendTerm(new DateOnly(2032, 6, 30), "KS § 4", Coordinator)).ThenRejected(CaseRules.WrongStage);

    /// <summary>The term's own steps among the partnership calendar's.</summary>
    private static List<ReminderStep> TermSteps(ActivePartnership state) =>
        [.. PartnershipTerms.Steps(state, Policy.Partnership).Where(s => s.Key.StartsWith("term-", StringComparison.Ordinal))];
}
