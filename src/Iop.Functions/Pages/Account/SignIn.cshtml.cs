using Iop.Functions.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Account;

/// <summary>The development sign-in: exists only when Authentication:Mode is Development (which only the Development environment allows).</summary>
public sealed class SignInModel(IConfiguration configuration) : PageModel
{
    [BindProperty]
    public string? Name { get; set; } = "Saga Samordnare";

    [BindProperty]
    public string? Email { get; set; } = "saga.samordnare@mora.example";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>
    /// Whether to sign in with the coordinator role, or as a member of staff without it (an official answering a
    /// request). Reached from an official's answer link, the form offers the latter first.
    /// </summary>
    [BindProperty]
    public bool AsCoordinator { get; set; } = true;

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        AsCoordinator = ReturnUrl?.StartsWith("/svar/", StringComparison.Ordinal) != true;
        return Enabled ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enabled)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Email) || !System.Net.Mail.MailAddress.TryCreate(Email, out _))
        {
            Error = Localization.Language.T("Fyll i namn och en giltig e-postadress.", "Enter a name and a valid e-mail address.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await StaffSignIn.SignInForDevelopmentAsync(HttpContext, Name.Trim(), Email.Trim(), AsCoordinator).ConfigureAwait(false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/arenden");
    }

    private bool Enabled => StaffSignIn.Mode(configuration) == AuthenticationMode.Development;
}
