using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>
/// Access tokens shaped as Entra ID issues them (v2.0: issuer per tenant, audience the app's client id, <c>roles</c>,
/// <c>oid</c>, <c>tid</c>, <c>name</c>), signed with a key of this test run. The app validates them with Microsoft.Identity.Web
/// as in Azure; only where the signing keys and issuer come from is replaced, since this machine cannot reach Entra ID.
/// </summary>
public sealed class EntraIdTokens : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public string TenantId { get; } = Guid.NewGuid().ToString();

    public string ClientId { get; } = Guid.NewGuid().ToString();

    public string Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private RsaSecurityKey Key => new(_rsa) { KeyId = "iop-test-key" };

    /// <summary>The app configured for this tenant and registration, trusting this run's signing key.</summary>
    public IopAppFactory Configure(IopAppFactory app) => app
        .WithSetting("AzureAd:Instance", "https://login.microsoftonline.com/")
        .WithSetting("AzureAd:TenantId", TenantId)
        .WithSetting("AzureAd:ClientId", ClientId)
        .WithServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.ValidIssuer = Issuer;

            // Entra ID's multi-tenant issuer check reads Microsoft's instance metadata; the issuer above is checked instead.
            options.TokenValidationParameters.IssuerValidator = null;
        }));

    /// <summary>A client of <paramref name="app"/> that sends <paramref name="token"/> (none: no credentials) and follows no redirect.</summary>
    public static HttpClient Client(IopAppFactory app, string? token)
    {
        var http = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>A token for a person (name and e-mail) or, with <paramref name="name"/> null, for an application.</summary>
    public string Token(
        string[] roles, string? name = "Saga Samordnare", string? email = "saga@mora.example", string? audience = null, TimeSpan? lifetime = null, RSA? signedWith = null,
        string? objectId = null)
    {
        var claims = new List<Claim> { new("oid", objectId ?? Guid.NewGuid().ToString()), new("tid", TenantId), new("ver", "2.0"), new("azp", Guid.NewGuid().ToString()) };
        if (name is not null)
        {
            claims.Add(new("name", name));
        }

        if (email is not null)
        {
            claims.Add(new("preferred_username", email));
        }

        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        // Token lifetimes are checked against the real clock (the JWT handler does not use the app's TimeProvider).
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? ClientId,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires < now ? expires.AddHours(-1) : now.AddMinutes(-1),
            IssuedAt = expires < now ? expires.AddHours(-1) : now.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(signedWith is null ? Key : new RsaSecurityKey(signedWith) { KeyId = "iop-test-key" }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}
