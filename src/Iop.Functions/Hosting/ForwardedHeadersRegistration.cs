using Microsoft.AspNetCore.HttpOverrides;

namespace Iop.Functions.Hosting;

internal static class ForwardedHeadersRegistration
{
    /// <summary>
    /// The web role behind App Service's front ends, which end TLS and pass the request on over HTTP with
    /// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>: taken as the request's scheme and address, so redirects, the
    /// sign-in's redirect URI and links are https. The app has no address of its own to reach it by; only the front ends
    /// (whose addresses are not published) forward to it, so no proxy list narrows the trust.
    /// </summary>
    public static IServiceCollection AddAppServiceForwardedHeaders(this IServiceCollection services) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
}
