using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Iop.Cases;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Iop.Functions.Telemetry;

internal static class TelemetryRegistration
{
    /// <summary>
    /// OpenTelemetry traces, metrics and logs: to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is
    /// set (with the app's managed identity, as local authentication is off there), otherwise to the console when
    /// <c>Telemetry:Console</c> is true (Development). Spans: requests and triggers, case commands, Azure Storage calls,
    /// outbox deliveries and the HTTP calls they make.
    /// </summary>
    public static IHostApplicationBuilder AddIopTelemetry(this IHostApplicationBuilder builder)
    {
        // The Azure SDK publishes its client spans (the storage commit among them) only behind this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);

        var configuration = builder.Configuration;
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var console = string.IsNullOrEmpty(connectionString) && configuration.GetValue("Telemetry:Console", false);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("iop-functions"))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(CaseTelemetry.SourceName, IopTelemetry.SourceName, "Azure.*")
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/css");
                        o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", TelemetryRedaction.Path(request.Path));
                    })
                    .AddHttpClientInstrumentation(o =>
                    {
                        // The Azure SDK's own span already describes its HTTP call.
                        o.FilterHttpRequestMessage = _ => Activity.Current?.Parent?.Source.Name != "Azure.Core.Http";
                        o.EnrichWithHttpRequestMessage = (activity, request) =>
                        {
                            if (request.RequestUri is { } uri)
                            {
                                activity.SetTag("url.full", TelemetryRedaction.Url(uri));
                            }
                        };
                    });
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithLogging(logging =>
            {
                if (console)
                {
                    logging.AddConsoleExporter();
                }
            });

        if (!string.IsNullOrEmpty(connectionString))
        {
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                o.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] });
            });
        }

        return builder;
    }
}
