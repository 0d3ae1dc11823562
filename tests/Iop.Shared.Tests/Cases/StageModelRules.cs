using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Officials;
using Iop.Partnerships;
using Iop.Screening;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

public sealed class StageModelRules
{

    public static TheoryData<Stage> OpenStagesBeforeSigning =>
    [
        Stage.Received, Stage.FirstMeeting, Stage.PartnerVetting, Stage.Scoping, Stage.StakeholderMeeting,
        Stage.InternalDiscussion, Stage.FollowUpMeeting, Stage.AgreementDrafting, Stage.CommitteeDecision,
    ];

    [Theory]
    [MemberData(nameof(OpenStagesBeforeSigning))]
    public void A_case_can_be_discontinued_with_a_reason_at_every_stage_before_signing(Stage stage)
    {
        var state = Assert.IsType<Discontinued>(Given(UpTo(stage)).When(new Discontinue("Inte aktuellt längre.", Alternative.None, Coordinator)).ThenState());

        Assert.Equal(new Discontinuation(stage, "Inte aktuellt längre.", Alternative.None, "Saga Samordnare", Now), state.Discontinuation);
    }

    [Fact]
    public void Discontinuing_needs_a_reason() =>
        Given(UpTo(Stage.Scoping)).When(new Discontinue("", Alternative.None, Coordinator)).ThenRejected(CaseRules.ReasonRequired);

    [Fact]
    public void A_reason_of_control_characters_is_no_reason() =>
        Given(UpTo(Stage.Scoping)).When(new Discontinue(" \u0000\u0007\t\r\n ", Alternative.None, Coordinator)).ThenRejected(CaseRules.ReasonRequired);

    [Fact]
    public void An_over_long_reason_is_rejected() =>
        Given(UpTo(Stage.Scoping)).When(new Discontinue(new string('x', CaseRules.MaxTextLength + 1), Alternative.None, Coordinator)).ThenRejected(CaseRules.ReasonTooLong);

    [Fact]
    public void An_unknown_referral_is_recorded_as_none() =>
        Given(Submitted)
            .When(new Discontinue("Dras tillbaka.", (Alternative)9, Coordinator))
            .Then(new CaseDiscontinued("Dras tillbaka.", Alternative.None, Coordinator, Now));

    [Fact]
    public void A_signed_partnership_is_ended_not_discontinued() =>
        Given(UpTo(Stage.Active)).When(new Discontinue("x", Alternative.None, Coordinator)).ThenRejected(CaseRules.CannotDiscontinueActive);

    [Theory]
    [InlineData(Stage.Ended)]
    [InlineData(Stage.Discontinued)]
    public void A_closed_case_accepts_no_further_commands(Stage closed)
    {
        var history = closed == Stage.Ended
            ? UpTo(Stage.Ended)
            : [.. UpTo(Stage.Scoping), new CaseDiscontinued("Nej.", Alternative.None, Coordinator, Now)];

        Given(history).When(new RecordAssessments(AllMet(), Coordinator)).ThenRejected(CaseRules.Closed);
        Given(history).When(new Discontinue("Igen.", Alternative.None, Coordinator)).ThenRejected(CaseRules.Closed);
    }

    [Fact]
    public void Scoping_keeps_each_affected_organisation_once_and_asks_each_head_to_confirm_staffing()
    {
        var spec = Given(UpTo(Stage.Scoping)).When(new ConfirmScope(ValueList.Of(Social, Social, Culture), Coordinator));

        var state = Assert.IsType<AtStakeholderMeeting>(spec.ThenState());
        Assert.Equal(ValueList.Of(Social, Culture), state.File.Organisations);
        Assert.Equal(
            [(RequestKind.StaffingConfirmation, Social.Head), (RequestKind.StaffingConfirmation, Culture.Head)],
            state.File.Requests.Select(r => (r.Kind, r.Addressee)));
        Assert.All(state.File.Requests, r => Assert.Equal(Now.AddDays(Policy.Reminders.DueDays), r.DueAt));
    }

    [Fact]
    public void Scoping_needs_an_affected_organisation() =>
        Given(UpTo(Stage.Scoping)).When(new ConfirmScope(ValueList<ScopedOrganisation>.Empty, Coordinator)).ThenRejected(CaseRules.ScopeRequired);

    private static RecordSignature Signed(Party party) =>
        new(party, party == Party.Municipality ? "Anna Ordförande" : "Karin Ek", party == Party.Municipality ? "Kommunstyrelsens ordförande" : "Ordförande", new DateOnly(2026, 3, 1), Coordinator);

    [Fact]
    public void Only_the_organisation_consents_to_showing_its_contact_in_the_public_register()
    {
        var approved = new CommitteesApproved(Coordinator, Now);
        var municipality = Given([.. UpTo(Stage.CommitteeDecision), approved]).When(Signed(Party.Municipality) with { PublishContact = true });
        var organisation = Given([.. UpTo(Stage.CommitteeDecision), approved, .. municipality.Decision.Events]).When(Signed(Party.Organisation) with { PublishContact = true });
        var declined = Given([.. UpTo(Stage.CommitteeDecision), approved, .. municipality.Decision.Events]).When(Signed(Party.Organisation));

        Assert.False(Assert.IsType<ActivePartnership>(organisation.ThenState()).File.Signatures.Single(s => s.Party == Party.Municipality).PublishContact);
        Assert.True(Assert.IsType<ActivePartnership>(organisation.ThenState()).File.Signatures.Single(s => s.Party == Party.Organisation).PublishContact);
        Assert.False(Assert.IsType<ActivePartnership>(declined.ThenState()).File.Signatures.Single(s => s.Party == Party.Organisation).PublishContact);
    }

    [Fact]
    public void The_agreement_cannot_be_signed_before_the_committees_approve() =>
        Given(UpTo(Stage.CommitteeDecision)).When(Signed(Party.Municipality)).ThenRejected(CaseRules.NotApproved);

    [Fact]
    public void An_approved_agreement_signed_for_its_term_makes_the_partnership_active()
    {
        var approved = new CommitteesApproved(Coordinator, Now);

        var oneSigned = Given([.. UpTo(Stage.CommitteeDecision), approved]).When(Signed(Party.Municipality));
        var halfway = Assert.IsType<AwaitingCommitteeDecision>(oneSigned.ThenState());
        Given([.. UpTo(Stage.CommitteeDecision), approved, .. oneSigned.Decision.Events]).When(Signed(Party.Municipality)).ThenRejected(AgreementRules.AlreadySigned);

        var state = Assert.IsType<ActivePartnership>(Given([.. UpTo(Stage.CommitteeDecision), approved, .. oneSigned.Decision.Events]).When(Signed(Party.Organisation)).ThenState());

        Assert.Equal(Term, state.Term);
        Assert.Single(halfway.File.Signatures);
        Assert.Equal([Party.Municipality, Party.Organisation], state.File.Signatures.Select(x => x.Party));
    }

    [Fact]
    public void A_term_that_ends_before_it_starts_is_rejected() =>
        Given([.. UpTo(Stage.CommitteeDecision), new CommitteesApproved(Coordinator, Now)])
            .When(Signed(Party.Organisation) with { SignerName = " " })
            .ThenRejected(AgreementRules.InvalidSignature);

    [Fact]
    public void An_active_partnership_ends_with_a_reason() =>
        Given(UpTo(Stage.Active)).When(new EndPartnership(" Avtalstiden löpte ut. ", Coordinator)).Then(new PartnershipEnded("Avtalstiden löpte ut.", Coordinator, Now, new DateOnly(2026, 3, 2), EndingKind.Ended));

    [Fact]
    public void A_command_for_another_stage_is_a_rule_not_an_exception() =>
        Given(UpTo(Stage.PartnerVetting)).When(Signed(Party.Municipality)).ThenRejected(CaseRules.WrongStage);

    [Fact]
    public void A_case_following_another_guideline_is_not_decided_under_this_one()
    {
        var other = new InitiativeSubmitted(Case, Number, "gavle-2020", Initiative, Initiator, Now);

        Given(other).When(new RecordAssessments(AllMet(), Coordinator)).ThenRejected(CaseRules.PolicyMismatch);
    }
}
