using Iop.Cases;
using Iop.Common;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

public sealed class CaseListQueryTests
{
    private static readonly Awaited Me = new(PartyKind.Coordinator, "", null, null);

    private static CaseSummary Case(string name, Stage stage = Stage.Received, int? dueInDays = null, int sequence = 1, string organisationNumber = "802012-3454", string contact = "Karin Ek", bool waitsOnMe = false) =>
        new(CaseId.New(), new RegistrationNumber($"KS 2026/{sequence}", 2026, sequence), name, stage, Now.AddDays(-sequence), Now, dueInDays is { } d ? Now.AddDays(d) : null, 3)
        {
            OrganisationNumber = organisationNumber,
            ContactName = contact,
            ContactEmail = contact.Replace(' ', '.').ToLowerInvariant() + "@example.org",
            WaitingOn = waitsOnMe ? ValueList.Of(Me) : ValueList.Of(new Awaited(PartyKind.Organisation, contact, name, null)),
        };

    private static string[] Names(CaseListQuery query, params CaseSummary[] cases) => [.. query.Matching(cases, Now).Select(c => c.OrganisationName)];

    [Fact]
    public void Search_finds_a_case_by_registration_number_organisation_organisation_number_or_contact_whatever_the_case_of_letters()
    {
        CaseSummary[] cases =
        [
            Case("Föreningen Navet", sequence: 17, organisationNumber: "802012-3454", contact: "Karin Ek"),
            Case("Idrottsklubben Älven", sequence: 4, organisationNumber: "802400-1111", contact: "Åsa Lind"),
        ];

        Assert.Equal(["Föreningen Navet"], Names(new("KS 2026/17"), cases));
        Assert.Equal(["Föreningen Navet"], Names(new("2026/17"), cases));
        Assert.Equal(["Föreningen Navet"], Names(new("navet"), cases));
        Assert.Equal(["Idrottsklubben Älven"], Names(new("ÄLVEN"), cases));
        Assert.Equal(["Föreningen Navet"], Names(new("8020123454"), cases));
        Assert.Equal(["Idrottsklubben Älven"], Names(new("802400-1111"), cases));
        Assert.Equal(["Idrottsklubben Älven"], Names(new("åsa"), cases));
        Assert.Equal(["Föreningen Navet"], Names(new("karin.ek@"), cases));
        Assert.Equal(["Föreningen Navet"], Names(new("navet karin"), cases));
        Assert.Empty(Names(new("navet åsa"), cases));
        Assert.Equal(2, Names(new("   "), cases).Length);
    }

    [Fact]
    public void The_views_show_open_cases_mine_overdue_or_all()
    {
        CaseSummary[] cases =
        [
            Case("waits on me", waitsOnMe: true, dueInDays: 3),
            Case("waits on the organisation, overdue", Stage.PartnerVetting, dueInDays: -2),
            Case("active partnership", Stage.Active),
            Case("discontinued", Stage.Discontinued),
        ];

        Assert.Equal(["waits on the organisation, overdue", "waits on me"], Names(new(), cases));
        Assert.Equal(["waits on me"], Names(new(View: CaseView.Mine), cases));
        Assert.Equal(["waits on the organisation, overdue"], Names(new(View: CaseView.Overdue), cases));
        Assert.Equal(4, Names(new(View: CaseView.All), cases).Length);
        Assert.Equal(["discontinued"], Names(new(Stage: Stage.Discontinued), cases));
    }

    [Fact]
    public void Sorting_by_organisation_follows_Swedish_alphabetical_order_either_way()
    {
        CaseSummary[] cases = [Case("Örnen"), Case("Ängeln"), Case("Zeta"), Case("Åkern"), Case("alfa")];

        Assert.Equal(["alfa", "Zeta", "Åkern", "Ängeln", "Örnen"], Names(new(Sort: CaseSort.Organisation), cases));
        Assert.Equal(["Örnen", "Ängeln", "Åkern", "Zeta", "alfa"], Names(new(Sort: CaseSort.Organisation, Descending: true), cases));
    }

    [Fact]
    public void Sorting_by_due_date_puts_cases_without_one_last_and_by_number_orders_by_year_then_sequence()
    {
        CaseSummary[] cases = [Case("none", sequence: 10), Case("later", dueInDays: 9, sequence: 2), Case("sooner", dueInDays: 1, sequence: 9)];

        Assert.Equal(["sooner", "later", "none"], Names(new(Sort: CaseSort.Due), cases));
        Assert.Equal(["later", "sooner", "none"], Names(new(Sort: CaseSort.Due, Descending: true), cases));
        Assert.Equal(["later", "sooner", "none"], Names(new(Sort: CaseSort.Number), cases));
        Assert.Equal(["none", "sooner", "later"], Names(new(Sort: CaseSort.Number, Descending: true), cases));
    }

    [Fact]
    public void Pages_hold_fifty_cases_and_a_page_past_the_end_shows_the_last()
    {
        var cases = Enumerable.Range(1, 120).Select(i => Case($"Förening {i:D3}", sequence: i)).ToList();

        var first = new CaseListQuery(Sort: CaseSort.Number).Apply(cases, Now);
        var past = new CaseListQuery(Sort: CaseSort.Number, Page: 99).Apply(cases, Now);
        var before = new CaseListQuery(Sort: CaseSort.Number, Page: -3).Apply(cases, Now);

        Assert.Equal((120, 3, 1, 50), (first.Total, first.PageCount, first.Page, first.Items.Count));
        Assert.Equal("Förening 001", first.Items[0].OrganisationName);
        Assert.Equal((3, 20, "Förening 101"), (past.Page, past.Items.Count, past.Items[0].OrganisationName));
        Assert.Equal(1, before.Page);
    }
}
