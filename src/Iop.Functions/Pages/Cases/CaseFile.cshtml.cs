using Iop.Cases;
using Iop.Functions.Printing;
using Iop.Functions.Security;
using Iop.Functions.Storage.Cases;
using Iop.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Cases;

/// <summary>The whole case as one printable document (akt); the same document as a PDF is <see cref="CaseFilePdfModel"/>.</summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
internal sealed class CaseFileModel(CaseOverviews overviews, PolicyCatalog policies, TimeProvider time) : PageModel
{
    public PrintedCaseFile Document { get; private set; } = null!;

    public CaseId CaseId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await GatherAsync(overviews, caseId, policies, time, User.Identity?.Name, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return NotFound();
        }

        CaseId = caseId;
        Document = document;
        return Page();
    }

    /// <summary>The case and its history in one reading, gathered into the printed case file; null when there is no such case.</summary>
    public static async Task<PrintedCaseFile?> GatherAsync(CaseOverviews overviews, CaseId id, PolicyCatalog policies, TimeProvider time, string? printedBy, CancellationToken cancellationToken) =>
        await overviews.ReadAsync(id, cancellationToken).ConfigureAwait(false) is { } overview
            ? PrintedCaseFile.Gather(overview.Case, overview.History, policies.For(overview.Case.State), time.GetUtcNow(), printedBy)
            : null;
}
