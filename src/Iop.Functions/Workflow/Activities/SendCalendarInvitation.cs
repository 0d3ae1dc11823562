using Iop.Functions.Outbox;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>Creates, updates or cancels one meeting's Outlook event; returns the event id when the case must record it.</summary>
internal sealed class SendCalendarInvitation(OutboxDelivery outbox, EffectDelivery delivery) : TaskActivity<EffectReference, DeliveryResult>
{
    public override Task<DeliveryResult> RunAsync(TaskActivityContext context, EffectReference input) =>
        outbox.RunAsync(input, async (effect, key) =>
        {
            var meeting = (Cases.SendInvitation)effect;
            var eventId = await delivery.InviteAsync(meeting, key, CancellationToken.None).ConfigureAwait(false);
            return new DeliveryResult(MeetingId: meeting.MeetingId, CalendarEventId: eventId);
        });
}
