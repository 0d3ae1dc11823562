using System.Text.RegularExpressions;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

/// <summary>
/// A running partnership in the browser: the coordinator books and records a follow-up dialogue, asks for the yearly
/// report, the organisation sends it from a phone with a PDF through the link in its mail, and the term is extended.
/// </summary>
[Collection("Browser")]
public sealed partial class PartnershipLifeTests(BrowserFixture fixture)
{
    private IopAppFactory App => fixture.Life;

    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    [Fact]
    public async Task A_partnership_runs_through_a_follow_up_the_yearly_report_and_an_extension()
    {
        var id = await OfficialsCases.ActiveAsync(App, "Livsföreningen");
        var number = (await OfficialsCases.LoadAsync(App, id)).State.File.Number.Value;
        App.Time.SetUtcNow(DateTimeOffset.Parse("2026-12-08T09:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
        var coordinator = await BrowserPages.SignedInAsync(fixture.Browser, fixture.LifeAddress, "Saga Samordnare", "saga@mora.example");

        // The follow-up dialogue is booked: the parties get an Outlook invitation.
        await BrowserPages.OpenCaseAsync(coordinator, id.ToString());
        await Assertions.Expect(coordinator.Locator("#stage")).ToHaveTextAsync("Aktivt partnerskap");
        var booking = coordinator.Locator("form").Filter(new() { Has = coordinator.GetByRole(AriaRole.Heading, new() { Name = "Boka: Uppföljningsdialog i partnerskapet" }) });
        await booking.GetByLabel("Datum (ÅÅÅÅ-MM-DD)").FillAsync("2026-12-10");
        await booking.GetByLabel("Plats").FillAsync("Föreningshuset, Moragatan 4");
        await booking.GetByRole(AriaRole.Button, new() { Name = "Boka och skicka inbjudningar" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Mötet är bokat och inbjudningarna har skickats.")).ToBeVisibleAsync();

        // It is held, and recorded with what was done, what each party actually gave, and both assessments.
        App.Time.SetUtcNow(DateTimeOffset.Parse("2026-12-10T16:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserPages.OpenCaseAsync(coordinator, id.ToString());
        await coordinator.Locator("#meetings textarea[name=notes]").First.FillAsync("Uppföljning enligt överenskommelsen.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Mötet är genomfört" }).ClickAsync();
        await coordinator.GetByText("Dokumentera en uppföljningsdialog …").ClickAsync();
        await coordinator.GetByLabel("Datum för dialogen (ÅÅÅÅ-MM-DD)").FillAsync("2026-12-10");
        await coordinator.GetByLabel("Vad har gjorts under perioden?").FillAsync("Läxhjälp två kvällar i veckan sedan augusti, 40 barn.");
        await coordinator.GetByLabel("Kommunen 2026, kronor").FillAsync("120000");
        await coordinator.GetByLabel("Organisationen 2026, annat").FillAsync("ideell tid, 600 timmar");
        await coordinator.GetByLabel("Kommunens bedömning").FillAsync("Målen för hösten är nådda.");
        await coordinator.GetByLabel("Organisationens bedömning").FillAsync("Bra samarbete; lokalen är trång.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Spara dokumentationen" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Uppföljningsdialogen är dokumenterad.")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Locator("#follow-up-1")).ToContainTextAsync("ideell tid, 600 timmar");
        await Accessibility.AssertNoViolationsAsync(coordinator);

        // The coordinator asks for the organisation's report on 2026.
        await coordinator.GetByText("Begär en årsrapport nu …").ClickAsync();
        await coordinator.GetByLabel("Sista dag för rapporten (ÅÅÅÅ-MM-DD)").FillAsync("2027-01-31");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Skicka begäran" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Organisationen har fått en länk till årsrapporten för 2026.")).ToBeVisibleAsync();
        await coordinator.Locator("#follow-ups").ScreenshotAsync(new() { Path = Shot("partnership-follow-ups.png") });

        // The organisation sends it from a phone, with its annual report as a PDF.
        var link = await BrowserPages.MailLinkAsync(coordinator, $"Årsrapport för 2026 – {number}", "karin.ek@navet.example", ReportPath());
        var mail = coordinator.Locator("article.outbox-mail").Filter(new() { HasText = $"Årsrapport för 2026 – {number}" }).First;
        await Assertions.Expect(mail).ToContainTextAsync("senast 31 januari 2027");
        await mail.ScreenshotAsync(new() { Path = Shot("yearly-report-mail.png") });
        await using var phone = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.LifeAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var organisation = await phone.NewPageAsync();
        await organisation.GotoAsync(link);
        await Assertions.Expect(organisation.Locator("h1")).ToHaveTextAsync("Årsrapport 2026");
        await Accessibility.AssertNoViolationsAsync(organisation);
        await organisation.GetByLabel("Vad har ni gjort under 2026?").FillAsync("Vi har haft läxhjälp två kvällar i veckan sedan augusti. 40 barn har deltagit.");
        await organisation.GetByLabel("Er organisation: annat (t.ex. ideell tid, 600 timmar)").FillAsync("ideell tid, 640 timmar");
        await organisation.GetByLabel("Kommunen: kronor").FillAsync("120000");
        await organisation.Locator("#report-files").SetInputFilesAsync(new FilePayload { Name = "verksamhetsberättelse 2026.pdf", MimeType = "application/pdf", Buffer = VettingCases.Pdf() });
        await organisation.ScreenshotAsync(new() { Path = Shot("yearly-report-phone.png"), FullPage = true });
        await organisation.GetByRole(AriaRole.Button, new() { Name = "Skicka årsrapporten" }).ClickAsync();
        await Assertions.Expect(organisation.GetByText("Tack! Årsrapporten för 2026 är inlämnad.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(organisation);

        // The coordinator reads it on the case page and extends the term with the committees' decision.
        await BrowserPages.OpenCaseAsync(coordinator, id.ToString());
        await Assertions.Expect(coordinator.Locator("#report-2026")).ToContainTextAsync("40 barn har deltagit.");
        await Assertions.Expect(coordinator.Locator("#report-2026 a")).ToHaveTextAsync("verksamhetsberättelse 2026.pdf");
        await coordinator.Locator("#yearly-reports").ScreenshotAsync(new() { Path = Shot("partnership-yearly-report.png") });
        await coordinator.GetByText("Förläng avtalstiden …").ClickAsync();
        await coordinator.GetByLabel("Ny sista dag (ÅÅÅÅ-MM-DD)").FillAsync("2031-06-30");
        await coordinator.GetByLabel("Nämndernas beslut (t.ex. KS 2029-05-12 § 44)").FillAsync("KS 2026-12-14 § 101");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Förläng", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Avtalstiden är förlängd.")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Locator("#term-end")).ToHaveTextAsync("2031-06-30");
        await Assertions.Expect(coordinator.Locator("#follow-up-plan td.date")).ToHaveCountAsync(4);
        await Accessibility.AssertNoViolationsAsync(coordinator);
        await coordinator.ScreenshotAsync(new() { Path = Shot("partnership-life.png"), FullPage = true });

        var file = (await OfficialsCases.LoadAsync(App, id)).State.File;
        Assert.Equal("ideell tid, 640 timmar", file.YearlyReports[0].Submission!.Contributions.Single(c => c.Party == Iop.Agreements.Party.Organisation).InKind);
        Assert.Equal("dialogue-1", file.FollowUps[0].MeetingId);
    }

    /// <summary>The organisation's yearly report link, as in the mail.</summary>
    [GeneratedRegex(@"/arsrapport/[A-Za-z0-9_\-\.]+")]
    private static partial Regex ReportPath();
}
