using System.Text.RegularExpressions;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Tests.Infrastructure;
using Iop.Meetings;
using Iop.Officials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

/// <summary>
/// The app started under Stockholm's guideline (<c>Iop:PolicyProfile=stockholm-2017</c>), in the browser: its seven
/// criteria, documents without a values declaration, one named contact per administration, and its three legal
/// assessments and values check before the agreement goes to the committees.
/// </summary>
[Collection("Browser")]
public sealed class GuidelineTests(BrowserFixture fixture)
{
    private IopAppFactory App => fixture.Stockholm;

    private async Task<IPage> PageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.StockholmAddress.ToString() });
        return await context.NewPageAsync();
    }

    private Task<IPage> SignedInAsync(string name, string email) => BrowserPages.SignedInAsync(fixture.Browser, fixture.StockholmAddress, name, email);

    private static Task<string> LinkAsync(IPage page, string subject, string to, Regex path) => BrowserPages.MailLinkAsync(page, subject, to, path);

    private static Regex PortalPath() => BrowserPages.PortalPath();

    private static Regex AnswerPath() => BrowserPages.AnswerPath();

    [Fact]
    public async Task A_case_runs_under_stockholms_guideline_from_the_public_form_to_an_active_partnership()
    {
        var service = App.Services.GetRequiredService<CaseService>();
        var directory = App.Services.GetRequiredService<OrganisationDirectory>();

        // The organisation submits its initiative; the form's self-assessment is Stockholm's checklist.
        var initiator = await PageAsync();
        await initiator.GotoAsync("/initiativ/nytt");
        await Assertions.Expect(initiator.Locator("#self-no-market")).ToContainTextAsync("Det finns inte en marknad eller en konkurrenssituation att vårda");
        await initiator.GetByLabel("Organisationens namn").FillAsync("Stockholms läxhjälp");
        await initiator.GetByLabel("Organisationsnummer").FillAsync("802477-8410");
        await initiator.GetByLabel("Kontaktpersonens namn").FillAsync("Ali Berg");
        await initiator.GetByLabel("E-postadress").FillAsync("ali.berg@laxhjalp.example");
        await initiator.GetByLabel("Telefonnummer").FillAsync("070-123 45 67");
        await initiator.GetByLabel("Samhällsutmaningen").FillAsync("Barn i ytterstaden saknar stöd med skolarbetet.");
        await initiator.GetByLabel("Er idé").FillAsync("Läxhjälp med frivilliga studenter tre kvällar i veckan.");
        await initiator.GetByRole(AriaRole.Button, new() { Name = "Skicka initiativet" }).ClickAsync();
        var number = await initiator.Locator("#registration-number").InnerTextAsync();
        await Assertions.Expect(initiator.GetByText("Därefter ber vi om några dokument om er organisation.")).ToBeVisibleAsync();

        // The coordinator screens it against the seven criteria; the page names the guideline.
        var coordinator = await SignedInAsync("Sara Samordnare", "sara@stockholm.example");
        await coordinator.GotoAsync("/arenden");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#guideline")).ToContainTextAsync("Stockholms stad");
        var criteria = coordinator.Locator("#screening fieldset[id^=criterion-]");
        await Assertions.Expect(criteria).ToHaveCountAsync(7);
        foreach (var criterion in await criteria.AllAsync())
        {
            await criterion.GetByLabel("Stämmer", new() { Exact = true }).CheckAsync();
        }

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Gå vidare till första möte" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#stage")).ToHaveTextAsync("Första möte");
        var id = CaseId.Parse(new Uri(coordinator.Url).AbsolutePath.Split('/')[2]);

        // Vetting asks for documents only: there is no declaration to sign.
        await Assertions.Expect(coordinator.GetByText("begär organisationens dokument. Organisationen får")).ToBeVisibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Starta kontroll av organisationen" }).ClickAsync();
        var portal = await LinkAsync(coordinator, "Uppgifter om er organisation", "ali.berg@laxhjalp.example", PortalPath());
        await initiator.GotoAsync(portal);
        await Assertions.Expect(initiator.GetByRole(AriaRole.Button, new() { Name = "Underteckna värdegrunden" })).ToHaveCountAsync(0);
        var pdf = new FilePayload { Name = "stadgar.pdf", MimeType = "application/pdf", Buffer = VettingCases.Pdf() };
        foreach (var document in new[] { "statutes", "activity-description" })
        {
            var section = initiator.Locator($"#doc-{document}");
            await section.Locator("input[type=file]").SetInputFilesAsync(pdf);
            await section.GetByRole(AriaRole.Button, new() { Name = "Skicka filen" }).ClickAsync();
            await Assertions.Expect(initiator.GetByText("Tack! Filen är sparad.")).ToBeVisibleAsync();
        }

        var report = initiator.Locator("#doc-annual-report");
        await report.GetByText("Dokumentet finns inte hos oss").ClickAsync();
        await report.GetByLabel("Förklara varför").FillAsync("Föreningen bildades i år och har ingen verksamhetsberättelse ännu.");
        await report.GetByRole(AriaRole.Button, new() { Name = "Skicka förklaringen" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(initiator);

        await coordinator.GotoAsync($"/arenden/{id}");
        foreach (var document in new[] { "statutes", "activity-description", "annual-report" })
        {
            await coordinator.Locator($"#request-{document}").GetByLabel("Godkänn").CheckAsync();
        }

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara granskningarna" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#stage")).ToHaveTextAsync("Berörda nämnder och bolag");

        // The head names one contact person for the administration.
        await coordinator.GetByLabel("Socialnämnden").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara och skicka förfrågningar" }).ClickAsync();
        var staffing = await LinkAsync(coordinator, $"Bekräfta bemanning – {number}", "helena.sjoberg@mora.example", AnswerPath());
        var head = await SignedInAsync("Helena Sjöberg", "helena.sjoberg@mora.example");
        await head.GotoAsync(staffing);
        await Assertions.Expect(head.GetByText("Förvaltningens kontaktperson (en namngiven sakkunnig)")).ToBeVisibleAsync();
        await Assertions.Expect(head.GetByLabel("Namn 2")).ToHaveCountAsync(0);
        await head.GetByLabel("Ja – vår kontaktperson för partnerskapet är").CheckAsync();
        await head.GetByLabel("Namn 1").FillAsync("Tomas Persson");
        await head.GetByLabel("E-post 1").FillAsync("tomas.persson@mora.example");
        await Accessibility.AssertNoViolationsAsync(head);
        await head.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "staffing-one-contact.png"), FullPage = true });
        await head.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(head.GetByText("Tack för ditt svar! Det är registrerat i ärendet.")).ToBeVisibleAsync();

        // The meetings, the position and the procurement unit's opinion (criterion 1) as the other browser test walks them.
        var social = directory.Find("socialnamnden")!;
        var contact = new Person("Tomas Persson", "tomas.persson@mora.example");
        foreach (var kind in new[] { MeetingKind.StakeholderMeeting, MeetingKind.FollowUpMeeting })
        {
            var start = App.Time.GetUtcNow().AddHours(1);
            await OfficialsCases.Accept(service, id, new ScheduleMeeting(kind, start, start.AddHours(1), "Stadshuset", false, ValueList.Of(contact), VettingCases.Coordinator));
            App.Time.Advance(TimeSpan.FromHours(2));
            await OfficialsCases.Accept(service, id, new RecordMeetingHeld((await OfficialsCases.LoadAsync(App, id)).State.File.Meetings[^1].Id, null, VettingCases.Coordinator));
            if (kind == MeetingKind.StakeholderMeeting)
            {
                await OfficialsCases.Accept(service, id, new AnswerRequest($"position-{social.Id}", 1, new PositionAnswer(Officials.Position.Supports, "Ja."), contact, Actor.System));
            }
        }

        await OfficialsCases.Accept(service, id, new RequestProcurementOpinion(directory.Procurement, VettingCases.Coordinator));
        var opinion = (await OfficialsCases.LoadAsync(App, id)).State.File.Requests.Last(r => r.Kind == RequestKind.ProcurementOpinion);
        await OfficialsCases.Accept(service, id, new AnswerRequest(opinion.Id, 1, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null), directory.Procurement, Actor.System));
        await OfficialsCases.Accept(service, id, new SetAgreementTerms(OfficialsCases.Terms, VettingCases.Coordinator));
        foreach (var section in (await OfficialsCases.LoadAsync(App, id)).State.File.Agreement!.Sections.Where(s => s.AwaitsText))
        {
            await OfficialsCases.Accept(service, id, new EditAgreementSection(section.Id, "Parterna har skrivit avsnittet tillsammans.", VettingCases.Coordinator));
        }

        // The agreement cannot go to the committees before the guideline's checks; the refusal names them.
        await coordinator.GotoAsync($"/arenden/{id}");
        await Assertions.Expect(coordinator.Locator("#stage")).ToHaveTextAsync("Avtalsskrivning");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget till nämnderna för beslut" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Kvar: Upphandlingsreglerna, Kommunallagen, EU:s statsstödsregler, Stadens värderingar.").First).ToBeVisibleAsync();
        await coordinator.Locator("#next-actions").GetByRole(AriaRole.Link, new() { Name = "Gör riktlinjens kontroller" }).ClickAsync();
        foreach (var check in new[] { "procurement-rules", "local-government-act", "state-aid", "city-values" })
        {
            var article = coordinator.Locator($"#check-{check}");
            await article.GetByLabel("Uppfyllt", new() { Exact = true }).CheckAsync();
            await article.GetByLabel("Motivering").FillAsync("Bedömt av stadens jurist utifrån upphandlingsenhetens yttrande och föreningens stadgar.");
            await article.GetByRole(AriaRole.Button, new() { Name = "Spara bedömningen" }).ClickAsync();
            await Assertions.Expect(coordinator.GetByText("Bedömningen är sparad.")).ToBeVisibleAsync();
        }

        await Assertions.Expect(coordinator.Locator("#checks-outstanding")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.Locator("#checks").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "guideline-checks.png") });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget till nämnderna för beslut" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator("#stage")).ToHaveTextAsync("Nämndbeslut");

        // The committee's secretary is told of the findings in the decision mail; the decision and the signatures follow.
        var mail = coordinator.Locator("article.outbox-mail").Filter(new() { HasText = $"Registrera nämndens beslut – {number}" }).First;
        await LinkAsync(coordinator, $"Registrera nämndens beslut – {number}", "lena.aberg@mora.example", AnswerPath());
        await Assertions.Expect(mail).ToContainTextAsync("Kontroller enligt riktlinjen, gjorda av samordnaren:");
        await Assertions.Expect(mail).ToContainTextAsync("– Kommunallagen: uppfyllt.");
        await mail.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "decision-mail-checks.png") });
        var decision = (await OfficialsCases.LoadAsync(App, id)).State.File.Requests.Single(r => r.Kind == RequestKind.CommitteeDecision && r.IsOpen);
        await OfficialsCases.Accept(service, id, new AnswerRequest(decision.Id, 1, new CommitteeDecision(true, DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime), "§ 7", null), decision.Addressee, Actor.System));
        await coordinator.GotoAsync($"/arenden/{id}#agreement");
        foreach (var (form, name) in new[] { ("Municipality", "Anna Ordförande"), ("Organisation", "Ali Berg") })
        {
            await coordinator.Locator($"#sign-name-{form}").FillAsync(name);
            await coordinator.Locator($"#sign-date-{form}").FillAsync(App.Time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await coordinator.Locator("form").Filter(new() { Has = coordinator.Locator($"#sign-name-{form}") }).GetByRole(AriaRole.Button, new() { Name = "Registrera underskriften" }).ClickAsync();
        }

        await Assertions.Expect(coordinator.Locator("#stage")).ToHaveTextAsync("Aktivt partnerskap");
        await Accessibility.AssertNoViolationsAsync(coordinator);

        // The public register lists it for anyone, without the organisation's contact (not consented to at signing).
        await initiator.GotoAsync("/partnerskap");
        var listed = initiator.Locator("article.partnership").Filter(new() { HasText = "Stockholms läxhjälp" });
        await Assertions.Expect(listed).ToContainTextAsync("Barn i ytterstaden saknar stöd med skolarbetet.");
        await Assertions.Expect(listed).Not.ToContainTextAsync("ali.berg@laxhjalp.example");
        await Accessibility.AssertNoViolationsAsync(initiator);
    }
}
