using Iop.Functions.Register;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Partnerships;

/// <summary>The public register of partnerships (Stockholm: a public list of existing agreements and their contact persons).</summary>
[AllowAnonymous]
internal sealed class IndexModel(PartnershipRegister register) : PageModel
{
    public IReadOnlyList<RegisterEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await register.ListAsync(cancellationToken).ConfigureAwait(false);
}
