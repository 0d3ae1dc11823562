using System.Net;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Iop.Functions.Tests.Http;

[Collection("Azurite")]
public sealed class DevOutboxPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_local_outbox_shows_the_acknowledgement_and_the_coordinators_notice()
    {
        // Storage of its own: the outbox lists every mail in its table, and the first .eml link must be this case's.
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Guid.NewGuid().ToString("N")[..8]);
        var client = app.Pages();
        var id = Guid.NewGuid();
        using var submitted = await client.PostFormAsync("/initiativ/nytt", "/initiativ/nytt", Initiatives.ValidForm(id, "Utkorgsföreningen"));

        string html = "";
        for (var attempt = 0; attempt < 40 && !html.Contains("Nytt IOP-initiativ: Utkorgsföreningen", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(250);
            html = await client.GetStringAsync("/dev/outbox");
        }

        Assert.Contains("Nytt IOP-initiativ: Utkorgsföreningen", html, StringComparison.Ordinal);
        Assert.Contains("Tack för initiativet från Utkorgsföreningen.", html, StringComparison.Ordinal);
        Assert.Contains("Auto-Submitted: auto-generated", html, StringComparison.Ordinal);
        Assert.Contains($"/arenden/{id:N}", html, StringComparison.Ordinal);

        // The acknowledgement as an .eml: the exact MIME a mail server would get, ready for a desktop mail client.
        var eml = System.Text.RegularExpressions.Regex.Matches(html, "/dev/outbox\\?handler=Eml&amp;key=([0-9A-F]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(eml);
        using var download = await client.Http.GetAsync(new Uri($"/dev/outbox?handler=Eml&key={eml[0]}", UriKind.Relative));
        var raw = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("meddelande.eml", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.All(raw, b => Assert.True(b < 0x80));
        Assert.DoesNotContain("\n", System.Text.Encoding.ASCII.GetString(raw).Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(raw));
        Assert.StartsWith("Vi har tagit emot ert IOP-initiativ", mime.Subject, StringComparison.Ordinal);
        Assert.Contains("Tack för initiativet från Utkorgsföreningen.", mime.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekly_digest_can_be_sent_from_the_local_outbox_and_lists_the_open_case()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Guid.NewGuid().ToString("N")[..8]);
        var client = app.Pages();
        using var submitted = await client.PostFormAsync("/initiativ/nytt", "/initiativ/nytt", Initiatives.ValidForm(Guid.NewGuid(), "Sammanställningsföreningen"));

        using var sent = await client.PostFormAsync("/dev/outbox", "/dev/outbox?handler=Digest", []);

        var html = await client.GetStringAsync("/dev/outbox");
        Assert.Contains("Veckosammanställning vecka 10: 1 öppna IOP-ärenden", html, StringComparison.Ordinal);
        Assert.Contains("Sammanställningsföreningen (Inkommet). Väntar på IOP-samordnaren: bedömning mot checklistan.", html, StringComparison.Ordinal);
        Assert.Contains("Veckosammanställningen för vecka 10 är skickad med 1 öppet ärende.", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var again = await client.PostFormAsync("/dev/outbox", "/dev/outbox?handler=Digest", []);

        Assert.Contains("Veckosammanställningen för vecka 10 är redan skickad. Nästa skickas på måndag morgon.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await client.GetStringAsync("/dev/outbox");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(after, "Veckosammanställning vecka 10:"));
    }

    [Fact]
    public async Task The_local_outbox_does_not_exist_outside_development()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Staging");
            b.UseSetting("Authentication:Mode", "EntraId");
            b.UseSetting("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001");
            b.UseSetting("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002");
            IopAppFactory.UseSmallDirectory(b);
        });

        using var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(new Uri("/dev/outbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
