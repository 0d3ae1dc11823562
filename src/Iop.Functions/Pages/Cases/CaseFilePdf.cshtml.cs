using Iop.Cases;
using Iop.Functions.Printing;
using Iop.Functions.Security;
using Iop.Functions.Storage.Cases;
using Iop.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Cases;

/// <summary>The printed case file as a PDF for the diarium, downloaded as e.g. <c>KS-2026-17-akt.pdf</c>.</summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
internal sealed class CaseFilePdfModel(CaseOverviews overviews, PolicyCatalog policies, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await CaseFileModel.GatherAsync(overviews, caseId, policies, time, User.Identity?.Name, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return NotFound();
        }

        return File(CaseFilePdf.Write(document), CaseFilePdf.ContentType, document.PdfFileName);
    }
}
