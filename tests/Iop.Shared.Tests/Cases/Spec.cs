using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Intake;
using Iop.Officials;
using Iop.Policies;
using Iop.Screening;

namespace Iop.Shared.Tests.Cases;

/// <summary>Decider specifications: given these events, when this command, then these events (or this rule).</summary>
internal sealed class Spec
{
    public static readonly PolicyProfile Policy = PolicyProfileLoader.LoadBuiltIn();
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    public static readonly CaseId Case = new(Guid.Parse("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"));
    public static readonly RegistrationNumber Number = new("KS 2026/7", 2026, 7);
    public static readonly Actor Coordinator = new("saga@mora.example", "Saga Samordnare", ActorRole.Coordinator);
    public static readonly Actor Initiator = new("karin.ek@navet.example", "Karin Ek", ActorRole.Initiator);

    public static readonly Initiative Initiative = new(
        "Föreningen Navet",
        "802012-3454",
        new ContactPerson("Karin Ek", "karin.ek@navet.example", "0250-123 45"),
        "Ofrivillig ensamhet bland äldre.",
        "Träffpunkter med frivilliga.",
        ValueList<CriterionAssessment>.Empty);

    private readonly CaseEvent[] _given;
    private CaseCommand? _command;

    private Spec(CaseEvent[] given) => _given = given;

    public static Spec Given(params CaseEvent[] events) => new(events);

    public Spec When(CaseCommand command)
    {
        _command = command;
        return this;
    }

    public CaseState State => CaseDecider.Replay(_given);

    public Decision Decision => CaseDecider.Decide(State, _command!, new DecisionContext(Now, Policy));

    public void Then(params CaseEvent[] expected)
    {
        var decision = Decision;
        Assert.Null(decision.Error);
        Assert.Equal(expected, decision.Events);
    }

    public void ThenRejected(string rule)
    {
        var decision = Decision;
        Assert.True(decision.IsRejected, $"Expected the rule {rule}, but the command was accepted with {decision.Events}.");
        Assert.Equal(rule, decision.Error!.Rule);
    }

    /// <summary>The state after the accepted command's events.</summary>
    public CaseState ThenState()
    {
        var decision = Decision;
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(State, CaseDecider.Evolve);
    }

    /// <summary>What the accepted command's events make happen in the world.</summary>
    public IReadOnlyList<Effect> ThenEffects()
    {
        var decision = Decision;
        Assert.Null(decision.Error);
        var effects = new List<Effect>();
        var state = State;
        foreach (var e in decision.Events)
        {
            state = CaseDecider.Evolve(state, e);
            effects.AddRange(CaseReactions.To(e, state));
        }

        return effects;
    }

    // The history of a case walked along the stage model, for Given(...).
    public static CaseEvent Submitted => new InitiativeSubmitted(Case, Number, Policy.Id, Initiative, Initiator, Now, Policy.Version);

    public static ValueList<CriterionAssessment> AllMet(string? unclear = null) =>
        Policy.Checklist.Select(c => c.Id == unclear ? new CriterionAssessment(c.Id, Assessment.Unclear, "Väntar på yttrande.") : new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();

    public const string Token = "token-1";

    public static readonly DateTimeOffset LinkExpires = Now.AddDays(90);

    public static DateTimeOffset Due => Now.AddDays(Policy.Reminders.DueDays);

    public static PartnerVettingStarted VettingStarted =>
        new(Vetting.Vetting.RequestsFor(Policy, Due), Due, new Vetting.PortalLink(Token, Now, LinkExpires), Coordinator, Now);

    public static readonly ScopedOrganisation Social = new(
        "socialnamnden",
        "Socialnämnden",
        OrganisationKind.Committee,
        new Person("Helena Holm", "helena.holm@mora.example"),
        new Person("Tomas Torn", "tomas.torn@mora.example"),
        new Person("Siv Sander", "siv.sander@mora.example"));

    public static readonly ScopedOrganisation Culture = new(
        "kultur-och-fritid",
        "Kultur- och fritidsnämnden",
        OrganisationKind.Committee,
        new Person("Kent Krona", "kent.krona@mora.example"),
        new Person("Lisa Lind", "lisa.lind@mora.example"),
        new Person("Maja Malm", "maja.malm@mora.example"));

    public static readonly Person ProcurementUnit = new("Upphandlingsenheten", "upphandling@mora.example");

    public static readonly PartnershipTerm Term = new(new DateOnly(2026, 7, 1), new DateOnly(2029, 6, 30));

    public static readonly AgreementTerms Terms = new(
        "Äldre som lever i ofrivillig ensamhet",
        "Kommunstyrelsens ordförande",
        "Ordförande",
        ValueList.Of(new CoFinancing(Party.Municipality, 2026, 553_200m, null), new CoFinancing(Party.Organisation, 2026, 0m, "Ideell tid, 2 000 timmar")),
        Term);

    public static CaseEvent Screened => new ScreeningCompleted(AllMet(), ScreeningOutcome.Continue, Coordinator, Now);

    /// <summary>The draft as the parties finished it: the sections the case had no data for written together.</summary>
    public static AgreementDraft WrittenDraft
    {
        get
        {
            var drafted = AgreementDecider.Draft(Policy, ((RegisteredCase)CaseDecider.Replay([Submitted])).File, Terms, null);
            return drafted with
            {
                Sections = drafted.Sections.Select(s => s.AwaitsText ? new AgreementSectionText(s.Id, $"Parterna är överens om {s.Id}.", Edited: true) : s).ToValueList(),
            };
        }
    }

    public static CaseEvent[] UpTo(Stage stage)
    {
        var path = new List<CaseEvent> { Submitted };
        CaseEvent[] chain =
        [
            Screened,
            VettingStarted,
            new PartnerVettingCompleted(Coordinator, Now),
            new ScopeConfirmed(ValueList.Of(Social), Coordinator, Now),
            new InternalDiscussionStarted(Coordinator, Now),
            new InternalPositionsReported(Coordinator, Now),
            new AgreementDraftingStarted(Coordinator, Now),
            new AgreementTermsSet(WrittenDraft, Coordinator, Now),
            new AgreementSubmittedForDecision(Coordinator, Now),
            new CommitteesApproved(Coordinator, Now),
            new AgreementSigned(new PartnershipTerm(new DateOnly(2026, 7, 1), new DateOnly(2029, 6, 30)), Coordinator, Now),
            new PartnershipEnded("Avtalstiden löpte ut.", Coordinator, Now),
        ];
        Stage[] reached = [Stage.FirstMeeting, Stage.PartnerVetting, Stage.Scoping, Stage.StakeholderMeeting, Stage.InternalDiscussion, Stage.FollowUpMeeting, Stage.AgreementDrafting, Stage.AgreementDrafting, Stage.CommitteeDecision, Stage.CommitteeDecision, Stage.Active, Stage.Ended];
        if (stage == Stage.Received)
        {
            return [.. path];
        }

        for (var i = 0; i < chain.Length; i++)
        {
            path.Add(chain[i]);
            // A case in drafting has its agreement's terms: the drafting stage is reached with them.
            if (reached[i] == stage && chain[i] is not AgreementDraftingStarted)
            {
                return [.. path];
            }
        }

        throw new ArgumentException($"No path to {stage}.", nameof(stage));
    }
}
