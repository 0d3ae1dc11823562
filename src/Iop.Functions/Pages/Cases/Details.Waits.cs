using Iop.Cases;
using Iop.Functions.Workflow;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>What the workflow waits on (who, what, the next reminder, escalated or not) and orchestrations that failed.</summary>
internal sealed partial class DetailsModel
{
    public IReadOnlyList<WorkflowWait> Waits { get; private set; } = [];

    public IReadOnlyList<RecordedWorkflowFailure> WorkflowFailures { get; private set; } = [];

    public async Task<IActionResult> OnPostDismissWorkflowFailureAsync(string id, [FromForm] string? failure, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return NotFound();
        }

        var dismissed = await HttpContext.RequestServices.GetRequiredService<WorkflowFailures>().DismissAsync(caseId, failure, cancellationToken).ConfigureAwait(false);
        StatusMessage = dismissed
            ? T("Felet är markerat som omhändertaget.", "The failure is marked as seen to.")
            : T("Felet var redan omhändertaget.", "The failure had already been seen to.");
        return RedirectToPage(new { id });
    }
}
