using Iop.Cases;

namespace Iop.Functions.Portal;

/// <summary>Whether a portal link opens its case: signature first (a forged link learns nothing), then the case's own word on revocation and expiry.</summary>
internal sealed class PortalAccess(PortalTokens tokens, ICaseStore store, TimeProvider time)
{
    public async Task<PortalVisit> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!tokens.TryRead(token, out var read) || await store.LoadAsync(read.Case, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return new PortalVisit(PortalAccessResult.Unknown, null, read);
        }

        var result = stored.State switch
        {
            InPartnerVetting { Vetting.Link: var link } when link.TokenId != read.TokenId => PortalAccessResult.Replaced,
            InPartnerVetting { Vetting.Link: var link } when time.GetUtcNow() >= link.ExpiresAt => PortalAccessResult.Expired,
            InPartnerVetting => PortalAccessResult.Open,
            { File.Vetting: not null } => PortalAccessResult.Completed,
            _ => PortalAccessResult.Closed,
        };
        return new PortalVisit(result, stored, read);
    }
}

/// <summary>The outcome of opening a portal link.</summary>
internal enum PortalAccessResult
{
    Open,
    Unknown,
    Replaced,
    Expired,
    Completed,
    Closed,
}

internal sealed record PortalVisit(PortalAccessResult Result, StoredCase? Case, PortalToken Token)
{
    public InPartnerVetting? Vetting => Case?.State as InPartnerVetting;
}
