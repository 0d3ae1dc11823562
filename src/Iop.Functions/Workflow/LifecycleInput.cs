namespace Iop.Functions.Workflow;

/// <summary>How an effect's delivery is retried before it counts as failed.</summary>
internal sealed record DeliveryPolicy(int MaxAttempts, TimeSpan FirstRetry, TimeSpan MaxRetry);

/// <summary>
/// The case lifecycle's state between executions (it continues as new at stage changes): ids and keys only.
/// </summary>
/// <param name="CaseId">The case, also the instance id.</param>
/// <param name="Delivery">The retry policy for effects.</param>
/// <param name="Stage">The stage the case had when this execution started.</param>
/// <param name="Pending">Batches to handle before waiting for more (the first commit's, when the relay starts the case).</param>
/// <param name="Seen">The most recent effects handled, so a batch relayed twice is handled once.</param>
/// <param name="Waits">
/// The keys of the waits running. Only the relayed changes (in commit order) start and end waits: a wait is never started
/// from a newer reading of the record that an older change still in the queue would undo.
/// </param>
internal sealed record LifecycleInput(
    string CaseId,
    DeliveryPolicy Delivery,
    string? Stage = null,
    IReadOnlyList<RelayedBatch>? Pending = null,
    IReadOnlyList<string>? Seen = null,
    IReadOnlyList<string>? Waits = null);
