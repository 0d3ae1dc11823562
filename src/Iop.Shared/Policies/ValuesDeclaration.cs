namespace Iop.Policies;

/// <summary>
/// The values declaration (värdegrund) the organisation's representative signs. The Swedish text is signed
/// and stored exactly as it stands in this version; the English text is a reading aid only.
/// </summary>
public sealed record ValuesDeclaration(string Version, string Text, string TextEn);
