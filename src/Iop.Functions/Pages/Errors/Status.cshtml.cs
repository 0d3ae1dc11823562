using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Errors;

/// <summary>
/// The error page the status-code middleware re-executes to. It answers whatever method failed (a POST whose
/// anti-forgery check failed is re-executed as a POST) and checks no token itself, or the explanation would fail too.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    /// <summary>The code from the route, not from binding: a POST re-executed for a form that could not be read binds nothing.</summary>
    public void OnPost() => Code = int.TryParse(RouteData.Values["code"] as string, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : Response.StatusCode;
}
