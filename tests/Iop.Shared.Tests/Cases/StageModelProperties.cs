using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Xunit;
using Iop.Cases;
using Iop.Common;
using Iop.Screening;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

/// <summary>Whatever people do, in whatever order, the case stays inside the stage model and its history rebuilds it.</summary>
public sealed class StageModelProperties
{
    /// <summary>The stage model of process.md: where a case may go from each stage.</summary>
    private static readonly Dictionary<string, Stage[]> Allowed = new()
    {
        ["none"] = [Stage.Received],
        [nameof(Stage.Received)] = [Stage.Screening, Stage.FirstMeeting, Stage.Discontinued],
        [nameof(Stage.Screening)] = [Stage.Screening, Stage.FirstMeeting, Stage.Discontinued],
        [nameof(Stage.FirstMeeting)] = [Stage.PartnerVetting, Stage.Discontinued],
        [nameof(Stage.PartnerVetting)] = [Stage.PartnerVetting, Stage.Scoping, Stage.Discontinued],
        [nameof(Stage.Scoping)] = [Stage.StakeholderMeeting, Stage.Discontinued],
        [nameof(Stage.StakeholderMeeting)] = [Stage.InternalDiscussion, Stage.Discontinued],
        [nameof(Stage.InternalDiscussion)] = [Stage.FollowUpMeeting, Stage.Discontinued],
        [nameof(Stage.FollowUpMeeting)] = [Stage.AgreementDrafting, Stage.Discontinued],
        [nameof(Stage.AgreementDrafting)] = [Stage.CommitteeDecision, Stage.Discontinued],
        [nameof(Stage.CommitteeDecision)] = [Stage.CommitteeDecision, Stage.AgreementDrafting, Stage.Active, Stage.Discontinued],
        [nameof(Stage.Active)] = [Stage.Ended],
        [nameof(Stage.Ended)] = [],
        [nameof(Stage.Discontinued)] = [],
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Actor[] Actors = [Coordinator, Initiator, Actor.System, new("", "", ActorRole.Official)];

    private static readonly Func<Actor, CaseCommand>[] Commands =
    [
        by => new SubmitInitiative(Case, Number, Initiative, by),
        by => new RecordAssessments(AllMet(), by),
        by => new RecordAssessments(ValueList.Of(new CriterionAssessment("no-market", Assessment.Unclear, "Yttrande saknas.")), by),
        by => new RecordAssessments(ValueList.Of(new CriterionAssessment("no-market", Assessment.NotMet, null)), by),
        by => new RecordAssessments(ValueList.Of(new CriterionAssessment("bogus", Assessment.Met, null)), by),
        by => new CompleteScreening(AllMet(), ScreeningOutcome.Continue, null, Alternative.None, by),
        by => new CompleteScreening(AllMet(unclear: "no-market"), ScreeningOutcome.Continue, null, Alternative.None, by),
        by => new CompleteScreening(AllMet().Skip(3).ToValueList(), ScreeningOutcome.Continue, null, Alternative.None, by),
        by => new CompleteScreening(AllMet(), ScreeningOutcome.Discontinue, "Inte ett IOP.", Alternative.Procurement, by),
        by => new CompleteScreening(AllMet(), ScreeningOutcome.Discontinue, null, Alternative.None, by),
        by => new Discontinue("Inte aktuellt.", Alternative.None, by),
        by => new Discontinue("", Alternative.AssociationGrant, by),
        by => new StartPartnerVetting(Token, LinkExpires, by),
        by => new Vetting.CheckDeadlines(by),
        by => new ConfirmScope(ValueList.Of("Socialnämnden"), by),
        by => new ConfirmScope(ValueList<string>.Empty, by),
        by => new RecordStakeholderMeetingHeld(by),
        by => new RecordInternalPositions(by),
        by => new RecordFollowUpMeetingHeld(by),
        by => new SubmitAgreementForDecision(by),
        by => new RecordCommitteeDecision(true, by),
        by => new RecordCommitteeDecision(false, by),
        by => new SignAgreement(new PartnershipTerm(new DateOnly(2026, 7, 1), new DateOnly(2029, 6, 30)), by),
        by => new SignAgreement(new PartnershipTerm(new DateOnly(2029, 7, 1), new DateOnly(2026, 6, 30)), by),
        by => new EndPartnership("Avtalstiden löpte ut.", by),
        by => new EndPartnership(" ", by),
    ];

    [Property(MaxTest = 500)]
    public void Any_sequence_of_commands_keeps_the_case_in_the_stage_model_and_its_history_rebuilds_it(NonNegativeInt[] picks)
    {
        var state = CaseState.Initial;
        var history = new List<CaseEvent>();
        var clock = Now;
        foreach (var pick in picks)
        {
            // Half the picks take the step forward, so random runs reach the late stages too; the rest are anything at all.
            var by = Actors[pick.Get / 2 / Commands.Length % Actors.Length];
            var command = pick.Get % 2 == 0 ? Forward(state, by) : Commands[pick.Get / 2 % Commands.Length](by);
            clock = clock.AddHours(1);
            var decision = CaseDecider.Decide(state, command, new DecisionContext(clock, Policy));
            Assert.True(decision.IsRejected != decision.Events.Count > 0, "A decision either has events or a rule, never both or neither.");
            foreach (var e in decision.Events)
            {
                var next = CaseDecider.Evolve(state, e);
                Assert.Contains(((RegisteredCase)next).Stage, Allowed[StageOf(state)]);
                state = next;
                history.Add(e);
            }
        }

        Assert.Equal(state, CaseDecider.Replay(history));
    }

    [Property(MaxTest = 200)]
    public void Events_and_states_survive_the_storage_round_trip(NonNegativeInt[] picks)
    {
        var state = CaseState.Initial;
        foreach (var pick in picks)
        {
            var decision = CaseDecider.Decide(state, Commands[pick.Get % Commands.Length](Coordinator), new DecisionContext(Now, Policy));
            foreach (var e in decision.Events)
            {
                Assert.Equal(e, JsonSerializer.Deserialize<CaseEvent>(JsonSerializer.Serialize(e, Json), Json));
                state = CaseDecider.Evolve(state, e);
            }

            Assert.Equal(state, JsonSerializer.Deserialize<CaseState>(JsonSerializer.Serialize(state, Json), Json));
        }
    }

    private static CaseCommand Forward(CaseState state, Actor by) => state switch
    {
        NoCase => Commands[0](by),
        Received or InScreening => Commands[6](by),
        AtFirstMeeting => new StartPartnerVetting(Token, LinkExpires, by),
        InPartnerVetting v => VettingForward(v.Vetting, by),
        InScoping => new ConfirmScope(ValueList.Of("Socialnämnden"), by),
        AtStakeholderMeeting => new RecordStakeholderMeetingHeld(by),
        InInternalDiscussion => new RecordInternalPositions(by),
        AtFollowUpMeeting => new RecordFollowUpMeetingHeld(by),
        InAgreementDrafting => new SubmitAgreementForDecision(by),
        AwaitingCommitteeDecision { Approved: false } => new RecordCommitteeDecision(true, by),
        AwaitingCommitteeDecision => Commands[22](by),
        ActivePartnership => Commands[24](by),
        _ => Commands[10](by),
    };

    /// <summary>The organisation's next answer, or the coordinator's next review, so that vetting completes.</summary>
    private static CaseCommand VettingForward(Vetting.Vetting v, Actor by)
    {
        if (v.Requests.FirstOrDefault(r => r.Status == Vetting.RequestStatus.Submitted) is { } submitted)
        {
            return new Vetting.ReviewDocument(submitted.DocumentId, Accept: true, null, null, by);
        }

        return v.Requests.FirstOrDefault(r => r.AwaitsOrganisation) is { } open
            ? new Vetting.UploadDocument(open.DocumentId, new Vetting.UploadedFile("f1", "stadgar.pdf", "application/pdf", 1234, new string('a', 64), Now), Token, by)
            : new Vetting.SignDeclaration("Karin Ek", "Ordförande", "Föreningen Navet", true, Policy.Declaration.Version, Token, by);
    }

    private static string StageOf(CaseState state) => state is RegisteredCase r ? r.Stage.ToString() : "none";
}
