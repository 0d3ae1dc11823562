namespace Iop.Functions.Outbox;

/// <summary>Where an outbox row stands.</summary>
internal enum OutboxStatus
{
    /// <summary>Waiting to be delivered (again, after a failure, at NextAttemptAt).</summary>
    Pending,

    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>Given up after repeated failures; shown to the coordinator.</summary>
    Failed,
}
