using System.Net;
using Iop.Functions.Digest;
using Iop.Functions.Storage;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Triggers;

/// <summary>
/// Running as an Azure Functions custom handler. The host starts the executable with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>,
/// polls <c>GET /</c> until it answers, proxies HTTP requests as they are (<c>enableProxyingHttpRequest</c>) and POSTs every
/// other trigger to <c>/{FunctionName}</c>. Under the host the app listens on that port on the loopback interface only,
/// the local queue-polling services are off (queue triggers do their work), and the trigger endpoints exist.
/// </summary>
internal static class FunctionsHost
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>The port the host gave us, or null when the app runs on its own (<c>dotnet run</c>, tests).</summary>
    public static int? Port(IConfiguration configuration) =>
        int.TryParse(configuration[PortVariable], System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;

    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<PoisonNotices>();
        services.TryAddSingleton<CoordinatorDigest>();
        services.AddSingleton<ITriggerFunction, OutboxQueueTrigger>();
        services.AddSingleton<ITriggerFunction, TimersQueueTrigger>();
        services.AddSingleton<ITriggerFunction, OutboxSweepTrigger>();
        services.AddSingleton<ITriggerFunction, WeeklyDigestTrigger>();
        services.AddSingleton<ITriggerFunction>(sp => Poison(sp, "OutboxPoison", s => s.OutboxQueue));
        services.AddSingleton<ITriggerFunction>(sp => Poison(sp, "TimersPoison", s => s.TimersQueue));

        if (Port(builder.Configuration) is not { } port)
        {
            return builder;
        }

        builder.Configuration.AddInMemoryCollection(
        [
            new("Outbox:RunLocally", "false"),
            new("Timers:RunLocally", "false"),
        ]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        // The host's proxy (YARP) tells the original scheme, host and client in X-Forwarded-*; only it can reach the loopback port.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        return builder;
    }

    /// <summary>First in the pipeline: under the host, requests are seen as the browser sent them (https, the app's host name).</summary>
    public static WebApplication UseFunctionsHostHeaders(this WebApplication app)
    {
        if (Port(app.Configuration) is not null)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Under the host only: <c>POST /{FunctionName}</c> for every trigger function, reachable by the host alone (<see cref="HostOnly"/>).</summary>
    public static WebApplication MapTriggerFunctions(this WebApplication app)
    {
        if (Port(app.Configuration) is null)
        {
            return app;
        }

        foreach (var function in app.Services.GetServices<ITriggerFunction>())
        {
            app.MapPost($"/{function.Name}", (InvocationRequest request, HttpContext context) => TriggerEndpoint.InvokeAsync(function, request, context))
                .AddEndpointFilter<HostOnly>()
                .ExcludeFromDescription();
        }

        return app;
    }

    private static PoisonQueueTrigger Poison(IServiceProvider services, string name, Func<StorageOptions, string> queue)
    {
        var source = queue(services.GetRequiredService<IOptions<StorageOptions>>().Value);
        return new PoisonQueueTrigger(name, $"{source}-poison", source, services.GetRequiredService<PoisonNotices>());
    }
}
