using Iop.Functions.Hosting;

namespace Iop.Functions.Workflow;

/// <summary>
/// Between the record's clock (the app's <see cref="TimeProvider"/>, sped up with <c>Clock:Scale</c> in demonstrations
/// and tests) and the workflow's: durable timers fire on the real UTC clock of the Durable Task backend.
/// </summary>
internal sealed class WorkflowClock(TimeProvider time)
{
    /// <summary>The record's now.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>How long a real span lasts on the record's clock (operational waits, such as the relay's, are real time).</summary>
    public TimeSpan OnRecordClock(TimeSpan real) => time is ScaledTimeProvider scaled ? real * scaled.Scale : real;

    /// <summary>When a moment of the record's clock comes on the workflow's clock (UTC).</summary>
    public DateTime ToWorkflowTime(DateTimeOffset at)
    {
        var wait = at - time.GetUtcNow();
        var real = time is ScaledTimeProvider scaled ? scaled.ToReal(wait) : wait;

        // The durable backend's clock is the system's: the one place the workflow needs it.
        return (TimeProvider.System.GetUtcNow() + (real < TimeSpan.Zero ? TimeSpan.Zero : real)).UtcDateTime;
    }
}
