using System.Globalization;
using Iop.Functions.Localization;
using Iop.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace Iop.Functions.Microsoft365;

/// <summary>
/// Outlook meetings in the shared IOP mailbox's calendar: created with the attendees (Outlook sends the invitations), a
/// Teams meeting when online, times in W. Europe Standard Time; a stable <c>transactionId</c> so a retried creation does
/// not make a second event; updates by PATCH and cancellation by the <c>cancel</c> action, so attendees get updates.
/// </summary>
internal sealed class GraphCalendar(GraphServiceClient graph, IOptions<Microsoft365Options> options) : ICalendar
{
    /// <summary>Graph's (Windows) name for Swedish time.</summary>
    public const string TimeZone = "W. Europe Standard Time";

    private string Mailbox => options.Value.Mailbox!;

    public async Task<string> SendAsync(CalendarInvitation invitation, string? eventId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var meeting = ToEvent(invitation);
        if (eventId is not null)
        {
            await GraphErrors.CallAsync(() => graph.Users[Mailbox].Events[eventId].PatchAsync(meeting, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return eventId;
        }

        meeting.TransactionId = invitation.Uid;
        var created = await GraphErrors.CallAsync(() => graph.Users[Mailbox].Events.PostAsync(meeting, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return created?.Id ?? throw new InvalidOperationException("Graph created the event but gave no id.");
    }

    /// <summary>
    /// The <c>cancel</c> action with the documented body <c>{"comment": …}</c>. Written by hand: SDK 5.92 serialises this
    /// body's property as <c>Comment</c> (the contract test caught it), and the documented name is lower-case.
    /// </summary>
    public Task CancelAsync(CalendarInvitation invitation, string? eventId, string comment, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (eventId is null)
        {
            throw new InvalidOperationException($"The meeting {invitation.Uid} has no calendar event to cancel yet.");
        }

        var request = graph.Users[Mailbox].Events[eventId].Cancel.ToPostRequestInformation(new CancelPostRequestBody());
        request.Headers.Remove("Content-Type");
        var body = new System.Text.Json.Nodes.JsonObject { ["comment"] = comment }.ToJsonString();
        request.SetStreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)), "application/json");
        return GraphErrors.CallAsync(() => graph.RequestAdapter.SendNoContentAsync(request, GraphErrors.Mapping, cancellationToken));
    }

    public static Event ToEvent(CalendarInvitation invitation) => new()
    {
        Subject = invitation.Subject,
        Body = new ItemBody { ContentType = BodyType.Text, Content = invitation.TextBody },
        Start = Time(invitation.Start),
        End = Time(invitation.End),
        Location = invitation.Location is { } place ? new Location { DisplayName = place } : null,
        Attendees = [.. invitation.Attendees.Select(a => new Attendee { EmailAddress = new EmailAddress { Address = a.Address, Name = a.Name }, Type = AttendeeType.Required })],
        IsOnlineMeeting = invitation.Online,
        OnlineMeetingProvider = invitation.Online ? OnlineMeetingProviderType.TeamsForBusiness : null,
    };

    private static DateTimeTimeZone Time(DateTimeOffset instant) => new()
    {
        DateTime = SwedishTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = TimeZone,
    };
}
