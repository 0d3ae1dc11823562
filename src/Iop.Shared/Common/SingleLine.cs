using System.Globalization;
using System.Text;

namespace Iop.Common;

/// <summary>
/// Names, addresses and other one-line fields on one line. At input, <see cref="Normalise"/> turns what pasting leaves
/// behind (a trailing line break, a tab, runs of spaces) into single spaces; what no keyboard types (a NUL, a
/// right-to-left override) stays, for <see cref="PlainText.IsName"/> to refuse with a message. At output,
/// <see cref="Clean"/> also drops those, so an e-mail header or a file name can never carry them.
/// </summary>
public static class SingleLine
{
    /// <summary>White space of any kind (CR, LF, tab, line separators) as single spaces, trimmed; empty for null.</summary>
    public static string Normalise(string? text) => Join(text, dropInvisible: false);

    /// <summary>As <see cref="Normalise"/>, and without control and format characters.</summary>
    public static string Clean(string? text) => Join(text, dropInvisible: true);

    private static string Join(string? text, bool dropInvisible)
    {
        var line = new StringBuilder((text ?? "").Length);
        var space = false;
        foreach (var c in text ?? "")
        {
            if (char.IsWhiteSpace(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (dropInvisible && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
        }

        return line.ToString();
    }
}
