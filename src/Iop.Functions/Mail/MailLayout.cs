using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Iop.Functions.Mail;

/// <summary>What a message says, before it is laid out as text and as HTML.</summary>
/// <param name="Greeting">"Hej Karin!"</param>
/// <param name="Paragraphs">The message, paragraph by paragraph (a paragraph may hold line breaks).</param>
/// <param name="Action">The one thing the reader should do, if any: a link.</param>
/// <param name="After">Paragraphs after the action (how long the link works, whom to ask).</param>
internal sealed record MailContent(string Greeting, IReadOnlyList<string> Paragraphs, MailAction? Action, IReadOnlyList<string> After);

/// <summary>A link the reader follows: its label (the button's text) and address.</summary>
internal sealed record MailAction(string Label, Uri Url);

/// <summary>Who sends the message and about which case: the signature and the footer of every mail.</summary>
internal sealed record MailFooter(string Municipality, string CaseNumber, string CoordinatorName, string CoordinatorMailbox, string? CoordinatorPhone);

/// <summary>
/// Lays a message out twice with the same words: plain text, and a simple HTML mail that Outlook (desktop, web,
/// mobile) renders as meant — a single-column table with inline styles only (Outlook's Word engine ignores style
/// sheets and most CSS), the action as a prominent link with its address also written out (for readers whose client
/// blocks links), short lines, and every text escaped.
/// </summary>
internal static class MailLayout
{
    private const string Font = "font-family:Segoe UI,Arial,Helvetica,sans-serif;";
    private const string AutomaticNote = "Det här meddelandet skickades automatiskt. Om ni svarar på det går svaret till IOP-samordnaren.";

    public static string Text(MailContent content, MailFooter footer)
    {
        var text = new StringBuilder();
        text.Append(content.Greeting).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (content.Action is { } action)
        {
            text.Append(action.Label).Append(":\n").Append(action.Url.AbsoluteUri).Append("\n\n");
        }

        foreach (var paragraph in content.After)
        {
            text.Append(paragraph).Append("\n\n");
        }

        text.Append("Vänliga hälsningar\n").Append(footer.CoordinatorName).Append('\n').Append(footer.Municipality).Append("\n\n");
        text.Append("--\n").Append(FooterLines(footer, html: false)).Append('\n').Append(AutomaticNote).Append('\n');
        return text.ToString();
    }

    public static string Html(string subject, MailContent content, MailFooter footer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f3f4f6;\">\n<tr>\n<td align=\"center\" style=\"padding:24px 12px;\">\n")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff;border:1px solid #d1d5db;\">\n")
            .Append("<tr>\n<td style=\"").Append(Font).Append("padding:16px 24px;background-color:#1f3a5f;color:#ffffff;font-size:16px;font-weight:bold;\">")
            .Append(Encode(footer.Municipality)).Append(" · Idéburet offentligt partnerskap</td>\n</tr>\n")
            .Append("<tr>\n<td style=\"").Append(Font).Append("padding:24px;color:#111827;font-size:15px;line-height:1.5;\">\n");
        Paragraph(html, content.Greeting);
        foreach (var paragraph in content.Paragraphs)
        {
            Paragraph(html, paragraph);
        }

        if (content.Action is { } action)
        {
            var url = Encode(action.Url.AbsoluteUri);
            html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"margin:8px 0 8px 0;\">\n<tr>\n")
                .Append("<td style=\"background-color:#1f5fa8;border-radius:4px;\">")
                .Append("<a href=\"").Append(url).Append("\" style=\"").Append(Font)
                .Append("display:inline-block;padding:12px 20px;color:#ffffff;font-size:16px;font-weight:bold;text-decoration:none;\">")
                .Append(Encode(action.Label)).Append("</a></td>\n</tr>\n</table>\n")
                .Append("<p style=\"margin:0 0 16px 0;font-size:13px;color:#4b5563;\">Fungerar inte knappen? Kopiera adressen till webbläsaren:<br>\n")
                .Append("<a href=\"").Append(url).Append("\" style=\"color:#1f5fa8;word-break:break-all;\">").Append(BreakableUrl(action.Url.AbsoluteUri)).Append("</a></p>\n");
        }

        foreach (var paragraph in content.After)
        {
            Paragraph(html, paragraph);
        }

        Paragraph(html, $"Vänliga hälsningar\n{footer.CoordinatorName}\n{footer.Municipality}");
        html.Append("</td>\n</tr>\n<tr>\n<td style=\"").Append(Font)
            .Append("padding:16px 24px;border-top:1px solid #e5e7eb;color:#4b5563;font-size:12px;line-height:1.5;\">\n")
            .Append(FooterLines(footer, html: true)).Append("<br>\n").Append(Encode(AutomaticNote)).Append("\n</td>\n</tr>\n</table>\n")
            .Append("</td>\n</tr>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string FooterLines(MailFooter footer, bool html)
    {
        var contact = footer.CoordinatorPhone is { Length: > 0 } phone
            ? $"Kontakt: {footer.CoordinatorName}, {footer.CoordinatorMailbox}, {phone}"
            : $"Kontakt: {footer.CoordinatorName}, {footer.CoordinatorMailbox}";
        var lines = new[] { $"{footer.Municipality} · Ärende {footer.CaseNumber}", contact };
        return html ? string.Join("<br>\n", lines.Select(Encode)) : string.Join('\n', lines);
    }

    private static void Paragraph(StringBuilder html, string paragraph) =>
        html.Append("<p style=\"margin:0 0 16px 0;\">").Append(string.Join("<br>\n", paragraph.Split('\n').Select(Encode))).Append("</p>\n");

    /// <summary>A long address written out may break anywhere after a slash or a dot, not overflow a phone's screen.</summary>
    private static string BreakableUrl(string url) => Encode(url).Replace("/", "/<wbr>", StringComparison.Ordinal).Replace(".", ".<wbr>", StringComparison.Ordinal);

    /// <summary>Markup escaped; letters (å, ä, ö) as themselves, which the UTF-8 part carries.</summary>
    private static string Encode(string text) => Encoder.Encode(text);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
