namespace Iop.Messaging;

/// <summary>Tells the coordinator something needs attention (Teams in production, the local outbox in development).</summary>
public interface ICoordinatorNotifier
{
    /// <summary>Sends the notification; <paramref name="idempotencyKey"/> is stable across retries of the same effect.</summary>
    Task NotifyAsync(CoordinatorNotification notification, string idempotencyKey, CancellationToken cancellationToken);
}
