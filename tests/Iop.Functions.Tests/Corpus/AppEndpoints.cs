using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// Every endpoint the app routes to, as method, route pattern and (for a page) handler: <c>GET /arenden</c>,
/// <c>POST /arenden/{id} [Save]</c>. A page's GET handlers answer HEAD too, so they are listed for both.
/// </summary>
public static class AppEndpoints
{
    public static async Task<IReadOnlySet<string>> ListAsync(IServiceProvider services)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var pages = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).DefaultIfEmpty(("GET", null));
                foreach (var (method, name) in handlers)
                {
                    keys.Add(Key(method, pattern, name));
                    if (method == "GET")
                    {
                        keys.Add(Key("HEAD", pattern, name));
                    }
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
            {
                keys.Add(Key(method, pattern, null));
            }
        }

        return keys;
    }

    public static string Key(string method, string pattern, string? handler) =>
        handler is null ? $"{method} {pattern}" : $"{method} {pattern} [{handler}]";
}
