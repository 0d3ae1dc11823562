namespace Iop.Browser.Tests;

[Collection("Browser")]
public sealed class AccessibilityCheckTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_accessibility_check_catches_an_unlabelled_field()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"sv\"><head><title>t</title></head><body><main><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
    }
}
