namespace Iop.Functions.Workflow;

/// <summary>Which wait of which case: the input of <see cref="AwaitAnswer"/> and <see cref="Activities.PlanWait"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Key">The wait's key (<see cref="Waiting.OpenWait.Key"/>).</param>
/// <param name="Retry">How its activities are retried (the lifecycle's delivery policy); null for the default.</param>
internal sealed record WaitInput(string CaseId, string Key, DeliveryPolicy? Retry = null);

/// <summary>What a wait does next.</summary>
/// <param name="IsOpen">False when the record no longer waits (answered, withdrawn, moved, the case ended).</param>
/// <param name="StepKey">The next reminder or escalation step.</param>
/// <param name="FireAt">When it falls due, on the workflow's clock (UTC).</param>
internal sealed record WaitPlan(bool IsOpen, string? StepKey = null, DateTime? FireAt = null)
{
    public static WaitPlan Closed { get; } = new(false);
}

/// <summary>A wait's timer fired: commit the reminder steps that are due.</summary>
internal sealed record ReminderDue(string CaseId, string Key, string StepKey);
