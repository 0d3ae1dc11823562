using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Iop.Cases;
using Iop.Functions.Api;
using Iop.Functions.Localization;
using Iop.Functions.Microsoft365;
using Iop.Functions.Portal;
using Iop.Functions.Reports;
using Iop.Functions.Security;
using Iop.Functions.Telemetry;
using Iop.Functions.Workflow;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Iop.Functions.Hosting;

/// <summary>
/// All wiring of the app, in the order it runs: services, then the request pipeline and the routes. The services both
/// hosts share (<see cref="AddIopServices"/>) are registered once, for the web host here and for the Functions worker in
/// <see cref="IopWorker"/>.
/// </summary>
internal static class IopApplication
{
    /// <summary>The web host: pages and API; in role <see cref="IopRole.All"/> also the whole workflow in this process.</summary>
    public static WebApplicationBuilder AddIop(this WebApplicationBuilder builder)
    {
        var role = IopRoles.Of(builder.Configuration);
        if (role == IopRole.Worker)
        {
            throw new InvalidOperationException("The worker role runs under the Functions host (IopWorker), not as a web app.");
        }

        builder.AddIopServices();
        var services = builder.Services;
        if (role == IopRole.All)
        {
            // Registered after storage, so Azurite is up before the durable backend starts.
            services.AddLocalWorkflow(builder.Configuration);
        }
        else
        {
            services.AddAppServiceForwardedHeaders();
        }

        services.AddLanguages();
        services.AddFollowUpReports();
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new Pages.UnmatchedHandlerFilter());
            options.Conventions.ConfigureFilter(new UnreadableForm());
        });
        // Swedish letters as themselves in the HTML, not as numeric entities; escaping of markup is unchanged.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddIopOpenApi();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new CaseIdJsonConverter());

            // A field the API does not know is an error, not ignored: a misspelt "expectedVersion" must not act on whatever version is current.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.AddStaffSignIn();
        return builder;
    }

    /// <summary>
    /// What every role needs: settings, the guideline, the organisation directory, the clock, portal links, Microsoft 365,
    /// storage with the case store and its outbox, the case service and telemetry.
    /// </summary>
    public static IHostApplicationBuilder AddIopServices(this IHostApplicationBuilder builder)
    {
        builder.AddIopTelemetry();
        var services = builder.Services;
        services.AddOptions<IopOptions>().BindConfiguration(IopOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddPolicyProfile(builder.Configuration);
        services.AddOrganisationDirectory();
        services.AddSingleton(Clock(builder));
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<PortalOptions>, DevelopmentSigningKey>();
        services.AddSingleton<PortalTokens>();
        services.AddSingleton<PortalAccess>();

        // Graph adapters first: the outbox registers its local stand-ins only where none is registered.
        services.AddMicrosoft365(builder.Configuration);
        builder.AddIopStorage();
        services.AddSingleton<CaseService>();
        services.AddSingleton<Register.PartnershipRegister>();
        services.AddWorkflowRecords();
        return builder;
    }

    public static WebApplication UseIop(this WebApplication app)
    {
        if (IopRoles.Of(app.Configuration) == IopRole.Web)
        {
            // First, so that everything after it sees the scheme and address the visitor used.
            app.UseForwardedHeaders();
        }

        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/fel/500");
                pages.UseHsts();
            }

            pages.UseStatusCodePagesWithReExecute("/fel/{0}");
        });
        app.UseCaseBusyResponses();

        // Routing after the status-code and exception pages, so their re-executed request is routed afresh.
        app.UseRouting();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapLanguageSwitch();
        app.MapSignOut();
        app.MapInitiativeApi();
        app.MapCaseApi();
        app.MapPartnershipApi();
        app.MapDocumentDownloads();
        app.MapOpenApi();
        return app;
    }

    /// <summary>The system clock; in Development optionally sped up (<c>Clock:Scale</c>) to watch reminders happen.</summary>
    private static TimeProvider Clock(IHostApplicationBuilder builder)
    {
        var scale = builder.Configuration.GetValue("Clock:Scale", 1.0);
        if (scale == 1.0)
        {
            return TimeProvider.System;
        }

        if (!builder.Environment.IsDevelopment() || scale <= 0)
        {
            throw new InvalidOperationException("Clock:Scale is for local demonstrations only (Development environment, a positive number).");
        }

        var epoch = builder.Configuration.GetValue<DateTimeOffset?>("Clock:Epoch") ?? TimeProvider.System.GetUtcNow();
        return new ScaledTimeProvider(epoch, scale);
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
