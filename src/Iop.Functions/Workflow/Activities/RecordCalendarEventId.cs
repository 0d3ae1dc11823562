using Iop.Cases;
using Iop.Common;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>Keeps the calendar's event id with the meeting, so updates and cancellations reach the same event.</summary>
internal sealed class RecordCalendarEventId(CaseService cases) : TaskActivity<CalendarEventCreated, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CalendarEventCreated input)
    {
        var result = await cases.HandleAsync(CaseId.Parse(input.CaseId), new Meetings.RecordCalendarEvent(input.MeetingId, input.EventId, Actor.System), expectedVersion: null, CancellationToken.None).ConfigureAwait(false);
        return result switch
        {
            Accepted => true,

            // Already known, or the case has ended: nothing left to record.
            Rejected { Error.Rule: Meetings.MeetingRules.EventKnown or CaseRules.Closed } => false,
            Rejected r => throw new InvalidOperationException($"Recording the calendar event failed: {r.Error.Message}"),
            _ => throw new InvalidOperationException($"Recording the calendar event gave {result.GetType().Name}."),
        };
    }
}
