using System.Text.Json;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Storage;
using Iop.Vetting;

namespace Iop.Functions.Timers;

/// <summary>
/// Handles a surfaced timer: too early (a long wait) re-arms it; otherwise the case takes the steps that are due.
/// Firing twice (a crash before the message was deleted) is harmless: a step already taken is not due.
/// </summary>
internal sealed class TimerHandler(CaseService cases, TimerQueue timers, TimeProvider time, ILogger<TimerHandler> logger)
{
    public async Task<TimerOutcome> HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        TimerMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<TimerMessage>(messageText, StorageJson.Options);
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null || !CaseId.TryParse(message.Case, out var caseId))
        {
            logger.LogError("Dropped a timer message that is not a timer: {Message}", messageText);
            return TimerOutcome.Dropped;
        }

        if (time.GetUtcNow() < message.At)
        {
            await timers.ScheduleAsync(caseId, message.At, cancellationToken).ConfigureAwait(false);
            return TimerOutcome.Rearmed;
        }

        var result = await cases.HandleAsync(caseId, new CheckDeadlines(Actor.System), expectedVersion: null, cancellationToken).ConfigureAwait(false);
        return result is Accepted ? TimerOutcome.Fired : TimerOutcome.NothingDue;
    }
}

/// <summary>What a surfaced timer led to.</summary>
internal enum TimerOutcome
{
    /// <summary>Reminders or escalations were committed.</summary>
    Fired,

    /// <summary>Nothing was due (already taken, met meanwhile, or the case moved on).</summary>
    NothingDue,

    /// <summary>The wait was longer than the queue allows; armed again.</summary>
    Rearmed,

    /// <summary>Not a timer message.</summary>
    Dropped,
}
