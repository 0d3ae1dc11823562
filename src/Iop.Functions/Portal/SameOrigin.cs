namespace Iop.Functions.Portal;

/// <summary>
/// Whether a post came from a page of this site: the browser's Sec-Fetch-Site, or else its Origin. Stands in for an
/// anti-forgery token on the forms that stream files, whose token could only be read by buffering the files first.
/// </summary>
internal static class SameOrigin
{
    public static bool Check(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Authority == request.Host.Value);
    }
}
