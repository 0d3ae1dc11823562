namespace Iop.Functions.Workflow;

/// <summary>An effect by its outbox row: the activity reads the effect from the record, not from the workflow's history.</summary>
internal sealed record EffectReference(string CaseId, string Row);

/// <summary>
/// A delivery's result. A permanent error (a missing permission, an unknown mailbox) is a result, not an exception, so
/// the workflow records it at once instead of retrying.
/// </summary>
/// <param name="PermanentError">The service's code and message when it refused for good.</param>
/// <param name="MeetingId">For an invitation: the meeting.</param>
/// <param name="CalendarEventId">For an invitation: the event id the case must record, when new.</param>
internal sealed record DeliveryResult(string? PermanentError = null, string? MeetingId = null, string? CalendarEventId = null)
{
    public static DeliveryResult Delivered { get; } = new();
}

/// <summary>An effect that failed for good, to record on the case.</summary>
internal sealed record DeliveryFailure(string CaseId, string Row, string Error);

/// <summary>The calendar's id of a meeting's event, to record on the case.</summary>
internal sealed record CalendarEventCreated(string CaseId, string MeetingId, string EventId);
