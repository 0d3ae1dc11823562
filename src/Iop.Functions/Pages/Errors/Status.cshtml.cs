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

    public void OnPost(int code) => Code = code;
}
