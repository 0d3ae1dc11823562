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
}
