using System.Net;
using System.Text;
using Iop.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using MimeKit;

namespace Iop.Functions.Microsoft365;

/// <summary>
/// Sends mail from the shared IOP mailbox through Graph's <c>sendMail</c> in MIME form, which is the only way to send
/// both the plain-text and the HTML body and the <c>Auto-Submitted</c> header (JSON allows only one body and <c>x-</c>
/// headers). The SDK retries only throttling (429) here: its default also retries 503/504 on a POST, which could send a
/// mail twice; the outbox decides about the rest.
/// </summary>
internal sealed class GraphMailer(GraphServiceClient graph, IOptions<Microsoft365Options> options) : IMailer
{
    public Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var mailbox = options.Value.Mailbox!;
        var request = graph.Users[mailbox].SendMail.ToPostRequestInformation(new SendMailPostRequestBody());
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(new MemoryStream(Encoding.ASCII.GetBytes(Mime(message, mailbox, idempotencyKey))), "text/plain");
        request.AddRequestOptions([new RetryHandlerOption { ShouldRetry = (_, _, response) => response.StatusCode == HttpStatusCode.TooManyRequests }]);
        return GraphErrors.CallAsync(() => graph.RequestAdapter.SendNoContentAsync(request, GraphErrors.Mapping, cancellationToken));
    }

    /// <summary>The message as base64 MIME: multipart/alternative text and HTML, attachments, Reply-To, Auto-Submitted.</summary>
    public static string Mime(MailMessage message, string mailbox, string idempotencyKey)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(new MailboxAddress(message.ReplyTo?.Name, mailbox));
        mime.To.AddRange(message.To.Select(t => new MailboxAddress(t.Name, t.Address)));
        if (message.ReplyTo is { } replyTo)
        {
            mime.ReplyTo.Add(new MailboxAddress(replyTo.Name, replyTo.Address));
        }

        mime.Headers.Add(MailMessage.AutoSubmitted.Name, MailMessage.AutoSubmitted.Value);
        mime.Headers.Add("X-Iop-Effect", idempotencyKey);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        using var buffer = new MemoryStream();
        mime.WriteTo(buffer);
        return Convert.ToBase64String(buffer.ToArray());
    }
}
