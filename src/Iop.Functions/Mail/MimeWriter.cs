using Iop.Common;
using Iop.Messaging;
using MimeKit;
using MimeKit.Text;

namespace Iop.Functions.Mail;

/// <summary>
/// A message as standards-conformant MIME (RFC 5322/2045): CRLF line endings, every part that is not 7-bit text
/// transfer-encoded (quoted-printable for text, base64 for files), no line over 78 characters, headers on one line
/// each with non-ASCII in encoded words. The same bytes go to Graph's <c>sendMail</c> and to the local outbox's
/// <c>.eml</c>, so what a developer opens in a mail client is what Exchange receives.
/// </summary>
internal static class MimeWriter
{
    public static byte[] Write(MailMessage message, string fromMailbox, string idempotencyKey)
    {
        var mime = new MimeMessage { Subject = SingleLine.Clean(message.Subject) };
        mime.From.Add(new MailboxAddress(SingleLine.Clean(message.ReplyTo?.Name), fromMailbox));
        mime.To.AddRange(message.To.Select(t => new MailboxAddress(SingleLine.Clean(t.Name), t.Address)));
        if (message.ReplyTo is { } replyTo)
        {
            mime.ReplyTo.Add(new MailboxAddress(SingleLine.Clean(replyTo.Name), replyTo.Address));
        }

        mime.Headers.Add(MailMessage.AutoSubmitted.Name, MailMessage.AutoSubmitted.Value);
        mime.Headers.Add("X-Iop-Effect", SingleLine.Clean(idempotencyKey));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(SingleLine.Clean(attachment.FileName), attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        foreach (var part in mime.BodyParts.OfType<MimePart>())
        {
            // Text as quoted-printable (readable, and safe for any 7-bit relay); files as base64.
            part.ContentTransferEncoding = part is TextPart { Format: TextFormat.Plain or TextFormat.Html } ? ContentEncoding.QuotedPrintable : ContentEncoding.Base64;
        }

        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.MaxLineLength = 78;
        using var buffer = new MemoryStream();
        mime.WriteTo(format, buffer);
        return buffer.ToArray();
    }
}
