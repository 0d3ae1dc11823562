using Iop.Messaging;

namespace Iop.Functions.Outbox.LocalOutbox;

/// <summary>Coordinator notifications for local runs and tests: kept in the local outbox instead of posted to Teams.</summary>
internal sealed class LocalCoordinatorNotifier(LocalOutboxStore outbox) : ICoordinatorNotifier
{
    public Task NotifyAsync(CoordinatorNotification notification, string idempotencyKey, CancellationToken cancellationToken) =>
        outbox.AddNotificationAsync(notification, idempotencyKey, cancellationToken);
}
