namespace Iop.Vetting;

/// <summary>The values declaration (värdegrund) as signed: the exact text and version, who signed, in which role, and when.</summary>
public sealed record SignedDeclaration(string TextVersion, string Text, string SignerName, string SignerRole, string OrganisationName, DateTimeOffset SignedAt);
