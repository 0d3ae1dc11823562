namespace Iop.Functions.Telemetry;

/// <summary>Keeps secrets and personal data out of recorded URLs: portal tokens and mailbox addresses become placeholders.</summary>
internal static class TelemetryRedaction
{
    /// <summary>A request path as it may be recorded: <c>/portal/{token}</c> instead of the signed link.</summary>
    public static string Path(string path) =>
        path.StartsWith("/portal/", StringComparison.OrdinalIgnoreCase) ? "/portal/{token}" : path;

    /// <summary>An outgoing URL without its query and with every path segment that holds an address (<c>/users/x@y/…</c>) replaced.</summary>
    public static string Url(Uri url)
    {
        var segments = url.AbsolutePath.Split('/').Select(s => s.Contains('@', StringComparison.Ordinal) || s.Contains("%40", StringComparison.OrdinalIgnoreCase) ? "{user}" : s);
        return $"{url.Scheme}://{url.Authority}{string.Join('/', segments)}";
    }
}
