using Iop.Cases;
using Iop.Common;
using Iop.Screening;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

public sealed class IntakeAndScreeningRules
{
    private static CriterionAssessment Met(string id) => new(id, Assessment.Met, null);

    [Fact]
    public void Submitting_an_initiative_registers_it_under_the_policy_in_force() =>
        Given()
            .When(new SubmitInitiative(Case, Number, Initiative, Initiator))
            .Then(new InitiativeSubmitted(Case, Number, "mora-2023", Initiative, Initiator, Now, "2023-01-24"));

    [Fact]
    public void A_registered_case_waits_for_screening_with_its_dossier()
    {
        var state = Assert.IsType<Received>(Given().When(new SubmitInitiative(Case, Number, Initiative, Initiator)).ThenState());

        Assert.Equal(new CaseFile(Case, Number, "mora-2023", Initiative, Now, null, PolicyVersion: "2023-01-24"), state.File);
        Assert.Equal(Stage.Received, state.Stage);
    }

    [Fact]
    public void An_initiative_cannot_be_submitted_twice_under_one_case() =>
        Given(Submitted).When(new SubmitInitiative(Case, Number, Initiative, Initiator)).ThenRejected(CaseRules.AlreadySubmitted);

    [Fact]
    public void Nothing_but_a_submission_can_happen_before_there_is_a_case() =>
        Given().When(new Discontinue("x", Alternative.None, Coordinator)).ThenRejected(CaseRules.NoSuchCase);

    [Fact]
    public void Saving_assessments_starts_the_screening()
    {
        var assessments = ValueList.Of(Met("own-initiative"), new CriterionAssessment("no-market", Assessment.Unclear, "  Väntar på yttrande. "));

        var state = Assert.IsType<InScreening>(Given(Submitted).When(new RecordAssessments(assessments, Coordinator)).ThenState());

        Assert.Equal(ValueList.Of(Met("own-initiative"), new CriterionAssessment("no-market", Assessment.Unclear, "Väntar på yttrande.")), state.Draft);
    }

    [Fact]
    public void Later_assessments_replace_earlier_ones_of_the_same_criterion()
    {
        var first = new CriteriaAssessed(ValueList.Of(Met("own-initiative"), Met("long-term")), Coordinator, Now);

        var state = Assert.IsType<InScreening>(Given(Submitted, first)
            .When(new RecordAssessments(ValueList.Of(new CriterionAssessment("long-term", Assessment.NotMet, "Kort projekt.")), Coordinator))
            .ThenState());

        Assert.Equal(2, state.Draft.Count);
        Assert.Equal(Assessment.NotMet, state.Draft.Single(a => a.CriterionId == "long-term").Assessment);
    }

    [Theory]
    [InlineData(Assessment.NotMet)]
    [InlineData(Assessment.Unclear)]
    public void A_criterion_not_met_or_unclear_needs_a_note(Assessment assessment) =>
        Given(Submitted)
            .When(new RecordAssessments(ValueList.Of(new CriterionAssessment("no-market", assessment, " ")), Coordinator))
            .ThenRejected(CaseRules.NoteRequired);

    [Fact]
    public void An_assessment_of_a_criterion_the_guideline_lacks_is_rejected() =>
        Given(Submitted).When(new RecordAssessments(ValueList.Of(Met("no-such-criterion")), Coordinator)).ThenRejected(CaseRules.UnknownCriterion);

    [Fact]
    public void An_assessment_value_outside_the_scale_is_rejected() =>
        Given(Submitted).When(new RecordAssessments(ValueList.Of(new CriterionAssessment("no-market", (Assessment)42, "n")), Coordinator)).ThenRejected(CaseRules.UnknownCriterion);

    [Fact]
    public void A_criterion_assessed_twice_in_one_command_is_rejected() =>
        Given(Submitted).When(new RecordAssessments(ValueList.Of(Met("no-market"), Met("no-market")), Coordinator)).ThenRejected(CaseRules.DuplicateCriterion);

    [Fact]
    public void An_over_long_note_is_rejected() =>
        Given(Submitted)
            .When(new RecordAssessments(ValueList.Of(new CriterionAssessment("no-market", Assessment.Unclear, new string('x', CaseRules.MaxTextLength + 1))), Coordinator))
            .ThenRejected(CaseRules.NoteTooLong);

    [Fact]
    public void Continuing_needs_every_criterion_assessed() =>
        Given(Submitted)
            .When(new CompleteScreening(AllMet().Skip(1).ToValueList(), ScreeningOutcome.Continue, null, Alternative.None, Coordinator))
            .ThenRejected(CaseRules.AllCriteriaAssessed);

    [Fact]
    public void Continuing_needs_every_criterion_to_hold()
    {
        var assessments = AllMet().Select(a => a.CriterionId == "not-a-grant" ? a with { Assessment = Assessment.NotMet, Note = "Ryms i föreningsbidraget." } : a).ToValueList();

        Given(Submitted).When(new CompleteScreening(assessments, ScreeningOutcome.Continue, null, Alternative.None, Coordinator)).ThenRejected(CaseRules.AllCriteriaMustHold);
    }

    [Fact]
    public void A_screened_initiative_goes_on_to_the_first_meeting_even_while_the_procurement_opinion_is_unclear()
    {
        var assessments = AllMet(unclear: "no-market");

        var state = Assert.IsType<AtFirstMeeting>(Given(Submitted)
            .When(new CompleteScreening(assessments, ScreeningOutcome.Continue, null, Alternative.None, Coordinator))
            .ThenState());

        Assert.Equal(new ScreeningRecord(assessments, "Saga Samordnare", Now), state.File.Screening);
    }

    [Fact]
    public void Discontinuing_after_screening_needs_a_reason() =>
        Given(Submitted).When(new CompleteScreening(AllMet(), ScreeningOutcome.Discontinue, "  ", Alternative.None, Coordinator)).ThenRejected(CaseRules.ReasonRequired);

    [Fact]
    public void Discontinuing_after_screening_records_the_screening_and_the_reason() =>
        Given(Submitted)
            .When(new CompleteScreening(AllMet(), ScreeningOutcome.Discontinue, " Ryms i föreningsbidraget. ", Alternative.AssociationGrant, Coordinator))
            .Then(
                new ScreeningCompleted(AllMet(), ScreeningOutcome.Discontinue, Coordinator, Now),
                new CaseDiscontinued("Ryms i föreningsbidraget.", Alternative.AssociationGrant, Coordinator, Now));

    [Fact]
    public void Screening_is_over_once_the_case_has_moved_on() =>
        Given(UpTo(Stage.FirstMeeting)).When(new RecordAssessments(AllMet(), Coordinator)).ThenRejected(CaseRules.WrongStage);
}
