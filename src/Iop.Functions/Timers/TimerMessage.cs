namespace Iop.Functions.Timers;

/// <summary>A durable timer on the queue: at <paramref name="At"/> the case <paramref name="Case"/> checks its deadlines.</summary>
internal sealed record TimerMessage(string Case, DateTimeOffset At);
