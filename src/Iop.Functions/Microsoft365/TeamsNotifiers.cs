using System.Text.Json.Nodes;
using Iop.Functions.Outbox;
using Iop.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Teamwork.SendActivityNotification;

namespace Iop.Functions.Microsoft365;

/// <summary>
/// Teams activity-feed notifications to the coordinator through Graph (the app-only path Microsoft supports), from the
/// IOP Teams app installed for the coordinator: activity type <c>iopCaseUpdate</c>, the case page as the topic's link.
/// </summary>
internal sealed class ActivityFeedNotifier(GraphServiceClient graph, IOptions<Microsoft365Options> options) : ICoordinatorNotifier
{
    public const string ActivityType = "iopCaseUpdate";

    public Task NotifyAsync(CoordinatorNotification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new SendActivityNotificationPostRequestBody
        {
            Topic = new TeamworkActivityTopic { Source = TeamworkActivityTopicSource.Text, Value = $"IOP {notification.CaseNumber}", WebUrl = notification.CaseUrl.ToString() },
            ActivityType = ActivityType,
            PreviewText = new ItemBody { Content = notification.Text.Length <= 150 ? notification.Text : notification.Text[..149] + "…" },
            TemplateParameters = [new Microsoft.Graph.Models.KeyValuePair { Name = "title", Value = notification.Title }],
            TeamsAppId = options.Value.TeamsAppId,
        };
        return GraphErrors.CallAsync(() => graph.Users[options.Value.CoordinatorUserId].Teamwork.SendActivityNotification.PostAsync(body, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// The alternative where a municipality will not deploy a Teams app: an Adaptive Card posted to a Teams Workflows webhook
/// (its URL is a secret). Office 365 connectors are retired and app-only channel messages are for migration only.
/// </summary>
internal sealed class WorkflowsWebhookNotifier(HttpClient http, IOptions<Microsoft365Options> options) : ICoordinatorNotifier
{
    public async Task NotifyAsync(CoordinatorNotification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(options.Value.WorkflowsWebhookUrl!), Card(notification), cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (GraphErrors.IsPermanent(status))
        {
            throw new PermanentDeliveryException($"HTTP{status}", $"The Teams Workflows webhook refused the card: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        response.EnsureSuccessStatusCode();
    }

    /// <summary>The message a Workflows "post to a chat or channel when a webhook request is received" flow expects.</summary>
    public static JsonObject Card(CoordinatorNotification notification) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["lang"] = "sv",
                ["body"] = new JsonArray(
                    new JsonObject { ["type"] = "TextBlock", ["text"] = notification.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = notification.Text, ["wrap"] = true },
                    new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray(new JsonObject { ["title"] = "Diarienummer", ["value"] = notification.CaseNumber }) }),
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Öppna ärendet", ["url"] = notification.CaseUrl.ToString() }),
            },
        }),
    };
}
