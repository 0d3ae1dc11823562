using Iop.Cases;
using Iop.Functions.Mail;
using Iop.Functions.Timers;
using Iop.Messaging;

namespace Iop.Functions.Outbox;

/// <summary>Carries one effect out through the ports: mail to people, notices to the coordinator.</summary>
internal sealed class EffectDelivery(MailComposer composer, IMailer mailer, ICoordinatorNotifier notifier, TimerQueue timers)
{
    public Task DeliverAsync(Effect effect, string idempotencyKey, CancellationToken cancellationToken) => effect switch
    {
        MailToInitiator mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        NotifyCoordinator notice => notifier.NotifyAsync(composer.Compose(notice), idempotencyKey, cancellationToken),
        SendPortalLink mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        RemindInitiator mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        AskForCompletion mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        ScheduleDeadline timer => timers.ScheduleAsync(timer.Case, timer.At, cancellationToken),
        _ => throw new InvalidOperationException($"No delivery for the effect {effect.GetType().Name}."),
    };
}
