using Iop.Cases;
using Iop.Functions.Outbox;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>Messages the case could not send (e.g. Graph refused them), with the coordinator's "try again".</summary>
internal sealed partial class DetailsModel
{
    public IReadOnlyList<FailedDelivery> FailedDeliveries { get; private set; } = [];

    public async Task<IActionResult> OnPostRetryDeliveryAsync(string id, [FromForm] string? delivery, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return NotFound();
        }

        var retried = await HttpContext.RequestServices.GetRequiredService<OutboxStore>().RetryAsync(caseId, delivery, cancellationToken).ConfigureAwait(false);
        StatusMessage = retried
            ? T("Meddelandet skickas på nytt. Står det i listan igen misslyckades det en gång till.", "The message is being sent again. If it is listed again, it failed once more.")
            : T("Meddelandet väntar inte längre på något nytt försök.", "The message is no longer waiting for a retry.");
        return RedirectToPage(new { id });
    }
}
