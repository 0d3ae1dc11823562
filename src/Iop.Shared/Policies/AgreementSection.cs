namespace Iop.Policies;

/// <summary>A section of the written partnership agreement, with the guideline's question to answer in it.</summary>
public sealed record AgreementSection(string Id, LocalizedText Title, LocalizedText Guidance);
