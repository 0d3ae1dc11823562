using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

/// <summary>What the browser tests do alike: a person signing in through the development sign-in, and finding a link in the local outbox.</summary>
internal static partial class BrowserPages
{
    /// <summary>A new browser context on <paramref name="address"/>, signed in as <paramref name="name"/>.</summary>
    public static async Task<IPage> SignedInAsync(IBrowser browser, Uri address, string name, string email)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/logga-in");
        await page.GetByLabel("Namn").FillAsync(name);
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        return page;
    }

    /// <summary>Opens the case page; when time has passed and the sign-in expired, the coordinator signs in again.</summary>
    public static async Task OpenCaseAsync(IPage coordinator, string id, string fragment = "")
    {
        await coordinator.GotoAsync($"/arenden/{id}{fragment}");
        if (coordinator.Url.Contains("/logga-in", StringComparison.Ordinal))
        {
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        }
    }

    /// <summary>Reloads the local outbox until a mail with the subject to <paramref name="to"/> shows; returns the first link of <paramref name="path"/>.</summary>
    public static async Task<string> MailLinkAsync(IPage page, string subject, string to, Regex path)
    {
        var article = page.Locator("article.outbox-mail").Filter(new() { HasText = subject }).Filter(new() { HasText = to }).First;
        for (var attempt = 0; attempt < 60 && await article.CountAsync() == 0; attempt++)
        {
            await Task.Delay(250);
            await page.GotoAsync("/dev/outbox");
        }

        return path.Match(await article.InnerTextAsync()).Value;
    }

    /// <summary>An official's answer link, as in the mail.</summary>
    [GeneratedRegex(@"/svar/[A-Za-z0-9_\-\.]+")]
    public static partial Regex AnswerPath();

    /// <summary>The organisation's portal link, as in the mail.</summary>
    [GeneratedRegex(@"/portal/[A-Za-z0-9_\-\.]+")]
    public static partial Regex PortalPath();
}
