using System.Net;
using System.Text;
using Iop.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Iop.Functions.Microsoft365;

/// <summary>
/// Sends mail from the shared IOP mailbox through Graph's <c>sendMail</c> in MIME form, which is the only way to send
/// both the plain-text and the HTML body and the <c>Auto-Submitted</c> header (JSON allows only one body and <c>x-</c>
/// headers). The SDK retries only throttling (429) here: its default also retries 503/504 on a POST, which could send a
/// mail twice; the outbox decides about the rest.
/// </summary>
internal sealed class GraphMailer(GraphServiceClient graph, IOptions<Microsoft365Options> options) : IMailer
{
    /// <summary>The message as Graph takes it: the MIME bytes, base64.</summary>
    public static string Mime(MailMessage message, string mailbox, string idempotencyKey) =>
        Convert.ToBase64String(Mail.MimeWriter.Write(message, mailbox, idempotencyKey));

    public Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var mailbox = options.Value.Mailbox!;
        var request = graph.Users[mailbox].SendMail.ToPostRequestInformation(new SendMailPostRequestBody());
        request.Headers.Remove("Content-Type");
        request.SetStreamContent(new MemoryStream(Encoding.ASCII.GetBytes(Mime(message, mailbox, idempotencyKey))), "text/plain");
        request.AddRequestOptions([new RetryHandlerOption { ShouldRetry = (_, _, response) => response.StatusCode == HttpStatusCode.TooManyRequests }]);
        return GraphErrors.CallAsync(() => graph.RequestAdapter.SendNoContentAsync(request, GraphErrors.Mapping, cancellationToken));
    }
}
