using Iop.Common;

namespace Iop.Messaging;

/// <summary>An e-mail ready to send: rendered in the recipient's language, with plain-text and HTML bodies.</summary>
/// <param name="To">The recipients.</param>
/// <param name="Subject">The subject, which carries the case's registration number.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="HtmlBody">The HTML body (escaped content only).</param>
/// <param name="ReplyTo">Where answers go (the coordinator), if anywhere.</param>
public sealed record MailMessage(ValueList<MailAddress> To, string Subject, string TextBody, string HtmlBody, MailAddress? ReplyTo)
{
    /// <summary>
    /// The RFC 3834 header every message from the product carries (<c>Auto-Submitted: auto-generated</c>), so that
    /// out-of-office replies and other automatic answers are not sent back to it.
    /// </summary>
    public static readonly (string Name, string Value) AutoSubmitted = ("Auto-Submitted", "auto-generated");

    /// <summary>Files sent with the message (e.g. the agreement draft); empty for most messages.</summary>
    public ValueList<MailAttachment> Attachments { get; init; } = ValueList<MailAttachment>.Empty;
}

/// <summary>A file attached to an e-mail.</summary>
/// <param name="FileName">The name the recipient sees.</param>
/// <param name="ContentType">The media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The bytes.</param>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>An e-mail address with a display name.</summary>
public sealed record MailAddress(string Name, string Address);
