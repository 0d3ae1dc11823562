using Iop.Cases;
using Iop.Functions.Mail;
using Iop.Messaging;

namespace Iop.Functions.Outbox;

/// <summary>Carries one effect out through the ports: mail to people, notices to the coordinator.</summary>
internal sealed class EffectDelivery(MailComposer composer, IMailer mailer, ICoordinatorNotifier notifier)
{
    public Task DeliverAsync(Effect effect, string idempotencyKey, CancellationToken cancellationToken) => effect switch
    {
        MailToInitiator mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        NotifyCoordinator notice => notifier.NotifyAsync(composer.Compose(notice), idempotencyKey, cancellationToken),
        _ => throw new InvalidOperationException($"No delivery for the effect {effect.GetType().Name}."),
    };
}
