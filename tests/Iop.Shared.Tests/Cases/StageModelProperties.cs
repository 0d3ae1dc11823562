using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Xunit;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Screening;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

/// <summary>Whatever people do, in whatever order, the case stays inside the stage model and its history rebuilds it.</summary>
public sealed class StageModelProperties
{
    /// <summary>The stage model of process.md: where a case may go from each stage (staying put while requests and meetings come and go).</summary>
    private static readonly Dictionary<string, Stage[]> Allowed = new()
    {
        ["none"] = [Stage.Received],
        [nameof(Stage.Received)] = [Stage.Received, Stage.Screening, Stage.FirstMeeting, Stage.Discontinued],
        [nameof(Stage.Screening)] = [Stage.Screening, Stage.FirstMeeting, Stage.Discontinued],
        [nameof(Stage.FirstMeeting)] = [Stage.FirstMeeting, Stage.PartnerVetting, Stage.Discontinued],
        [nameof(Stage.PartnerVetting)] = [Stage.PartnerVetting, Stage.Scoping, Stage.Discontinued],
        [nameof(Stage.Scoping)] = [Stage.Scoping, Stage.StakeholderMeeting, Stage.Discontinued],
        [nameof(Stage.StakeholderMeeting)] = [Stage.StakeholderMeeting, Stage.InternalDiscussion, Stage.Discontinued],
        [nameof(Stage.InternalDiscussion)] = [Stage.InternalDiscussion, Stage.FollowUpMeeting, Stage.Discontinued],
        [nameof(Stage.FollowUpMeeting)] = [Stage.FollowUpMeeting, Stage.AgreementDrafting, Stage.Discontinued],
        [nameof(Stage.AgreementDrafting)] = [Stage.AgreementDrafting, Stage.CommitteeDecision, Stage.Discontinued],
        [nameof(Stage.CommitteeDecision)] = [Stage.CommitteeDecision, Stage.AgreementDrafting, Stage.Active, Stage.Discontinued],
        [nameof(Stage.Active)] = [Stage.Active, Stage.Ended],
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
        by => new ConfirmScope(ValueList.Of(Social, Culture), by),
        by => new ConfirmScope(ValueList<ScopedOrganisation>.Empty, by),
        by => new RequestProcurementOpinion(ProcurementUnit, by),
        by => new AnswerRequest("staffing-socialnamnden", 1, new StaffingAnswer(true, ValueList.Of(Social.Contact), null), Social.Head, by),
        by => new AnswerRequest("staffing-socialnamnden", 1, new StaffingAnswer(false, ValueList<Person>.Empty, "Ingen tid."), Social.Head, by),
        by => new AnswerRequest("decision-1-socialnamnden", 1, new CommitteeDecision(false, new DateOnly(2026, 3, 1), "§ 19", null), Social.Secretary, by),
        by => new AnswerRequest("procurement-1", 1, new ProcurementOpinion(MarketSituation.Market, "Marknad finns.", null), ProcurementUnit, by),
        by => new DelegateRequest("staffing-kultur-och-fritid", 1, Culture.Head, new Person("Vera Vikarie", "vera@mora.example"), "Semester.", by),
        by => new ReassignRequest("position-socialnamnden", new Person("Olle Ny", "olle@mora.example"), null, by),
        by => new ReviseAgreement("Finansieringen ändras.", by),
        by => new ScheduleMeeting(Meetings.MeetingKind.StakeholderMeeting, Now.AddDays(400), Now.AddDays(400).AddHours(2), "Stadshuset", false, ValueList.Of(Social.Contact), by),
        by => new ScheduleMeeting(Meetings.MeetingKind.FirstMeeting, Now.AddDays(400), Now.AddDays(399), null, true, ValueList.Of(Social.Contact), by),
        by => new Meetings.RescheduleMeeting("stakeholder-1", Now.AddDays(401), Now.AddDays(401).AddHours(1), null, true, by),
        by => new Meetings.CancelMeeting("stakeholder-1", "Sjukdom.", by),
        by => new Meetings.RecordCalendarEvent("stakeholder-1", "AAMkAD", by),
        by => new SubmitAgreementForDecision(by),
        by => new SetAgreementTerms(Terms, by),
        by => new SetAgreementTerms(Terms with { CoFinancing = ValueList.Of(Terms.CoFinancing[0]) }, by),
        by => new EditAgreementSection("goals", "Färre ensamma äldre.", by),
        by => new EditAgreementSection("nope", "Text.", by),
        by => new RecordSignature(Party.Municipality, "Anna Ordförande", "Kommunstyrelsens ordförande", new DateOnly(2026, 3, 1), by),
        by => new RecordSignature(Party.Organisation, "Karin Ek", "Ordförande", new DateOnly(2026, 3, 1), by),
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
            clock = clock.AddHours(1);
            var command = pick.Get % 2 == 0 ? Forward(state, by, clock) : Commands[pick.Get / 2 % Commands.Length](by);
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

    private static CaseCommand Forward(CaseState state, Actor by, DateTimeOffset now) => state switch
    {
        NoCase => Commands[0](by),
        Received or InScreening => Commands[6](by),
        AtFirstMeeting => new StartPartnerVetting(Token, LinkExpires, by),
        InPartnerVetting v => VettingForward(v.Vetting, by),
        InScoping => new ConfirmScope(ValueList.Of(Social, Culture), by),
        RegisteredCase { File.Requests: var requests } when requests.FirstOrDefault(r => r.IsOpen) is { } open => AnswerYes(open, by, now),
        AtStakeholderMeeting or AtFollowUpMeeting when ((RegisteredCase)state).File.Meetings.FirstOrDefault(m => m.IsScheduled) is { } meeting =>
            new Meetings.RecordMeetingHeld(meeting.Id, "Anteckningar.", by),
        AtStakeholderMeeting => new ScheduleMeeting(Meetings.MeetingKind.StakeholderMeeting, now.AddMinutes(30), now.AddMinutes(90), "Stadshuset", true, ValueList.Of(Social.Contact), by),
        AtFollowUpMeeting => new ScheduleMeeting(Meetings.MeetingKind.FollowUpMeeting, now.AddMinutes(30), now.AddMinutes(90), null, true, ValueList.Of(Social.Contact), by),
        InAgreementDrafting { File: var file } when !file.Requests.Any(r => r.Kind == RequestKind.ProcurementOpinion) => new RequestProcurementOpinion(ProcurementUnit, by),
        InAgreementDrafting { File.Agreement: null } => new SetAgreementTerms(Terms, by),
        InAgreementDrafting => new SubmitAgreementForDecision(by),
        AwaitingCommitteeDecision { Approved: false } => new ReviseAgreement("Omarbetas.", by),
        AwaitingCommitteeDecision { File.Signatures.Count: 0 } => Commands[^4](by),
        AwaitingCommitteeDecision => Commands[^3](by),
        ActivePartnership => Commands[^2](by),
        _ => Commands[10](by),
    };

    /// <summary>The addressee's positive answer to an open request.</summary>
    private static AnswerRequest AnswerYes(OfficialRequest r, Actor by, DateTimeOffset now) => new(
        r.Id,
        r.Issue,
        r.Kind switch
        {
            RequestKind.ProcurementOpinion => new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null),
            RequestKind.StaffingConfirmation => new StaffingAnswer(true, ValueList.Of(new Person("Tomas Torn", "tomas.torn@mora.example")), null),
            RequestKind.InternalPosition => new PositionAnswer(Position.Supports, "Vi ställer oss bakom."),
            _ => new CommitteeDecision(true, DateOnly.FromDateTime(now.UtcDateTime), "§ 19", null),
        },
        r.Addressee,
        by);

    /// <summary>The organisation's next answer, or the coordinator's next review, so that vetting completes.</summary>
    private static CaseCommand VettingForward(Vetting.Vetting v, Actor by)
    {
        if (v.Requests.FirstOrDefault(r => r.Status == Vetting.RequestStatus.Submitted) is { } submitted)
        {
            return new Vetting.ReviewDocument(submitted.DocumentId, Accept: true, null, null, by);
        }

        return v.Requests.FirstOrDefault(r => r.AwaitsOrganisation) is { } open
            ? new Vetting.UploadDocument(open.DocumentId, [new Vetting.UploadedFile("f1", "stadgar.pdf", "application/pdf", 1234, new string('a', 64), Now)], Vetting.UploadLimits.Default, Token, by)
            : new Vetting.SignDeclaration("Karin Ek", "Ordförande", "Föreningen Navet", true, Policy.Declaration!.Version, Token, by);
    }

    private static string StageOf(CaseState state) => state is RegisteredCase r ? r.Stage.ToString() : "none";
}
