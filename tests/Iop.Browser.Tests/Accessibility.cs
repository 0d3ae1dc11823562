using System.Text.Json;
using Iop.Functions.Storage.Azurite;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

/// <summary>WCAG 2.1 A/AA checks with axe-core (installed by npm ci from the committed lock file) on the page as rendered.</summary>
internal static class Accessibility
{
    private static readonly Lazy<string> AxeScript = new(() =>
        File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "node_modules", "axe-core", "axe.min.js")));

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeScript.Value });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => v.id + ': ' + v.help + ' [' + v.nodes.map(n => n.target.join(' ')).join(', ') + ']')");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{page.Url} has accessibility violations:\n{string.Join('\n', violations)}");
    }
}
