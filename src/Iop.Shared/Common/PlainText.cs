namespace Iop.Common;

/// <summary>
/// What the product accepts as a name or a short label (a person, an organisation, a role, a paragraph): text that reads
/// as it is stored. No control characters (a NUL, an escape sequence), no bidirectional controls that make
/// <c>invoice‮fdp.exe</c> show as "invoiceexe.pdf", no replacement character left by input that was not UTF-8.
/// </summary>
public static class PlainText
{
    /// <summary>Whether <paramref name="text"/> holds none of the characters a name must not hold.</summary>
    public static bool IsName(string? text) => text is null || !text.Any(c => char.IsControl(c) || IsBidiControl(c) || c == '\uFFFD');

    /// <summary>Whether <paramref name="text"/> holds something to read: not only white space and control characters.</summary>
    public static bool IsBlank(string? text) => text is null || text.All(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
