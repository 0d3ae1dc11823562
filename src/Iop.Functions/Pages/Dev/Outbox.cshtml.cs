using Iop.Functions.Digest;
using Iop.Functions.Outbox.LocalOutbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Dev;

/// <summary>The local outbox: what Microsoft 365 would have sent. Development only; it shows other people's mail.</summary>
internal sealed class OutboxModel(LocalOutboxStore outbox, CoordinatorDigest digest, IWebHostEnvironment environment) : PageModel
{
    internal IReadOnlyList<LocalOutboxMessage> Mail { get; private set; } = [];

    internal IReadOnlyList<LocalOutboxMessage> Notifications { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Mail = await outbox.ListAsync(LocalOutboxStore.MailPartition, 100, cancellationToken).ConfigureAwait(false);
        Notifications = await outbox.ListAsync(LocalOutboxStore.NotificationPartition, 100, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>The weekly digest now (in Azure a timer trigger sends it on Monday mornings).</summary>
    public async Task<IActionResult> OnPostDigestAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        await digest.SendAsync(cancellationToken).ConfigureAwait(false);
        return RedirectToPage();
    }
}
