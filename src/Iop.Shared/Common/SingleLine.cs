using System.Globalization;
using System.Text;

namespace Iop.Common;

/// <summary>
/// Names, addresses and other one-line fields as they are stored: on one line, without control or format characters.
/// A pasted name's trailing line break or tab becomes a space, runs of spaces one space, and the ends are trimmed; so a
/// name can never carry a line break into an e-mail header, a calendar entry or the agreement.
/// </summary>
public static class SingleLine
{
    /// <summary>The text on one line, trimmed; empty for null.</summary>
    public static string Normalise(string? text)
    {
        var line = new StringBuilder((text ?? "").Length);
        var space = false;
        foreach (var c in text ?? "")
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                space = line.Length > 0;
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
