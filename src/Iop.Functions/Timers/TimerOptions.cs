namespace Iop.Functions.Timers;

/// <summary>Timer and clock settings (sections <c>Timers</c> and <c>Clock</c>).</summary>
internal sealed class TimerOptions
{
    public const string Section = "Timers";

    /// <summary>How often the local timer service polls an empty queue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether this process polls the timers queue (off under the Functions host).</summary>
    public bool RunLocally { get; set; } = true;
}
