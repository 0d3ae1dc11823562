using System.Security.Claims;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Iop.Partnerships;
using Iop.Screening;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Reports;

/// <summary>
/// Cases spread over 2026 and 2027, made through the app's case service as the clock moves (times in UTC; Sweden is an
/// hour ahead in winter, two in summer):
/// <list type="bullet">
/// <item>2026-03-02: A screened and discontinued with a referral to an association grant; B discontinued unscreened
/// without a referral; C discontinued in vetting with a referral to procurement; D, E, F and R taken to the committee
/// decision (every stage passed the same day; the agreement gives the municipality 553 200 kr and the organisation
/// volunteer time for 2026).</item>
/// <item>2026-03-12: Socialnämnden approves D, F and R and rejects E; 2026-03-13 E goes back to drafting with new terms (250 000 kr from the municipality and "=SUMMA(A1:A9)" in kind from the organisation for 2027); 2026-03-20 D, F
/// and R are signed.</item>
/// <item>2026-06-10: G received; 2026-06-12 its screening starts; 2026-06-15 it is screened to a first meeting.</item>
/// <item>2026-09-15: D's first follow-up dialogue: the municipality gave 300 000 kr in 2026, the organisation 800 hours;
/// 2026-11-20 a second one corrects the municipality's 2026 to 320 000 kr (and says nothing of the organisation's).</item>
/// <item>2026-12-31 23:30 UTC (2027-01-01 00:30 in Sweden): H received. The 2026 report is read just before.</item>
/// <item>2027-01-10: D's yearly report on 2026 asked for; 2027-02-10 it comes in (the municipality 553 200 kr, the
/// organisation 12 000 kr and 2 000 hours). 2027-01-20: E goes to the committee again; 2027-02-01 approved; 2027-02-05
/// signed. 2027-03-01: F ends. 2027-03-05: R is renegotiated (2027: 600 000 kr from the municipality and premises from
/// the organisation), 2027-03-20 approved again and 2027-03-25 signed again. 2027-04-01: I received, screened and
/// discontinued with a referral to procurement. 2027-05-01: G's vetting starts. 2027-09-01: the municipality rescinds
/// D's agreement. 2027-10-01: R's follow-up dialogue (the municipality 580 000 kr in 2027, the organisation premises).</item>
/// </list>
/// </summary>
public sealed class FollowUpWorld(AzuriteFixture azurite) : IAsyncLifetime
{
    public IopAppFactory App { get; } = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(AzuriteFixture.UniqueName("f")[..12]);

    /// <summary>The 2026 CSV as it was on 2026-12-31, before the cases moved on in 2027.</summary>
    public byte[] Csv2026AtYearEnd { get; private set; } = [];

    /// <summary>The 2026 page's tables as they were on 2026-12-31.</summary>
    public string Page2026AtYearEnd { get; private set; } = "";

    /// <summary>E's organisation gives this in kind: a formula, which no export may hand to a spreadsheet to run.</summary>
    public const string InKindFormula = "=SUMMA(A1:A9)";

    /// <summary>What R's organisation gives in kind after the renegotiation.</summary>
    public const string Premises = "Lokaler";

    private static readonly Actor Initiator = new("karin.ek@navet.example", "Karin Ek", ActorRole.Initiator);

    public PageClient Coordinator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var service = App.Services.GetRequiredService<CaseService>();
        var social = App.Services.GetRequiredService<OrganisationDirectory>().Find("socialnamnden")!;
        var coordinator = VettingCases.Coordinator;
        var all = service.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();

        async Task<CaseId> SubmitAsync(string organisation)
        {
            var id = CaseId.New();
            Assert.IsType<Accepted>(await service.SubmitAsync(id, TestCases.Initiative(organisation), CancellationToken.None));
            return id;
        }

        Task Accept(CaseId id, CaseCommand command) => OfficialsCases.Accept(service, id, command);
        Task Decide(CaseId id, int round, bool approved) => Accept(id, new AnswerRequest(
            $"decision-{round}-{social.Id}", 1, new CommitteeDecision(approved, Iop.Functions.Localization.SwedishTime.Today(App.Time.GetUtcNow()), "§ 12", null), social.Secretary, Actor.System));
        async Task Sign(CaseId id)
        {
            var today = Iop.Functions.Localization.SwedishTime.Today(App.Time.GetUtcNow());
            await Accept(id, new RecordSignature(Party.Municipality, "Anna Ordförande", "Kommunstyrelsens ordförande", today, coordinator));
            await Accept(id, new RecordSignature(Party.Organisation, "Karin Ek", "Ordförande", today, coordinator));
        }

        RecordFollowUp FollowUp(DateOnly heldOn, params CoFinancing[] contributions) =>
            new(heldOn, null, "Läxhjälp två kvällar i veckan.", [.. contributions], null, "Målen nås.", "Bra samarbete.", coordinator);

        void At(int year, int month, int day, int hour = 9, int minute = 0) => App.Time.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

        // 2026-03-02
        var a = await SubmitAsync("Förening A");
        await Accept(a, new CompleteScreening(all, ScreeningOutcome.Discontinue, "Passar som föreningsbidrag.", Alternative.AssociationGrant, coordinator));
        var b = await SubmitAsync("Förening B");
        await Accept(b, new Discontinue("Initiativtagaren drog tillbaka initiativet.", Alternative.None, coordinator));
        var (c, _, _) = await VettingCases.StartAsync(App, "Förening C");
        await Accept(c, new Discontinue("Det finns en marknad.", Alternative.Procurement, coordinator));
        var d = await OfficialsCases.AtCommitteeDecisionAsync(App, "Förening D");
        var e = await OfficialsCases.AtCommitteeDecisionAsync(App, "Förening E");
        var f = await OfficialsCases.AtCommitteeDecisionAsync(App, "Förening F");
        var r = await OfficialsCases.AtCommitteeDecisionAsync(App, "Förening R");

        At(2026, 3, 12);
        await Decide(d, 1, approved: true);
        await Decide(f, 1, approved: true);
        await Decide(r, 1, approved: true);
        await Decide(e, 1, approved: false);
        At(2026, 3, 13);
        await Accept(e, new ReviseAgreement("Nämnden vill se en tydligare målgrupp.", coordinator));
        await Accept(e, new SetAgreementTerms(OfficialsCases.Terms with { CoFinancing = ValueList.Of(new CoFinancing(Party.Municipality, 2027, 250_000m, null), new CoFinancing(Party.Organisation, 2027, 0m, InKindFormula)) }, coordinator));
        At(2026, 3, 20);
        await Sign(d);
        await Sign(f);
        await Sign(r);

        At(2026, 6, 10);
        var g = await SubmitAsync("Förening G");
        At(2026, 6, 12);
        await Accept(g, new RecordAssessments(all, coordinator));
        At(2026, 6, 15);
        await Accept(g, new CompleteScreening(all, ScreeningOutcome.Continue, null, Alternative.None, coordinator));

        At(2026, 9, 15);
        await Accept(d, FollowUp(new DateOnly(2026, 9, 14), new CoFinancing(Party.Municipality, 2026, 300_000m, null), new CoFinancing(Party.Organisation, 2026, 0m, "Ideell tid, 800 timmar")));
        At(2026, 11, 20);
        await Accept(d, FollowUp(new DateOnly(2026, 11, 19), new CoFinancing(Party.Municipality, 2026, 320_000m, null)));

        At(2026, 12, 31, 12);
        Coordinator = App.Pages();
        await Coordinator.SignInAsCoordinatorAsync();
        Csv2026AtYearEnd = await Coordinator.Http.GetByteArrayAsync(new Uri("/uppfoljning/2026?handler=Csv", UriKind.Relative));
        Page2026AtYearEnd = Tables(await Coordinator.GetStringAsync("/uppfoljning/2026"));

        At(2026, 12, 31, 23, 30);
        await SubmitAsync("Förening H");

        At(2027, 1, 10);
        await Accept(d, new RequestYearlyReport(2026, new DateOnly(2027, 3, 31), coordinator));
        At(2027, 1, 20);
        await Accept(e, new SubmitAgreementForDecision(coordinator));
        At(2027, 2, 1);
        await Decide(e, 2, approved: true);
        At(2027, 2, 5);
        await Sign(e);
        At(2027, 2, 10);
        await Accept(d, new SubmitYearlyReport(
            2026, 1, "Vi höll öppet 120 kvällar.", [new CoFinancing(Party.Municipality, 2026, 553_200m, null), new CoFinancing(Party.Organisation, 2026, 12_000m, "Ideell tid, 2 000 timmar")], [], Initiator));
        At(2027, 3, 1);
        await Accept(f, new EndPartnership("Parterna avslutade samarbetet i förtid.", coordinator));
        At(2027, 3, 5);
        await Accept(r, new RenegotiateAgreement("Verksamheten växer och behöver lokaler.", coordinator));
        await Accept(r, new SetAgreementTerms(
            OfficialsCases.Terms with
            {
                CoFinancing = ValueList.Of(new CoFinancing(Party.Municipality, 2027, 600_000m, null), new CoFinancing(Party.Organisation, 2027, 0m, Premises)),
                Term = new PartnershipTerm(new DateOnly(2027, 7, 1), new DateOnly(2030, 6, 30)),
            },
            coordinator));
        foreach (var section in (await OfficialsCases.LoadAsync(App, r)).State.File.Agreement!.Sections.Where(s => s.AwaitsText))
        {
            await Accept(r, new EditAgreementSection(section.Id, "Parterna har skrivit avsnittet tillsammans.", coordinator));
        }

        await Accept(r, new SubmitAgreementForDecision(coordinator));
        At(2027, 3, 20);
        var renewed = (await OfficialsCases.LoadAsync(App, r)).State.File.Requests.Single(q => q.Kind == RequestKind.CommitteeDecision && q.IsOpen);
        await Accept(r, new AnswerRequest(renewed.Id, renewed.Issue, new CommitteeDecision(true, new DateOnly(2027, 3, 20), "§ 31", null), renewed.Addressee, Actor.System));
        At(2027, 3, 25);
        await Sign(r);
        At(2027, 4, 1);
        var i = await SubmitAsync("Förening I");
        await Accept(i, new CompleteScreening(all, ScreeningOutcome.Discontinue, "Det finns en marknad.", Alternative.Procurement, coordinator));
        At(2027, 5, 1);
        await Accept(g, new StartPartnerVetting(Iop.Functions.Portal.PortalTokens.NewTokenId(), App.Time.GetUtcNow().AddDays(90), coordinator));
        At(2027, 9, 1);
        await Accept(d, new RescindAgreement(Party.Municipality, new DateOnly(2027, 9, 1), "Pengarna användes till annat än det avtalade.", coordinator));
        At(2027, 10, 1);
        await Accept(r, FollowUp(new DateOnly(2027, 9, 30), new CoFinancing(Party.Municipality, 2027, 580_000m, null), new CoFinancing(Party.Organisation, 2027, 0m, Premises)));

        // The coordinator signs in again: the cookie of December has expired.
        await Coordinator.SignInAsCoordinatorAsync();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The page's tables and charts, the part that must not change.</summary>
    public static string Tables(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return string.Join("\n", document.QuerySelectorAll("table.report, svg").Select(t => t.OuterHtml));
    }

    /// <summary>A client signed in as staff without the coordinator role (the development sign-in makes everyone a coordinator).</summary>
    public HttpClient OtherStaff()
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        var options = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
        var email = "olle.obehorig@mora.example";
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, email), new(ClaimTypes.Email, email), new("preferred_username", email), new("name", "Olle Obehörig")];
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)), new AuthenticationProperties(), scheme);
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }

    /// <summary>A client signed in as nobody, without redirects followed.</summary>
    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
