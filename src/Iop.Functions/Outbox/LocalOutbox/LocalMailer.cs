using Iop.Functions.Hosting;
using Iop.Functions.Mail;
using Iop.Messaging;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox.LocalOutbox;

/// <summary>Mail for local runs and tests: kept in the local outbox, as the MIME Graph would get, instead of sent.</summary>
internal sealed class LocalMailer(LocalOutboxStore outbox, IOptions<IopOptions> options) : IMailer
{
    public Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        outbox.AddMailAsync(message, MimeWriter.Write(message, options.Value.CoordinatorMailbox, idempotencyKey), idempotencyKey, cancellationToken);
}
