using Iop.Agreements;
using Iop.Cases;
using Iop.Policies;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Policies;

/// <summary>The guidelines that ship with the app: Mora's default and the profiles written from Gävle's, Ekerö's and Stockholm's.</summary>
public sealed class BuiltInProfileTests
{
    private static readonly string[] Written = ["ekero-2019", "gavle-1", "stockholm-2017"];

    public static TheoryData<string> BuiltIn => new(PolicyProfileLoader.BuiltInIds);

    public static TheoryData<string> WrittenFromGuidelines => new(Written);

    [Fact]
    public void Every_profile_file_is_embedded_and_found()
    {
        Assert.Equal(["ekero-2019", "gavle-1", "mora-2023", "stockholm-2017"], PolicyProfileLoader.BuiltInIds);
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Every_built_in_profile_loads_validates_and_is_named_by_its_id(string id)
    {
        var profile = PolicyProfileLoader.LoadBuiltIn(id);

        Assert.Equal(id, profile.Id);
        Assert.Empty(PolicyProfileValidator.Validate(profile));
    }

    [Theory]
    [MemberData(nameof(WrittenFromGuidelines))]
    public void A_profile_written_from_a_guideline_notes_its_judgement_calls_and_asks_for_no_declaration(string id)
    {
        var profile = PolicyProfileLoader.LoadBuiltIn(id);

        Assert.NotEmpty(profile.Notes);
        Assert.All(profile.Notes, note => Assert.False(string.IsNullOrWhiteSpace(note)));
        Assert.Null(profile.Declaration);
        Assert.Equal(ReminderCadence.CalendarDays, profile.Reminders.DayCount);
    }

    [Fact]
    public void Gavle_has_its_three_characteristics_ten_sections_and_every_document_only_if_it_exists()
    {
        var gavle = PolicyProfileLoader.LoadBuiltIn("gavle-1");

        Assert.Equal("Gävle kommun", gavle.Municipality);
        Assert.Equal(3, gavle.Checklist.Count);
        Assert.DoesNotContain(gavle.Checklist, c => c.RequiresProcurementOpinion);
        Assert.Equal(8, gavle.Documents.Count);
        Assert.All(gavle.Documents, d => Assert.True(d.MayNotExist, d.Id));
        Assert.Equal(["statutes"], gavle.Documents.Where(d => d.MustShowDemocraticGovernance).Select(d => d.Id));
        Assert.Equal(
            ["Bakgrund", "Parter", "Period för partnerskapet", "Partnerskapets samfinansiering", "Värdegrund för partnerskapet", "Målgrupp och uppdrag", "Samverkan", "Partnerskapets organisering", "Utvärdering och uppföljning", "Marknadsföring och kommunikation"],
            gavle.AgreementSections.Select(s => s.Title.Sv));
        Assert.False(gavle.Staffing.OneNamedContact);
    }

    [Fact]
    public void Gavles_check_of_democratic_principles_is_required_and_its_suitable_form_check_is_not()
    {
        var gavle = PolicyProfileLoader.LoadBuiltIn("gavle-1");

        Assert.Equal(2, gavle.Checks.Count);
        var democratic = gavle.FindCheck("democratic-principles")!;
        Assert.False(democratic.Optional);
        Assert.StartsWith("Nämnden eller styrelsen ska kontrollera", democratic.Question.Sv, StringComparison.Ordinal);
        Assert.Contains("motverkar diskriminering", democratic.Question.Sv, StringComparison.Ordinal);
        Assert.True(gavle.FindCheck("suitable-form")!.Optional);
    }

    [Fact]
    public void Ekero_has_SKLs_eight_criteria_with_the_procurement_opinion_on_not_being_a_purchase()
    {
        var ekero = PolicyProfileLoader.LoadBuiltIn("ekero-2019");

        Assert.Equal(8, ekero.Checklist.Count);
        Assert.Equal(["not-a-purchase"], ekero.Checklist.Where(c => c.RequiresProcurementOpinion).Select(c => c.Id));
        Assert.Equal(2, ekero.Documents.Count);
        Assert.All(ekero.Documents, d => Assert.False(d.MayNotExist, d.Id));
        Assert.Equal(9, ekero.AgreementSections.Count);
        Assert.Empty(ekero.Checks);
        Assert.False(ekero.Staffing.OneNamedContact);
        Assert.Contains("KS19/186", ekero.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Stockholm_has_Forums_seven_criteria_three_legal_assessments_a_values_check_and_one_named_contact()
    {
        var stockholm = PolicyProfileLoader.LoadBuiltIn("stockholm-2017");

        Assert.Equal(7, stockholm.Checklist.Count);
        Assert.Equal(["no-market"], stockholm.Checklist.Where(c => c.RequiresProcurementOpinion).Select(c => c.Id));
        Assert.Equal(["procurement-rules", "local-government-act", "state-aid", "city-values"], stockholm.Checks.Select(c => c.Id));
        Assert.All(stockholm.Checks, c => Assert.False(c.Optional, c.Id));
        Assert.All(stockholm.Checks.Take(3), c => Assert.StartsWith("Innan staden ingår avtal ska en bedömning göras", c.Question.Sv, StringComparison.Ordinal));
        Assert.EndsWith("upphandlingsreglerna.", stockholm.FindCheck("procurement-rules")!.Question.Sv, StringComparison.Ordinal);
        Assert.EndsWith("kommunallagen.", stockholm.FindCheck("local-government-act")!.Question.Sv, StringComparison.Ordinal);
        Assert.EndsWith("EU:s statsstödsregler.", stockholm.FindCheck("state-aid")!.Question.Sv, StringComparison.Ordinal);
        Assert.Contains("stadens värderingar", stockholm.FindCheck("city-values")!.Question.Sv, StringComparison.Ordinal);
        Assert.True(stockholm.Staffing.OneNamedContact);
        Assert.Equal(["Stadgar", "Beskrivning av verksamhetsidé", "Verksamhetsberättelse"], stockholm.Documents.Select(d => d.Name.Sv));
        Assert.Equal(["annual-report"], stockholm.Documents.Where(d => d.MayNotExist).Select(d => d.Id));
        Assert.Equal(8, stockholm.AgreementSections.Count);
        Assert.Equal("Hävning och tvist", stockholm.AgreementSections[^1].Title.Sv);
        Assert.Contains("171-84/2017", stockholm.Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WrittenFromGuidelines))]
    public void The_co_financing_and_term_sections_are_drafted_from_the_case(string id)
    {
        var profile = PolicyProfileLoader.LoadBuiltIn(id);
        var file = ((RegisteredCase)CaseDecider.Replay([Submitted])).File;

        var draft = AgreementDecider.Draft(profile, file, Terms, before: null);

        Assert.Equal(profile.AgreementSections.Select(s => s.Id), draft.Sections.Select(s => s.Id));
        Assert.Contains("enligt tabellen över medfinansiering", draft.Find("finances")!.Text, StringComparison.Ordinal);
        Assert.Contains($"{profile.Municipality} bidrar med", draft.Find("finances")!.Text, StringComparison.Ordinal);
        Assert.Equal("Överenskommelsen gäller från och med 2026-07-01 till och med 2029-06-30.", draft.Find("term")!.Text);
        Assert.Equal(Terms.TargetGroup, draft.Find("target-group")!.Text);
        Assert.Contains(draft.Sections, s => s.AwaitsText);
    }
}
