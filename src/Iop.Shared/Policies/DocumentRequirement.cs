namespace Iop.Policies;

/// <summary>A document the organisation is asked for during partner vetting (kontroll av organisationen).</summary>
/// <param name="Id">A stable id, used in storage names and requests.</param>
/// <param name="Name">The document's name as the guideline gives it.</param>
/// <param name="MayNotExist">Whether the organisation may answer that the document does not exist (Gävle's "if they exist").</param>
/// <param name="MustShowDemocraticGovernance">Whether the reviewer must confirm that it shows democratic governance (the statutes).</param>
public sealed record DocumentRequirement(string Id, LocalizedText Name, bool MayNotExist, bool MustShowDemocraticGovernance);
