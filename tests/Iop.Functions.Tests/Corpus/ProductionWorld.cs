using Iop.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// The corpus's world with the app in the Production environment: Entra ID sign-in (the identity provider's metadata
/// given, as it would be fetched) and the one-committee directory.
/// </summary>
public sealed class ProductionWorld(AzuriteFixture azurite) : CorpusWorld(azurite, production: true)
{
    protected override IopAppFactory Configure(IopAppFactory app)
    {
        app.InEnvironment("Production")
            .WithSetting("Authentication:Mode", "EntraId")
            .WithSetting("AzureAd:Instance", "https://login.microsoftonline.com/")
            .WithSetting("AzureAd:TenantId", "00000000-0000-0000-0000-000000000001")
            .WithSetting("AzureAd:ClientId", "00000000-0000-0000-0000-000000000002");
        foreach (var (key, value) in IopAppFactory.SmallDirectory)
        {
            app.WithSetting(key, value);
        }

        return app;
    }

    /// <summary>The metadata Entra ID publishes, given rather than fetched: a challenge redirects without the network.</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.Configuration = new OpenIdConnectConfiguration
        {
            Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
            AuthorizationEndpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/authorize",
            EndSessionEndpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/logout",
        });
}
