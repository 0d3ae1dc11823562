using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

/// <summary>
/// From scoping to a signed partnership, entirely in the browser: the coordinator's pages, and the officials answering
/// from the links in their e-mail (found in the local outbox), each signed in as themselves.
/// </summary>
[Collection("Browser")]
public sealed class OfficialsTests(BrowserFixture fixture)
{
    private IopAppFactory App => fixture.App;

    private Task<IPage> SignedInAsync(string name, string email) => BrowserPages.SignedInAsync(fixture.Browser, fixture.BaseAddress, name, email);

    /// <summary>Reloads the local outbox until a mail to <paramref name="to"/> with the subject shows; returns its answer link.</summary>
    private static Task<string> AnswerLinkAsync(IPage page, string subject, string to) => BrowserPages.MailLinkAsync(page, subject, to, BrowserPages.AnswerPath());

    private static async Task ExpectStageAsync(IPage page, string stage)
    {
        if (await page.Locator("#stage").CountAsync() == 0)
        {
            throw new InvalidOperationException(page.Url + "\n" + await page.Locator("body").InnerTextAsync());
        }

        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync(stage);
    }

    private static Task OpenCaseAsync(IPage coordinator, CaseId id, string fragment = "") => BrowserPages.OpenCaseAsync(coordinator, id.ToString(), fragment);

    private async Task MeetingAsync(IPage coordinator, CaseId id, string date, string heading)
    {
        var form = coordinator.Locator("form").Filter(new() { Has = coordinator.GetByRole(AriaRole.Heading, new() { Name = heading }) });
        await form.GetByLabel("Datum (ÅÅÅÅ-MM-DD)").FillAsync(date);
        await form.GetByLabel("Plats").FillAsync("Stadshuset, sal 3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Boka och skicka inbjudningar" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Mötet är bokat och inbjudningarna har skickats.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(coordinator);

        // The meeting takes place.
        App.Time.Advance(DateTimeOffset.Parse($"{date}T16:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture) - App.Time.GetUtcNow());
        await OpenCaseAsync(coordinator, id);

        await coordinator.Locator("#meetings textarea[name=notes]").First.FillAsync("Vi gick igenom utmaningen och nästa steg.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Mötet är genomfört" }).ClickAsync();
    }

    [Fact]
    public async Task A_case_goes_from_scoping_to_an_active_partnership_with_the_officials_answering_from_their_mail()
    {
        var id = await OfficialsCases.VettedAsync(App, "Partnerskapsföreningen");
        var number = (await OfficialsCases.LoadAsync(App, id)).State.File.Number.Value;
        var coordinator = await SignedInAsync("Saga Samordnare", "saga@mora.example");

        // Scoping: the coordinator picks the affected committee; its head is asked to confirm staffing.
        await OpenCaseAsync(coordinator, id);
        await ExpectStageAsync(coordinator, "Berörda nämnder och bolag");
        await coordinator.GetByLabel("Socialnämnden").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara och skicka förfrågningar" }).ClickAsync();
        await ExpectStageAsync(coordinator, "Dialogmöte");

        var staffing = await AnswerLinkAsync(coordinator, $"Bekräfta bemanning – {number}", "helena.sjoberg@mora.example");

        // The case page says whom the case now waits on (the workflow writes it once the wait is armed).
        for (var tries = 0; tries < 80; tries++)
        {
            await OpenCaseAsync(coordinator, id);
            if ((await coordinator.Locator("#waits").CountAsync()) > 0)
            {
                break;
            }

            await Task.Delay(250);
        }

        var waits = coordinator.Locator("#waits");
        await Assertions.Expect(waits).ToContainTextAsync("Helena Sjöberg");
        await Assertions.Expect(waits).ToContainTextAsync("Bekräftelse av bemanning");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "case-waits.png"), FullPage = false });

        var head = await SignedInAsync("Helena Sjöberg", "helena.sjoberg@mora.example");
        await head.GotoAsync(staffing);
        await Accessibility.AssertNoViolationsAsync(head);
        await head.GetByLabel("Ja – följande tjänstepersoner deltar").CheckAsync();
        await head.GetByLabel("Namn 1").FillAsync("Tomas Persson");
        await head.GetByLabel("E-post 1").FillAsync("tomas.persson@mora.example");
        await head.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(head.GetByText("Tack för ditt svar! Det är registrerat i ärendet.")).ToBeVisibleAsync();

        // The stakeholder meeting is held; the organisation reports its position.
        await OpenCaseAsync(coordinator, id);
        await MeetingAsync(coordinator, id, "2026-03-10", "Boka: Dialogmöte med berörda nämnder och bolag");
        await ExpectStageAsync(coordinator, "Intern diskussion");
        var position = await AnswerLinkAsync(coordinator, $"Ert ställningstagande – {number}", "tomas.persson@mora.example");
        var official = await SignedInAsync("Tomas Persson", "tomas.persson@mora.example");
        await official.GotoAsync(position);
        await official.GetByLabel("Ställer sig bakom ett partnerskap").CheckAsync();
        await official.GetByLabel("Motivering och eventuella villkor").FillAsync("Socialförvaltningen ser ett stort behov av mötesplatser.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(official.GetByText("Tack för ditt svar! Det är registrerat i ärendet.")).ToBeVisibleAsync();

        // The follow-up meeting is held: the agreement is drafted.
        await OpenCaseAsync(coordinator, id);
        await ExpectStageAsync(coordinator, "Uppföljningsmöte");
        await MeetingAsync(coordinator, id, "2026-03-17", "Boka: Uppföljningsmöte med tjänstepersonerna");
        await ExpectStageAsync(coordinator, "Avtalsskrivning");

        // Criterion 7: the procurement unit's opinion.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Begär yttrande från upphandlingsenheten" }).ClickAsync();
        var opinion = await AnswerLinkAsync(coordinator, $"Yttrande om marknadssituation – {number}", "upphandling@mora.example");
        var procurement = await SignedInAsync("Upphandlingsenheten", "upphandling@mora.example");
        await procurement.GotoAsync(opinion);
        await procurement.GetByLabel("Det finns ingen marknads- eller konkurrenssituation").CheckAsync();
        await procurement.GetByLabel("Yttrande", new() { Exact = true }).FillAsync("Ingen annan aktör erbjuder motsvarande verksamhet i kommunen.");
        await procurement.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(procurement.GetByText("Tack för ditt svar! Det är registrerat i ärendet.")).ToBeVisibleAsync();

        // The agreement's terms, a DOCX for the parties, and off to the committee.
        await OpenCaseAsync(coordinator, id, "#agreement");
        await coordinator.GetByLabel("Målgrupp").FillAsync("Äldre som lever i ofrivillig ensamhet");
        await coordinator.GetByLabel("Avtalstid från (ÅÅÅÅ-MM-DD)").FillAsync("2026-07-01");
        await coordinator.GetByLabel("Avtalstid till och med (ÅÅÅÅ-MM-DD)").FillAsync("2029-06-30");
        await coordinator.GetByLabel("År, rad 1").FillAsync("2026");
        await coordinator.GetByLabel("Belopp, rad 1").FillAsync("553200");
        await coordinator.GetByLabel("År, rad 2").FillAsync("2026");
        await coordinator.GetByLabel("Part, rad 2").SelectOptionAsync("Organisation");
        await coordinator.GetByLabel("Belopp, rad 2").FillAsync("0");
        await coordinator.GetByLabel("Insats i annan form, rad 2").FillAsync("Ideell tid, 2 000 timmar");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara villkoren och skriv avsnitten" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Mora kommun bidrar med sammanlagt 553 200 kr").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(coordinator);
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByText("Hämta förslaget som Word-dokument").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);

        // Not before every section is written: the refusal names what is left, and the coordinator writes it.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget till nämnderna för beslut" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Kvar att skriva: Mål med verksamheten").First).ToBeVisibleAsync();
        var unwritten = coordinator.Locator("article.awaits-text");
        for (var left = await unwritten.CountAsync(); left > 0; left = await unwritten.CountAsync())
        {
            var section = unwritten.First;
            await section.Locator("textarea").FillAsync("Parterna har skrivit avsnittet tillsammans på uppföljningsmötet.");
            await section.GetByRole(AriaRole.Button, new() { Name = "Spara avsnittet" }).ClickAsync();
            await Assertions.Expect(unwritten).ToHaveCountAsync(left - 1);
        }

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka förslaget till nämnderna för beslut" }).ClickAsync();
        await ExpectStageAsync(coordinator, "Nämndbeslut");

        // The committee's secretary records the decision.
        var decision = await AnswerLinkAsync(coordinator, $"Registrera nämndens beslut – {number}", "lena.aberg@mora.example");
        var secretary = await SignedInAsync("Lena Åberg", "lena.aberg@mora.example");
        await secretary.GotoAsync(decision);
        await Accessibility.AssertNoViolationsAsync(secretary);
        await secretary.GetByLabel("Godkänd").CheckAsync();
        await secretary.GetByLabel("Sammanträdets datum").FillAsync("2026-03-17");
        await secretary.GetByLabel("Protokollsparagraf (till exempel § 19)").FillAsync("§ 19");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(secretary.GetByText("Tack för ditt svar! Det är registrerat i ärendet.")).ToBeVisibleAsync();

        // Both parties sign: the partnership is active.
        await OpenCaseAsync(coordinator, id, "#agreement");
        foreach (var (form, name) in new[] { ("Municipality", "Anna Ordförande"), ("Organisation", "Karin Ek") })
        {
            await coordinator.Locator($"#sign-name-{form}").FillAsync(name);
            await coordinator.Locator($"#sign-date-{form}").FillAsync("2026-03-17");
            await coordinator.Locator("form").Filter(new() { Has = coordinator.Locator($"#sign-name-{form}") }).GetByRole(AriaRole.Button, new() { Name = "Registrera underskriften" }).ClickAsync();
        }

        await ExpectStageAsync(coordinator, "Aktivt partnerskap");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await AnswerLinkAsync(coordinator, $"Partnerskapet har börjat – {number}", "karin.ek@navet.example");
    }

    [Fact]
    public async Task After_a_committee_rejects_the_coordinator_discontinues_the_case()
    {
        var id = await OfficialsCases.AtCommitteeDecisionAsync(App, "Avslagsföreningen");
        var number = (await OfficialsCases.LoadAsync(App, id)).State.File.Number.Value;
        var coordinator = await SignedInAsync("Saga Samordnare", "saga@mora.example");

        var decision = await AnswerLinkAsync(coordinator, $"Registrera nämndens beslut – {number}", "lena.aberg@mora.example");
        var secretary = await SignedInAsync("Lena Åberg", "lena.aberg@mora.example");
        await secretary.GotoAsync(decision);
        await secretary.GetByLabel("Avslagen").CheckAsync();
        await secretary.GetByLabel("Sammanträdets datum").FillAsync(App.Time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await secretary.GetByLabel("Protokollsparagraf (till exempel § 19)").FillAsync("§ 42");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Skicka svaret" }).ClickAsync();
        await Assertions.Expect(secretary.GetByText("Tack för ditt svar! Det är registrerat i ärendet.")).ToBeVisibleAsync();

        await OpenCaseAsync(coordinator, id);
        await Assertions.Expect(coordinator.Locator("#requests")).ToContainTextAsync("Avslagen vid sammanträdet");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Ta tillbaka för omarbetning" })).ToBeVisibleAsync();
        // Discontinuing is one deliberate step away: the form opens from its own summary line.
        await Assertions.Expect(coordinator.GetByLabel("Skäl (skickas till initiativtagaren)")).Not.ToBeVisibleAsync();
        await coordinator.Locator("#discontinue > summary").ClickAsync();
        await coordinator.GetByLabel("Skäl (skickas till initiativtagaren)").FillAsync("Socialnämnden avslog överenskommelsen (§ 42).");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet" }).ClickAsync();

        await ExpectStageAsync(coordinator, "Avslutat ärende");
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await AnswerLinkAsync(coordinator, $"Ert IOP-initiativ går inte vidare – {number}", "karin.ek@navet.example");
    }
}
