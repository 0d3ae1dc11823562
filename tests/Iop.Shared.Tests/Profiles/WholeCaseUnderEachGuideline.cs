using Iop.Agreements;
using Iop.Cases;
using Iop.Checks;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Policies;
using Iop.Screening;
using Iop.Vetting;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Profiles;

/// <summary>
/// A case from intake to a signed partnership under every built-in guideline, through the decider alone: what differs
/// between guidelines (the checklist, documents that may not exist, a declaration or none, the guideline's own checks,
/// one named contact per administration, the procurement opinion) comes from the profile, never from its id.
/// </summary>
public sealed class WholeCaseUnderEachGuideline
{
    public static TheoryData<string> Guidelines() => [.. PolicyProfileLoader.BuiltInIds];

    [Theory]
    [MemberData(nameof(Guidelines))]
    public void A_case_runs_from_intake_to_an_active_partnership(string id)
    {
        var policy = PolicyProfileLoader.LoadBuiltIn(id);
        var walk = new Walk(policy);

        walk.Accept(new SubmitInitiative(Case, Number, Initiative, Initiator));
        Assert.Equal(policy.Version, walk.File.PolicyVersion);
        var all = policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();
        walk.Accept(new CompleteScreening(all, ScreeningOutcome.Continue, null, Alternative.None, Coordinator));
        walk.Meeting(MeetingKind.FirstMeeting);
        walk.Accept(new StartPartnerVetting(Token, Now.AddDays(120), Coordinator));
        Assert.Equal(policy.Declaration is null, ((InPartnerVetting)walk.State).Vetting.DeclarationDueAt is null);
        if (policy.Declaration is null)
        {
            walk.Refuse(new SignDeclaration("Karin Ek", "Ordförande", Initiative.OrganisationName, true, "any", Token, Initiator), VettingRules.NoDeclaration);
        }

        foreach (var (document, i) in policy.Documents.Select((d, i) => (d, i)))
        {
            if (document.MayNotExist && i % 2 == 1)
            {
                walk.Accept(new MarkDocumentNotExisting(document.Id, "Vi är en ny förening och har inte haft något årsmöte ännu.", Token, Initiator));
            }
            else
            {
                var file = new UploadedFile($"f{i}", $"{document.Id}.pdf", "application/pdf", 2048, new string('a', 64), walk.Now);
                walk.Accept(new UploadDocument(document.Id, ValueList.Of(file), UploadLimits.Default, Token, Initiator));
            }

            walk.Accept(new ReviewDocument(document.Id, Accept: true, null, null, Coordinator));
        }

        if (policy.Declaration is { } declaration)
        {
            Assert.IsType<InPartnerVetting>(walk.State);
            walk.Accept(new SignDeclaration("Karin Ek", "Ordförande", Initiative.OrganisationName, true, declaration.Version, Token, Initiator));
        }

        Assert.IsType<InScoping>(walk.State);
        walk.Accept(new ConfirmScope(ValueList.Of(Social), Coordinator));
        var staffing = walk.Request("staffing-socialnamnden");
        if (policy.Staffing.OneNamedContact)
        {
            walk.Refuse(new AnswerRequest(staffing.Id, 1, new StaffingAnswer(true, ValueList.Of(Social.Contact, Social.Secretary), null), staffing.Addressee, Actor.System), OfficialsRules.OneContact);
        }

        walk.Accept(new AnswerRequest(staffing.Id, 1, new StaffingAnswer(true, ValueList.Of(Social.Contact), null), staffing.Addressee, Actor.System));
        walk.Meeting(MeetingKind.StakeholderMeeting);
        var position = walk.Request("position-socialnamnden");
        walk.Accept(new AnswerRequest(position.Id, 1, new PositionAnswer(Position.Supports, "Vi stöder ett partnerskap."), position.Addressee, Actor.System));
        walk.Meeting(MeetingKind.FollowUpMeeting);
        Assert.IsType<InAgreementDrafting>(walk.State);

        if (policy.Checklist.Any(c => c.RequiresProcurementOpinion))
        {
            walk.Accept(new RequestProcurementOpinion(ProcurementUnit, Coordinator));
            var opinion = walk.File.Requests.Last(r => r.Kind == RequestKind.ProcurementOpinion);
            walk.Accept(new AnswerRequest(opinion.Id, 1, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad finns.", null), opinion.Addressee, Actor.System));
        }
        else
        {
            Assert.DoesNotContain(walk.File.Requests, r => r.Kind == RequestKind.ProcurementOpinion);
        }

        walk.Accept(new SetAgreementTerms(Terms, Coordinator));
        Assert.Equal(policy.AgreementSections.Select(s => s.Id), walk.File.Agreement!.Sections.Select(s => s.Id));
        foreach (var section in walk.File.Agreement.Sections.Where(s => s.AwaitsText))
        {
            walk.Accept(new EditAgreementSection(section.Id, $"Parterna har skrivit avsnittet {section.Id} tillsammans.", Coordinator));
        }

        var required = policy.Checks.Where(c => !c.Optional).ToList();
        if (required.Count > 0)
        {
            walk.Refuse(new SubmitAgreementForDecision(Coordinator), CheckRules.Required);
            walk.Accept(new RecordCheck(required[0].Id, CheckOutcome.NotFulfilled, "Underlaget räcker inte ännu.", Coordinator));
            walk.Refuse(new SubmitAgreementForDecision(Coordinator), CheckRules.NotFulfilled);
            foreach (var check in required)
            {
                walk.Accept(new RecordCheck(check.Id, CheckOutcome.Fulfilled, $"Bedömt utifrån stadgar och verksamhetsberättelse: {check.Title.Sv}.", Coordinator));
            }
        }

        walk.Accept(new SubmitAgreementForDecision(Coordinator));
        walk.Refuse(new RecordCheck(policy.Checks.Count > 0 ? policy.Checks[0].Id : "any", CheckOutcome.Fulfilled, "För sent.", Coordinator),
            policy.Checks.Count > 0 ? CheckRules.TooLate : CheckRules.Unknown);
        var decision = walk.Request("decision-1-socialnamnden");
        walk.Accept(new AnswerRequest(decision.Id, 1, new CommitteeDecision(true, DateOnly.FromDateTime(walk.Now.UtcDateTime), "§ 19", null), decision.Addressee, Actor.System));
        var today = DateOnly.FromDateTime(walk.Now.UtcDateTime);
        walk.Accept(new RecordSignature(Party.Municipality, "Anna Ordförande", "Kommunstyrelsens ordförande", today, Coordinator));
        walk.Accept(new RecordSignature(Party.Organisation, "Karin Ek", "Ordförande", today, Coordinator));

        Assert.IsType<ActivePartnership>(walk.State);
        Assert.Equal(required.Select(c => c.Id).Order(), walk.File.Checks.Select(f => f.CheckId).Order());
        Assert.All(walk.File.Checks, f => Assert.Equal(CheckOutcome.Fulfilled, f.Outcome));
    }

    [Fact]
    public void A_case_keeps_the_guideline_version_it_was_received_under()
    {
        var old = PolicyProfileLoader.LoadBuiltIn("mora-2023");
        var revised = old with { Version = "2027-01-01", Checklist = [.. old.Checklist.Take(3)] };
        var catalog = new PolicyCatalog(revised, [old]);
        var received = (RegisteredCase)CaseDecider.Replay([new InitiativeSubmitted(Case, Number, old.Id, Initiative, Initiator, Now, old.Version)]);
        var unversioned = (RegisteredCase)CaseDecider.Replay([new InitiativeSubmitted(Case, Number, old.Id, Initiative, Initiator, Now)]);

        Assert.Same(old, catalog.For(received.File));
        Assert.Same(revised, catalog.Current);
        Assert.Same(revised, catalog.For(CaseState.Initial));
        Assert.Same(revised, catalog.For(unversioned.File));

        // Decided under its own version, the old case needs all nine criteria; under the new version it would be refused.
        var all = old.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();
        Assert.False(CaseDecider.Decide(received, new CompleteScreening(all, ScreeningOutcome.Continue, null, Alternative.None, Coordinator), new DecisionContext(Now, catalog.For(received.File))).IsRejected);
        Assert.Equal(CaseRules.PolicyMismatch, CaseDecider.Decide(received, new RecordAssessments(all, Coordinator), new DecisionContext(Now, revised)).Error!.Rule);
        Assert.Throws<UnknownPolicyException>(() => new PolicyCatalog(revised).For(received.File));
    }

    /// <summary>A case's state, moved on by commands that must be accepted or refused as the test says; the clock moves an hour per step.</summary>
    private sealed class Walk(PolicyProfile policy)
    {
        public CaseState State { get; private set; } = CaseState.Initial;

        public DateTimeOffset Now { get; private set; } = Iop.Shared.Tests.Cases.Spec.Now;

        public CaseFile File => ((RegisteredCase)State).File;

        public void Accept(CaseCommand command)
        {
            var decision = CaseDecider.Decide(State, command, new DecisionContext(Now, policy));
            Assert.False(decision.IsRejected, $"{command.GetType().Name} under {policy.Id}: {decision.Error?.Rule} {decision.Error?.Message}");
            State = decision.Events.Aggregate(State, CaseDecider.Evolve);
            Now = Now.AddHours(1);
        }

        public void Refuse(CaseCommand command, string rule)
        {
            var decision = CaseDecider.Decide(State, command, new DecisionContext(Now, policy));
            Assert.Equal(rule, decision.Error?.Rule);
        }

        public OfficialRequest Request(string id) => File.Requests.Single(r => r.Id == id && r.IsOpen);

        /// <summary>A meeting of <paramref name="kind"/> booked for the next hour and held.</summary>
        public void Meeting(MeetingKind kind)
        {
            Accept(new ScheduleMeeting(kind, Now.AddHours(1), Now.AddHours(2), "Stadshuset", false, ValueList.Of(Social.Contact), Coordinator));
            Now = Now.AddHours(3);
            Accept(new RecordMeetingHeld(File.Meetings[^1].Id, "Alla var med.", Coordinator));
        }
    }
}
