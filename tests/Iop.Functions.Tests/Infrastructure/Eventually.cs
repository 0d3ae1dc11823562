namespace Iop.Functions.Tests.Infrastructure;

/// <summary>Waits for something the workflow does after the command has answered (a mail delivered, a row marked).</summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 20)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        T value = await read();
        while (!done(value))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            }

            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    /// <summary>
    /// Waits until the case's history has stood still for <paramref name="still"/> seconds (at most <paramref name="seconds"/>):
    /// the workflow has delivered what the commands so far sent, and recorded what it records after the fact (an
    /// invitation's calendar id, or none when the meeting was held before the invitation went out).
    /// </summary>
    public static async Task UntilHistoryStandsStillAsync(Cases.ICaseStore store, Cases.CaseId id, int still = 3, int seconds = 90)
    {
        var (count, unchanged) = (-1, 0);
        for (var second = 0; second < seconds && unchanged < still; second++)
        {
            var now = (await store.LoadHistoryAsync(id, CancellationToken.None)).Count;
            (count, unchanged) = (now, now == count ? unchanged + 1 : 0);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
