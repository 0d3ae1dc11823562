using Iop.Messaging;

namespace Iop.Functions.Outbox.LocalOutbox;

/// <summary>Mail for local runs and tests: kept in the local outbox instead of sent.</summary>
internal sealed class LocalMailer(LocalOutboxStore outbox) : IMailer
{
    public Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
        outbox.AddMailAsync(message, idempotencyKey, cancellationToken);
}
