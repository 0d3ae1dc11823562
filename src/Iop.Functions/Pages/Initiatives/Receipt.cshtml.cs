using Iop.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Initiatives;

/// <summary>The receipt after submitting: the registration number to refer to. Shows nothing personal.</summary>
public sealed class ReceiptModel(ICaseStore store) : PageModel
{
    public RegisteredCase? Case { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return NotFound();
        }

        Case = stored.State;
        return Page();
    }
}
