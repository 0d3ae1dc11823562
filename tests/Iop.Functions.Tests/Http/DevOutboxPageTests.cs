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
        using var app = new IopAppFactory(azurite.ConnectionString);
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
