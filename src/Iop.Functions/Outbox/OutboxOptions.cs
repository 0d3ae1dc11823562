namespace Iop.Functions.Outbox;

/// <summary>How the outbox retries (section <c>Outbox</c>).</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Deliveries tried before an effect is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry's delay; each further retry doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the local dispatcher looks for rows whose signal was lost or whose retry is due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the local dispatcher polls the queue when it was empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether this process runs the polling dispatcher (off under the Functions host, where queue triggers do it).</summary>
    public bool RunLocally { get; set; } = true;
}
