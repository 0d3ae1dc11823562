namespace Iop.Messaging;

/// <summary>Sends e-mail (Microsoft Graph in production, the local outbox in development).</summary>
public interface IMailer
{
    /// <summary>
    /// Sends a message. <paramref name="idempotencyKey"/> is stable across retries of the same effect, so an adapter
    /// that can tell it has already sent the message does not send it again.
    /// </summary>
    Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken);
}
