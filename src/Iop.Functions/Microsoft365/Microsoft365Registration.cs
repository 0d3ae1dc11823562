using Azure.Core;
using Azure.Identity;
using Iop.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace Iop.Functions.Microsoft365;

internal static class Microsoft365Registration
{
    /// <summary>
    /// With <c>Microsoft365:Mode</c> = <c>Graph</c>, mail, invitations and Teams notifications go through Microsoft 365;
    /// otherwise nothing is registered here and the outbox's local stand-ins stay (call before <c>AddOutbox</c>).
    /// Start-up checks the Graph settings and names each one that is missing.
    /// </summary>
    public static IServiceCollection AddMicrosoft365(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Microsoft365Options>().BindConfiguration(Microsoft365Options.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Microsoft365Options>, Microsoft365Options.Validation>();
        var settings = configuration.GetSection(Microsoft365Options.Section).Get<Microsoft365Options>() ?? new Microsoft365Options();
        if (settings.Mode != Microsoft365Mode.Graph)
        {
            return services;
        }

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<Microsoft365Options>>().Value;
            return new GraphServiceClient(Credential(o), ["https://graph.microsoft.com/.default"], o.GraphBaseUrl.ToString());
        });
        services.AddSingleton<IMailer, GraphMailer>();
        services.AddSingleton<ICalendar, GraphCalendar>();
        if (settings.Notifications == TeamsChannel.Workflows)
        {
            services.AddHttpClient<WorkflowsWebhookNotifier>();
            services.AddSingleton<ICoordinatorNotifier>(sp => sp.GetRequiredService<WorkflowsWebhookNotifier>());
        }
        else
        {
            services.AddSingleton<ICoordinatorNotifier, ActivityFeedNotifier>();
        }

        return services;
    }

    /// <summary>The managed identity in Azure (user-assigned via <c>AZURE_CLIENT_ID</c>); a client secret or certificate if configured.</summary>
    private static TokenCredential Credential(Microsoft365Options o) =>
        o.ClientSecret is { } secret ? new ClientSecretCredential(o.TenantId, o.ClientId, secret)
        : o.CertificatePath is { } certificate ? new ClientCertificateCredential(o.TenantId, o.ClientId, certificate)
        : Environment.GetEnvironmentVariable("AZURE_CLIENT_ID") is { Length: > 0 } clientId ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
        : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
}
