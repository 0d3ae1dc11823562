using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Officials;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Agreements;

public sealed class AgreementRules
{
    private static CaseEvent[] Drafting => [.. UpTo(Stage.FollowUpMeeting), new AgreementDraftingStarted(Coordinator, Now)];

    [Fact]
    public void The_draft_has_every_section_of_the_guideline_with_the_cases_data_filled_in()
    {
        var state = (RegisteredCase)Given(Drafting).When(new SetAgreementTerms(Terms, Coordinator)).ThenState();

        var draft = state.File.Agreement!;
        Assert.Equal(Policy.AgreementSections.Select(s => s.Id), draft.Sections.Select(s => s.Id));
        Assert.Equal(14, draft.Sections.Count);
        Assert.Equal(Initiative.Challenge, draft.Find("background")!.Text);
        Assert.Contains("Föreningen Navet (organisationsnummer 802012-3454)", draft.Find("parties")!.Text, StringComparison.Ordinal);
        Assert.Equal("Äldre som lever i ofrivillig ensamhet", draft.Find("target-group")!.Text);
        Assert.Contains("enligt tabellen över medfinansiering", draft.Find("finances")!.Text, StringComparison.Ordinal);
        Assert.Contains($"Mora kommun bidrar med sammanlagt {Kronor.Format(Terms.CoFinancing.Where(f => f.Party == Party.Municipality).Sum(f => f.AmountSek))}", draft.Find("finances")!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026:", draft.Find("finances")!.Text, StringComparison.Ordinal);
        Assert.Equal("Överenskommelsen gäller från och med 2026-07-01 till och med 2029-06-30.", draft.Find("term")!.Text);
        Assert.StartsWith("Att formulera tillsammans:", draft.Find("goals")!.Text, StringComparison.Ordinal);
        Assert.True(draft.Find("goals")!.AwaitsText);
        Assert.False(draft.Find("background")!.AwaitsText);
    }

    [Theory]
    [InlineData(553_200, null, "Mora kommun bidrar med sammanlagt 553 200 kr")]
    [InlineData(553_200, "lokaler", "Mora kommun bidrar med sammanlagt 553 200 kr samt insatser i annan form: lokaler")]
    [InlineData(0, "Ideell tid", "Mora kommun bidrar med insatser i annan form: Ideell tid")]
    public void The_finances_say_what_each_party_brings_and_never_a_sum_of_nothing(int kronor, string? inKind, string expected)
    {
        var terms = Terms with
        {
            CoFinancing = [new CoFinancing(Party.Municipality, 2026, kronor, inKind), new CoFinancing(Party.Organisation, 2026, 0, "Ideell tid, 1 200 timmar")],
        };

        var text = ((RegisteredCase)Given(Drafting).When(new SetAgreementTerms(terms, Coordinator)).ThenState()).File.Agreement!.Find("finances")!.Text;

        Assert.Contains($"{expected} och Föreningen Navet bidrar med insatser i annan form: Ideell tid, 1 200 timmar.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0 kr", text.Replace("200 kr", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_agreement_goes_to_the_committees_only_when_every_section_is_written()
    {
        var drafted = (RegisteredCase)Given(Drafting).When(new SetAgreementTerms(Terms, Coordinator)).ThenState();
        var unwritten = drafted.File.Agreement!.Sections.Where(s => s.AwaitsText).Select(s => s.Id).ToList();
        var terms = new AgreementTermsSet(drafted.File.Agreement, Coordinator, Now);
        var allButOne = unwritten.Skip(1).Select(id => (CaseEvent)new AgreementSectionEdited(id, "Skrivet tillsammans.", Coordinator, Now));

        var error = Given([.. Drafting, terms, .. allButOne]).When(new SubmitAgreementForDecision(Coordinator)).Decision.Error!;

        Assert.Equal(["goals", "values", "contributions", "follow-up", "learning", "documentation", "renegotiation"], unwritten);
        Assert.Equal(Iop.Agreements.AgreementRules.SectionsUnwritten, error.Rule);
        Assert.Contains("goals (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("contributions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_parties_must_contribute_within_the_term()
    {
        var municipalityOnly = Terms with { CoFinancing = ValueList.Of(Terms.CoFinancing[0]) };
        Given(Drafting).When(new SetAgreementTerms(municipalityOnly, Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.BothPartiesFinance);

        var outside = Terms with { CoFinancing = ValueList.Of(Terms.CoFinancing[0] with { Year = 2035 }, Terms.CoFinancing[1]) };
        Given(Drafting).When(new SetAgreementTerms(outside, Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.InvalidContribution);

        var nothing = Terms with { CoFinancing = ValueList.Of(Terms.CoFinancing[0], Terms.CoFinancing[1] with { InKind = " " }) };
        Given(Drafting).When(new SetAgreementTerms(nothing, Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.InvalidContribution);

        Given(Drafting).When(new SetAgreementTerms(Terms with { Term = new PartnershipTerm(Term.End, Term.Start) }, Coordinator)).ThenRejected(CaseRules.InvalidTerm);
        Given(Drafting).When(new SetAgreementTerms(Terms with { TargetGroup = " " }, Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.TargetGroupRequired);
    }

    [Fact]
    public void The_invoice_address_from_the_terms_is_written_into_the_finances_section_and_kept_to_a_few_lines()
    {
        var address = "Mora kommun\r\nFakturaservice, ref. IOP 2026/7\r\nBox 1000, 792 21 Mora";

        var state = (RegisteredCase)Given(Drafting).When(new SetAgreementTerms(Terms with { InvoiceAddress = "  " + address + "\n" }, Coordinator)).ThenState();
        var text = state.File.Agreement!.Find("finances")!.Text;

        Assert.EndsWith("\n\nFakturor skickas till:\nMora kommun\nFakturaservice, ref. IOP 2026/7\nBox 1000, 792 21 Mora", text, StringComparison.Ordinal);
        Assert.Equal(address.ReplaceLineEndings("\n"), state.File.Agreement.Terms.InvoiceAddress);
        Assert.DoesNotContain("Fakturor", ((RegisteredCase)Given(Drafting).When(new SetAgreementTerms(Terms, Coordinator)).ThenState()).File.Agreement!.Find("finances")!.Text, StringComparison.Ordinal);
        Given(Drafting).When(new SetAgreementTerms(Terms with { InvoiceAddress = new string('x', 501) }, Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.InvoiceAddressTooLong);
    }

    [Fact]
    public void A_section_the_coordinator_wrote_survives_new_terms()
    {
        var set = new AgreementTermsSet(AgreementDecider.Draft(Policy, ((RegisteredCase)CaseDecider.Replay([Submitted])).File, Terms, null), Coordinator, Now);
        var edited = new AgreementSectionEdited("target-group", "Äldre i Mora tätort.", Coordinator, Now);

        var state = (RegisteredCase)Given([.. Drafting, set, edited]).When(new SetAgreementTerms(Terms with { TargetGroup = "Alla äldre" }, Coordinator)).ThenState();

        Assert.Equal(new AgreementSectionText("target-group", "Äldre i Mora tätort.", Edited: true), state.File.Agreement!.Find("target-group"));
        Given([.. Drafting, set]).When(new EditAgreementSection("no-such", "Text", Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.UnknownSection);
        Given([.. Drafting, set]).When(new EditAgreementSection("goals", "  ", Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.SectionTextRequired);
        Given(Drafting).When(new EditAgreementSection("goals", "Mål.", Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.TermsRequired);
    }

    [Fact]
    public void The_agreement_goes_to_the_committees_only_with_its_terms()
    {
        var opinion = new RequestsSent(ValueList.Of(OfficialRequest.Open("procurement-1", RequestKind.ProcurementOpinion, null, "Upphandlingsenheten", ProcurementUnit, Now, Now.AddDays(14))), Coordinator, Now);
        var answered = new RequestAnswered("procurement-1", new RecordedAnswer(new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null), ProcurementUnit, "procurement-1.1", Now), Actor.System, Now);

        Given([.. Drafting, opinion, answered]).When(new SubmitAgreementForDecision(Coordinator)).ThenRejected(Iop.Agreements.AgreementRules.TermsRequired);
    }
}
