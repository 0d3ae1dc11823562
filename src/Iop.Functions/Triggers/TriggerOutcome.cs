namespace Iop.Functions.Triggers;

/// <summary>How an invocation ended: done (2xx), or failed (non-2xx, so the host retries and finally moves a queue message to its poison queue).</summary>
/// <param name="Succeeded">Whether the work is done.</param>
/// <param name="Log">One line for the host's invocation log (no personal data: ids and numbers only).</param>
/// <param name="ReturnValue">A short result for the log, e.g. the timer's outcome.</param>
internal sealed record TriggerOutcome(bool Succeeded, string Log, string? ReturnValue = null)
{
    public static TriggerOutcome Done(string log, string? returnValue = null) => new(true, log, returnValue);

    public static TriggerOutcome Failed(string log) => new(false, log);
}
