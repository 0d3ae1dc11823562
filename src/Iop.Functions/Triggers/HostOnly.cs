using System.Net;

namespace Iop.Functions.Triggers;

/// <summary>
/// The trigger endpoints answer the Functions host only. The app listens on the loopback interface, so only the host
/// reaches it at all; and a request from the internet arrives through the host's HTTP proxy, which always adds
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Host</c> (or, once the forwarded-headers middleware has read them,
/// <c>X-Original-For</c>/<c>X-Original-Host</c>). A request that carries any of them, or that does not come from the
/// loopback interface, is someone calling <c>/{FunctionName}</c> through the public catch-all route: 404, as if there were nothing.
/// </summary>
internal sealed class HostOnly : IEndpointFilter
{
    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-For", "X-Original-Host", "Forwarded"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var fromHost = http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && !ProxyHeaders.Any(http.Request.Headers.ContainsKey);
        return fromHost ? next(context) : ValueTask.FromResult<object?>(Results.NotFound());
    }
}
