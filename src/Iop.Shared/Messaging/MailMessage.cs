using Iop.Common;

namespace Iop.Messaging;

/// <summary>An e-mail ready to send: rendered in the recipient's language, with plain-text and HTML bodies.</summary>
/// <param name="To">The recipients.</param>
/// <param name="Subject">The subject, which carries the case's registration number.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="HtmlBody">The HTML body (escaped content only).</param>
/// <param name="ReplyTo">Where answers go (the coordinator), if anywhere.</param>
public sealed record MailMessage(ValueList<MailAddress> To, string Subject, string TextBody, string HtmlBody, MailAddress? ReplyTo);

/// <summary>An e-mail address with a display name.</summary>
public sealed record MailAddress(string Name, string Address);
