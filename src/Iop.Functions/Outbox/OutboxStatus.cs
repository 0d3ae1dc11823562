namespace Iop.Functions.Outbox;

/// <summary>Where an outbox row stands.</summary>
internal enum OutboxStatus
{
    /// <summary>Committed with its events; not yet handed to the case's workflow.</summary>
    Pending,

    /// <summary>Handed to the case's workflow, which delivers it (with retries).</summary>
    Relayed,

    /// <summary>Delivered.</summary>
    Sent,

    /// <summary>Failed for good (a permanent error, or every retry spent); shown to the coordinator with a retry.</summary>
    Failed,
}
