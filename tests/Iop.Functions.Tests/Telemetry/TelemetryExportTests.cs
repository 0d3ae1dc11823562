using System.Net;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Iop.Functions.Tests.Telemetry;

[Collection("Azurite")]
public sealed class TelemetryExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_an_Application_Insights_connection_string_the_app_exports_traces_and_still_serves()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithWebHostBuilder(b =>
            b.UseSetting("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/"));

        using var response = await app.CreateClient().GetAsync(new Uri("/initiativ/nytt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }
}
