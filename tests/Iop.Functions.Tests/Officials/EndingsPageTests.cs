using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Iop.Functions.Tests.Infrastructure;
using Iop.Partnerships;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Officials;

/// <summary>
/// Ending a running partnership early and its disputes on the case page: notice (the end date it leads to), rescission
/// (the partnership ends at once), a dispute up the ladder to its outcome; refusals in Swedish at the field at fault.
/// The term is 2026-07-01 – 2029-06-30 (Mora: three months' notice); the clock stands at 15 September 2026.
/// </summary>
[Collection("Azurite")]
public sealed class EndingsPageTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset MidSeptember = new(2026, 9, 15, 10, 0, 0, TimeSpan.Zero);

    // The web role: no workflow writes to the cases behind the test's back, so an unchanged version means nothing was done.
    private readonly IopAppFactory _app = new IopAppFactory(azurite.ConnectionString).WithSetting(IopRoles.Key, "Web");

    public void Dispose() => _app.Dispose();

    /// <summary>A running partnership in its third month, and the coordinator's client on its page.</summary>
    private async Task<(CaseId Id, PageClient Client)> RunningAsync(string organisation)
    {
        var id = await OfficialsCases.ActiveAsync(_app, organisation);

        // The workflow delivers what the signature sent before the page is read: a version read earlier would be stale.
        await Eventually.UntilHistoryStandsStillAsync(_app.Services.GetRequiredService<ICaseStore>(), id, seconds: 30);
        _app.Time.SetUtcNow(MidSeptember);
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();
        return (id, client);
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(PageClient client, CaseId id, string handler, params (string Name, string Value)[] fields)
    {
        var version = PageClient.HiddenValue(await client.GetStringAsync($"/arenden/{id}"), "version");
        var response = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler={handler}", [new("version", version), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static string Text(IDocument page, string id) => page.GetElementById(id)?.TextContent.Trim() ?? throw new InvalidOperationException($"The page has no #{id}.");

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Notice_given_through_the_form_shows_the_day_the_agreement_ends_and_hides_the_term_choices()
    {
        var (id, client) = await RunningAsync("Uppsägningsföreningen");
        var before = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{id}"));
        Assert.Contains("Uppsägningstiden är 3 månader enligt riktlinjen", Text(before, "notice-terms"), StringComparison.Ordinal);
        Assert.Equal("2026-12-15", Text(before, "notice-preview"));
        Assert.NotNull(before.GetElementById("term-extend"));

        var (response, page) = await PostAsync(client, id, "GiveNotice", ("party", "Organisation"), ("givenOn", "2026-09-10"), ("reason", "Föreningen läggs ned vid årsskiftet."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uppsägningen är registrerad. Avtalet upphör 2026-12-10.", page.QuerySelector(".notice.success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-12-10", Text(page, "notice-ends"));
        Assert.StartsWith("Avtalet är uppsagt och upphör 2026-12-10.", Squeezed(Text(page, "notice-given")), StringComparison.Ordinal);
        Assert.Contains("Uppsagt av organisationen 2026-09-10.", Squeezed(Text(page, "notice-given")), StringComparison.Ordinal);
        foreach (var refused in new[] { "term-extend", "term-renegotiate", "term-let-end", "notice" })
        {
            Assert.Null(page.GetElementById(refused));
        }

        Assert.NotNull(page.GetElementById("rescind"));
        Assert.Contains("Avtalet sades upp av organisationen 2026-09-10 och upphör 2026-12-10. Skäl: Föreningen läggs ned vid årsskiftet.", Text(page, "timeline"), StringComparison.Ordinal);
        var notice = Assert.IsType<ActivePartnership>((await OfficialsCases.LoadAsync(_app, id)).State).Notice!;
        Assert.Equal((Party.Organisation, new DateOnly(2026, 9, 10), new DateOnly(2026, 12, 10)), (notice.GivenBy, notice.GivenOn, notice.EndsOn));
    }

    [Fact]
    public async Task A_refused_notice_says_why_in_swedish_at_the_field_at_fault_and_changes_nothing()
    {
        var (id, client) = await RunningAsync("Felaktiga föreningen");
        var version = (await OfficialsCases.LoadAsync(_app, id)).Version;

        var (noReason, page) = await PostAsync(client, id, "GiveNotice", ("party", "Municipality"), ("givenOn", "2026-09-10"), ("reason", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var link = page.QuerySelector(".error-summary a")!;
        Assert.Equal(("Ange ett skäl.", "#notice-reason"), (link.TextContent, link.GetAttribute("href")));
        Assert.True(page.GetElementById("notice")!.HasAttribute("open"));

        var (future, later) = await PostAsync(client, id, "GiveNotice", ("party", "Municipality"), ("givenOn", "2026-09-16"), ("reason", "Verksamheten flyttar."));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        link = later.QuerySelector(".error-summary a")!;
        Assert.Equal(("Datumet måste ligga mellan avtalstidens första dag och i dag.", "#notice-date"), (link.TextContent, link.GetAttribute("href")));
        Assert.Equal("Verksamheten flyttar.", later.GetElementById("notice-reason")!.TextContent);
        Assert.Equal("2026-09-16", later.GetElementById("notice-date")!.GetAttribute("value"));

        var (noParty, withoutParty) = await PostAsync(client, id, "GiveNotice", ("givenOn", "2026-09-10"), ("reason", "Verksamheten flyttar."));
        Assert.Equal(HttpStatusCode.BadRequest, noParty.StatusCode);
        Assert.Equal("#notice-party", withoutParty.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Contains("Välj vilken part det gäller", withoutParty.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var stored = await OfficialsCases.LoadAsync(_app, id);
        Assert.Equal(version, stored.Version);
        Assert.Null(Assert.IsType<ActivePartnership>(stored.State).Notice);
    }

    [Fact]
    public async Task Rescission_is_warned_of_and_ends_the_partnership_at_once_on_its_day()
    {
        var (id, client) = await RunningAsync("Hävningsföreningen");
        var before = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{id}"));
        Assert.StartsWith("Hävning avslutar partnerskapet omedelbart.", Text(before, "rescind-warning"), StringComparison.Ordinal);

        var (response, page) = await PostAsync(client, id, "Rescind", ("party", "Municipality"), ("on", "2026-09-14"), ("reason", "Väsentligt avtalsbrott: medlen användes till annat."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Avslutat partnerskap", Text(page, "stage"));
        Assert.Equal("2026-09-14", Text(page, "ended-on"));
        Assert.Equal("Avtalet hävdes", Text(page, "ended-kind"));
        Assert.Contains("Avtalet hävdes av kommunen 2026-09-14: Väsentligt avtalsbrott", Text(page, "ended"), StringComparison.Ordinal);
        Assert.Null(page.GetElementById("rescind"));
        Assert.Null(page.GetElementById("term"));
        var ended = Assert.IsType<EndedPartnership>((await OfficialsCases.LoadAsync(_app, id)).State);
        Assert.Equal((new DateOnly(2026, 9, 14), EndingKind.Rescission), (ended.EndedOn, ended.Kind));

        // Other tests' cases share this storage: the row is found by the case's registration number.
        var number = ended.File.Number.Value;
        var list = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden?vy=alla&sok={Uri.EscapeDataString(number)}"));
        var row = Assert.Single(list.QuerySelectorAll("table.cases tbody tr"), tr => tr.QuerySelector("td")!.TextContent.Trim() == number);
        Assert.Equal("Avslutat partnerskap – 2026-09-14", Squeezed(row.QuerySelectorAll("td")[2].TextContent));
    }

    [Fact]
    public async Task A_dispute_climbs_the_ladder_to_the_committee_and_is_settled()
    {
        var (id, client) = await RunningAsync("Tvisteföreningen");
        string Current(IDocument page) => Squeezed(page.QuerySelector("#dispute-1 li[aria-current=step] .rung")!.TextContent);

        var (raised, page) = await PostAsync(client, id, "RaiseDispute", ("party", "Organisation"), ("on", "2026-09-01"), ("subject", "Oenighet om lokalkostnaden."));
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal("Dialog mellan kontaktpersonerna", Current(page));
        Assert.Contains("Tvist väckt av organisationen 2026-09-01", Text(page, "dispute-1-heading"), StringComparison.Ordinal);

        (_, page) = await PostAsync(client, id, "EscalateDispute", ("disputeId", "dispute-1"), ("on", "2026-09-05"), ("reason", "Ingen lösning i dialogen."));
        Assert.Equal("Styrgruppen", Current(page));
        (_, page) = await PostAsync(client, id, "EscalateDispute", ("disputeId", "dispute-1"), ("on", "2026-09-10"), ("reason", "Styrgruppen röstade lika."));
        Assert.Equal("Ansvarig nämnd", Current(page));
        Assert.Null(page.GetElementById("escalate-dispute-1"));
        Assert.StartsWith("Registrera nämndens avgörande", page.QuerySelector("#resolve-dispute-1 summary")!.TextContent, StringComparison.Ordinal);

        var (beyond, top) = await PostAsync(client, id, "EscalateDispute", ("disputeId", "dispute-1"), ("on", "2026-09-11"), ("reason", "Vidare."));
        Assert.Equal(HttpStatusCode.Conflict, beyond.StatusCode);
        Assert.Contains("Tvisten ligger hos ansvarig nämnd, trappans sista steg.", top.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var (early, before) = await PostAsync(client, id, "ResolveDispute", ("disputeId", "dispute-1"), ("on", "2026-09-09"), ("outcome", "För tidigt."));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("#resolve-dispute-1-date", before.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.True(before.GetElementById("resolve-dispute-1")!.HasAttribute("open"));

        (_, page) = await PostAsync(client, id, "ResolveDispute", ("disputeId", "dispute-1"), ("on", "2026-09-14"), ("outcome", "Nämnden beslutade att kommunen står för hyran 2027."));

        Assert.NotNull(page.GetElementById("settled-disputes"));
        var settled = page.GetElementById("dispute-1")!;
        Assert.Contains("settled", settled.ClassList);
        Assert.Equal(
            ["Dialog mellan kontaktpersonerna 2026-09-01 Tvisten väcktes.", "Styrgruppen 2026-09-05 Ingen lösning i dialogen.", "Ansvarig nämnd 2026-09-10 Styrgruppen röstade lika."],
            settled.QuerySelectorAll("ol.ladder li").Select(li => Squeezed(li.TextContent)));
        Assert.Contains("Avgjord 2026-09-14: Nämnden beslutade att kommunen står för hyran 2027.", Squeezed(settled.QuerySelector(".outcome")!.TextContent), StringComparison.Ordinal);
        Assert.Null(page.GetElementById("resolve-dispute-1"));
        var dispute = Assert.Single((await OfficialsCases.LoadAsync(_app, id)).State.File.Disputes);
        Assert.Equal((new DateOnly(2026, 9, 14), DisputeLevel.Committee), (dispute.ResolvedOn, dispute.Level));
    }

    [Fact]
    public async Task After_the_notice_period_the_partnership_ends_on_its_last_day_and_the_case_file_prints_the_notice_and_the_disputes()
    {
        var (id, client) = await RunningAsync("Akttvisteföreningen");
        var service = _app.Services.GetRequiredService<CaseService>();
        var coordinator = VettingCases.Coordinator;
        await OfficialsCases.Accept(service, id, new RaiseDispute(Party.Municipality, new DateOnly(2026, 8, 20), "Målgruppen nås inte.", coordinator));
        await OfficialsCases.Accept(service, id, new EscalateDispute("dispute-1", new DateOnly(2026, 9, 1), "Dialogen gav inget.", coordinator));
        await OfficialsCases.Accept(service, id, new RaiseDispute(Party.Organisation, new DateOnly(2026, 9, 2), "Lokalen.", coordinator));
        await OfficialsCases.Accept(service, id, new ResolveDispute("dispute-2", new DateOnly(2026, 9, 3), "Kommunen byter lås.", coordinator));
        await OfficialsCases.Accept(service, id, new GiveNotice(Party.Organisation, new DateOnly(2026, 9, 15), "Föreningen läggs ned.", coordinator));

        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 16, 7, 0, 0, TimeSpan.Zero));
        await service.HandleAsync(id, new CheckDeadlines(Actor.System), null, CancellationToken.None);

        var ended = Assert.IsType<EndedPartnership>((await OfficialsCases.LoadAsync(_app, id)).State);
        Assert.Equal((new DateOnly(2026, 12, 15), EndingKind.Notice), (ended.EndedOn, ended.Kind));
        client = _app.Pages();
        await client.SignInAsCoordinatorAsync(); // three months on, the sign-in of September has expired
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{id}"));
        Assert.Equal("2026-12-15", Text(page, "ended-on"));
        Assert.Equal("Uppsagt – uppsägningstiden löpte ut", Text(page, "ended-kind"));
        Assert.NotNull(page.QuerySelector("#dispute-1 li[aria-current=step]"));
        Assert.Null(page.GetElementById("resolve-dispute-1"));

        var file = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{id}/akt"));
        Assert.Contains("Partnerskapet upphörde 2026-12-15 – Uppsagt – uppsägningstiden löpte ut", CaseFiles.CaseFileTexts.Text(file.GetElementById("case-file-summary")!), StringComparison.Ordinal);
        var section = CaseFiles.CaseFileTexts.Text(file.GetElementById("akt-endings")!);
        foreach (var expected in new[]
        {
            "Uppsägning, hävning och tvister", "Uppsagt av Organisationen", "Uppsägningen gavs 2026-09-15", "Avtalet upphör 2026-12-15", "Skäl Föreningen läggs ned.",
            "Tvist väckt av kommunen 2026-08-20", "Gäller Målgruppen nås inte.", "Läge Pågår – hos styrgruppen", "Styrgruppen 2026-09-01 Dialogen gav inget.",
            "Tvist väckt av organisationen 2026-09-02", "Avgjord 2026-09-03: Kommunen byter lås.",
        })
        {
            Assert.Contains(expected, section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Before_the_term_starts_the_section_says_when_an_ending_can_be_recorded()
    {
        var id = await OfficialsCases.ActiveAsync(_app, "Tidiga föreningen");
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/arenden/{id}"));

        Assert.Contains("Avtalstiden börjar 2026-07-01.", Text(page, "endings-not-started"), StringComparison.Ordinal);
        Assert.Null(page.GetElementById("notice"));
        Assert.Null(page.GetElementById("rescind"));
        Assert.Null(page.GetElementById("dispute"));
        Assert.Equal("Inga tvister har registrerats.", Text(page, "no-disputes"));
    }
}
