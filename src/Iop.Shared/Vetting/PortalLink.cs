namespace Iop.Vetting;

/// <summary>The organisation's current portal link. Issuing a new one revokes this one: only <see cref="TokenId"/> is honoured.</summary>
public sealed record PortalLink(string TokenId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
