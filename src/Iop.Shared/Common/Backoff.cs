namespace Iop.Common;

/// <summary>
/// How long a writer that lost an optimistic race waits before trying again: exponential with jitter, so writers that
/// collided do not collide again in lockstep.
/// </summary>
public static class Backoff
{
    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first): half fixed, half random.</summary>
    public static TimeSpan Before(int retry, TimeSpan first, TimeSpan max)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
