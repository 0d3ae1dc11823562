using System.Text.RegularExpressions;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Tests.Infrastructure;
using Iop.Screening;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

[Collection("Browser")]
public sealed partial class PartnerVettingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_organisation_completes_vetting_through_its_portal_and_the_case_moves_to_scoping()
    {
        var service = fixture.App.Services.GetRequiredService<CaseService>();
        var id = CaseId.New();
        await service.SubmitAsync(id, VettingCases.Initiative("Portalföreningen"), CancellationToken.None);
        var all = service.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();
        await service.HandleAsync(id, new CompleteScreening(all, ScreeningOutcome.Continue, null, Alternative.None, VettingCases.Coordinator), null, CancellationToken.None);

        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        // The coordinator starts vetting from the case page.
        await page.GotoAsync($"/arenden/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Starta kontroll av organisationen" }).ClickAsync();
        Assert.Equal("Kontroll av organisationen", await page.Locator("#stage").InnerTextAsync());

        // The organisation's link arrives by mail (the local outbox).
        var portal = await PortalLinkAsync(page, "Uppgifter om er organisation");
        var organisation = await context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var initiator = await organisation.NewPageAsync();
        await initiator.GotoAsync(portal);
        await Accessibility.AssertNoViolationsAsync(initiator);

        var pdf = new FilePayload { Name = "dokument.pdf", MimeType = "application/pdf", Buffer = VettingCases.Pdf() };
        foreach (var document in service.Policy.Documents.Where(d => d.Id != "audit-report"))
        {
            var section = initiator.Locator($"#doc-{document.Id}");
            await section.Locator("input[type=file]").SetInputFilesAsync(pdf);
            await section.GetByRole(AriaRole.Button, new() { Name = "Skicka filen" }).ClickAsync();
            await Assertions.Expect(initiator.GetByText("Tack! Filen är sparad.")).ToBeVisibleAsync();
        }

        var audit = initiator.Locator("#doc-audit-report");
        await audit.GetByText("Dokumentet finns inte hos oss").ClickAsync();
        await audit.GetByLabel("Förklara varför").FillAsync("Föreningen är nystartad och har inte haft någon revision.");
        await audit.GetByRole(AriaRole.Button, new() { Name = "Skicka förklaringen" }).ClickAsync();
        await Assertions.Expect(initiator.GetByText("Tack! Vi har noterat att dokumentet inte finns.")).ToBeVisibleAsync();

        await initiator.GetByLabel("Namn", new() { Exact = true }).FillAsync("Karin Ek");
        await initiator.GetByLabel("Roll i organisationen (t.ex. ordförande)").FillAsync("Ordförande");
        await initiator.GetByLabel("Jag har läst värdegrunden och intygar den som företrädare för organisationen.").CheckAsync();
        await initiator.GetByRole(AriaRole.Button, new() { Name = "Underteckna värdegrunden" }).ClickAsync();
        await Assertions.Expect(initiator.GetByText("Tack! Värdegrunden är undertecknad.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(initiator);

        // The coordinator reviews every answer in one form; accepting the last completes vetting.
        await page.GotoAsync($"/arenden/{id}");
        await Accessibility.AssertNoViolationsAsync(page);
        foreach (var document in service.Policy.Documents)
        {
            await page.Locator($"#request-{document.Id}").GetByLabel("Godkänn").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara granskningarna" }).ClickAsync();

        Assert.Equal("Berörda nämnder och bolag", await page.Locator("#stage").InnerTextAsync());
        await PortalLinkAsync(page, "Kontrollen klar – Portalföreningen", notification: true);
    }

    /// <summary>Reloads the local outbox until the message shows; returns the portal path from a mail.</summary>
    private static async Task<string> PortalLinkAsync(IPage page, string subject, bool notification = false)
    {
        var article = page.Locator(notification ? "article.outbox-notification" : "article.outbox-mail").Filter(new() { HasText = subject }).First;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await page.GotoAsync("/dev/outbox");
            if (await article.CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(250);
        }

        var text = await article.InnerTextAsync();
        return notification ? text : PortalPath().Match(text).Value;
    }

    [GeneratedRegex(@"/portal/[A-Za-z0-9_\-\.]+")]
    private static partial Regex PortalPath();
}
