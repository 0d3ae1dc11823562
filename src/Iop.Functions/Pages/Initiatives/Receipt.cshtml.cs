using Iop.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Initiatives;

/// <summary>The receipt after submitting: the registration number to refer to. Shows nothing personal.</summary>
public sealed class ReceiptModel(ICaseStore store, Policies.PolicyCatalog policies) : PageModel
{
    public RegisteredCase? Case { get; private set; }

    /// <summary>The guideline the case follows.</summary>
    public Policies.PolicyProfile Policy => Case is { } registered ? policies.For(registered.File) : policies.Current;

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
