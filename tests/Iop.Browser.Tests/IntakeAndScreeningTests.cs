using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

[Collection("Browser")]
public sealed partial class IntakeAndScreeningTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_initiative_is_submitted_screened_and_acknowledged_in_the_local_outbox()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        // The non-profit submits its initiative.
        await page.GotoAsync("/initiativ/nytt");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Organisationens namn").FillAsync("Webbföreningen Gemenskap");
        await page.GetByLabel("Organisationsnummer").FillAsync("802477-8410");
        await page.GetByLabel("Kontaktpersonens namn").FillAsync("Ali Berg");
        await page.GetByLabel("E-postadress").FillAsync("ali.berg@gemenskap.example");
        await page.GetByLabel("Telefonnummer").FillAsync("070-123 45 67");
        await page.GetByLabel("Samhällsutmaningen").FillAsync("Unga saknar meningsfull fritid på kvällarna.");
        await page.GetByLabel("Er idé").FillAsync("Öppen verkstad med frivilliga ledare.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka initiativet" }).ClickAsync();

        var number = await page.Locator("#registration-number").InnerTextAsync();
        Assert.Matches(NumberPattern(), number);
        await Accessibility.AssertNoViolationsAsync(page);

        // The coordinator signs in and screens it.
        await page.GotoAsync("/arenden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        foreach (var legend in await page.Locator("#screening fieldset[id^=criterion-]").AllAsync())
        {
            await legend.GetByLabel("Stämmer", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Gå vidare till första möte" }).ClickAsync();
        Assert.Equal("Första möte", await page.Locator("#stage").InnerTextAsync());
        Assert.Contains("Bedömningen klar: ärendet går vidare till första möte.", await page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);

        // The acknowledgement reached the initiator, through the local outbox.
        // Delivery is asynchronous (outbox queue); reload until it shows, as a person would.
        var acknowledgement = page.GetByRole(AriaRole.Heading, new() { Name = $"Vi har tagit emot ert IOP-initiativ – {number}" });
        for (var attempt = 0; attempt < 30 && await acknowledgement.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync("/dev/outbox");
            if (await acknowledgement.CountAsync() == 0)
            {
                await Task.Delay(500);
            }
        }

        await Assertions.Expect(acknowledgement).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [GeneratedRegex(@"^KS \d{4}/\d+$")]
    private static partial Regex NumberPattern();
}
