using Iop.Cases;
using Iop.Functions.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Cases;

/// <summary>The coordinator's case list: overdue first, filterable by stage.</summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
public sealed class IndexModel(ICaseStore store, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "steg")]
    public Stage? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "visa")]
    public string? Show { get; set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool IncludeClosed => Show == "alla";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var cases = await store.ListAsync(Stage, cancellationToken).ConfigureAwait(false);
        var shown = Stage is not null || IncludeClosed ? cases : cases.Where(c => c.Stage is not (Iop.Cases.Stage.Discontinued or Iop.Cases.Stage.Ended));
        Cases = CaseSummary.InWorkOrder(shown, Now);
    }
}
