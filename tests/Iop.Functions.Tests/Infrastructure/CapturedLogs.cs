using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>
/// The log of one app kept in memory (the newest lines), so a test that waits on the workflow can say in its failure
/// what the durable backend and worker did meanwhile.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int Capacity = 4000;

    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines that mention <paramref name="text"/>, and every warning and error, oldest first.</summary>
    public IEnumerable<string> About(string text) =>
        _lines.Where(l => l.Contains(text, StringComparison.Ordinal) || l.Contains(" Warning ", StringComparison.Ordinal) || l.Contains(" Error ", StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Capacity && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{TimeProvider.System.GetUtcNow():HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.GetType().Name + ": " + exception.Message)}");
    }
}
