namespace Iop.Functions.Hosting;

/// <summary>
/// A clock that runs <see cref="Scale"/> times faster than real time from <see cref="Epoch"/>: with <c>Clock:Scale=1440</c>
/// a day passes in a minute, so a demo or a manual test sees three weeks of reminders in half an hour. Never used in production.
/// </summary>
internal sealed class ScaledTimeProvider(DateTimeOffset epoch, double scale) : TimeProvider
{
    public DateTimeOffset Epoch { get; } = epoch;

    public double Scale { get; } = scale;

    public override DateTimeOffset GetUtcNow() => Epoch + ((System.GetUtcNow() - Epoch) * Scale);

    /// <summary>How long real time takes to cover <paramref name="span"/> of this clock's time.</summary>
    public TimeSpan ToReal(TimeSpan span) => span / Scale;
}
