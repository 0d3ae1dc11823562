using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Iop.Common;
using Iop.Functions.Microsoft365;
using Iop.Functions.Outbox;
using Iop.Messaging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Iop.Functions.Tests.Microsoft365;

/// <summary>The Graph adapters' requests, made by the real SDK, against Graph's documented shapes (files in Expected/).</summary>
public sealed class GraphContractTests
{
    private static readonly IOptions<Microsoft365Options> Options = Microsoft.Extensions.Options.Options.Create(new Microsoft365Options
    {
        Mode = Microsoft365Mode.Graph,
        Mailbox = "iop@mora.example",
        CoordinatorUserId = "5f9d6c2b-0c1a-4a8e-9f1e-3b2a1c0d9e8f",
        WorkflowsWebhookUrl = "https://prod.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke",
    });

    private static readonly DateTimeOffset Start = new(2026, 6, 15, 8, 0, 0, TimeSpan.Zero);

    private static readonly CalendarInvitation Invitation = new(
        "case-1-stakeholder-1@iop",
        0,
        "Dialogmöte om IOP-initiativ: Föreningen Navet – KS 2026/7",
        "Dialogmöte om IOP-initiativ från Föreningen Navet.",
        Start,
        Start.AddHours(2),
        "Stadshuset, sal 3",
        Online: true,
        new MailAddress("IOP-samordnaren", "iop@mora.example"),
        ValueList.Of(new MailAddress("Karin Ek", "karin.ek@navet.example"), new MailAddress("Tomas Persson", "tomas.persson@mora.example")));

    private static readonly CoordinatorNotification Notice = new(
        "Svar: Bekräftelse av bemanning – Socialnämnden",
        "Helena Sjöberg har svarat i ärende KS 2026/7 (Föreningen Navet).",
        "KS 2026/7",
        new Uri("https://iop.mora.example/arenden/6f1c2d3e4a5b4c6d8e9f0a1b2c3d4e5f"));

    private static readonly MailMessage Mail = new(
        ValueList.Of(new MailAddress("Helena Sjöberg", "helena.sjoberg@mora.example")),
        "Bekräfta bemanning – KS 2026/7",
        "Hej Helena Sjöberg!\n\nSvara här.",
        "<!DOCTYPE html><html lang=\"sv\"><body><p>Hej Helena Sjöberg!</p></body></html>",
        new MailAddress("IOP-samordnare", "iop-samordnare@mora.example"))
    {
        Attachments = ValueList.Of(new MailAttachment("overenskommelse.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\u0003\u0004"u8.ToArray())),
    };

    private static JsonObject Expected(string file, [CallerFilePath] string here = "") =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "Expected", file)))!.AsObject();

    private static void AssertMatches(string file, (HttpMethod Method, Uri Uri, string? ContentType, string Body) request)
    {
        var expected = Expected(file);
        Assert.Equal(expected["method"]!.GetValue<string>(), request.Method.Method);
        Assert.Equal(expected["path"]!.GetValue<string>(), Uri.UnescapeDataString(request.Uri.AbsolutePath));
        if (expected["body"] is { } body)
        {
            Assert.Equal("application/json", request.ContentType);
            var actual = WithoutAnnotations(JsonNode.Parse(request.Body));
            Assert.True(JsonNode.DeepEquals(body, actual), $"Expected {body.ToJsonString()}\nbut sent {actual?.ToJsonString()}");
        }
    }

    /// <summary>The SDK adds <c>@odata.type</c> annotations and explicit nulls, which Graph accepts; the documented shapes omit them.</summary>
    private static JsonNode? WithoutAnnotations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Key.StartsWith("@odata.", StringComparison.Ordinal) || p.Value is null && p.Key != "contentUrl").Select(p => p.Key).ToList())
                {
                    o.Remove(key);
                }

                foreach (var (_, value) in o)
                {
                    WithoutAnnotations(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    WithoutAnnotations(item);
                }

                break;
        }

        return node;
    }

    [Fact]
    public async Task SendMail_posts_base64_MIME_with_both_bodies_reply_to_the_coordinator_and_Auto_Submitted()
    {
        var graph = new GraphStub();

        await new GraphMailer(graph.Client(), Options).SendAsync(Mail, "case/3/0", CancellationToken.None);

        var request = Assert.Single(graph.Requests);
        AssertMatches("send-mail.json", request);
        Assert.Equal(Expected("send-mail.json")["contentType"]!.GetValue<string>(), request.ContentType);
        var mime = await MimeMessage.LoadAsync(new MemoryStream(Convert.FromBase64String(request.Body)));
        Assert.Equal("Bekräfta bemanning – KS 2026/7", mime.Subject);
        Assert.Equal("helena.sjoberg@mora.example", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("iop-samordnare@mora.example", Assert.Single(mime.ReplyTo.Mailboxes).Address);
        Assert.Equal("iop@mora.example", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);
        Assert.Equal("Hej Helena Sjöberg!\n\nSvara här.", mime.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("<p>Hej Helena Sjöberg!</p>", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("overenskommelse.docx", Assert.Single(mime.Attachments).ContentDisposition!.FileName);
    }

    [Fact]
    public async Task A_meeting_is_created_with_attendees_Teams_and_a_transactionId_then_patched_and_cancelled()
    {
        var graph = new GraphStub().Then(HttpStatusCode.Created, """{"id":"AAMkAGI2"}""").Then(HttpStatusCode.OK, """{"id":"AAMkAGI2"}""").Then(HttpStatusCode.Accepted);
        var calendar = new GraphCalendar(graph.Client(), Options);

        var id = await calendar.SendAsync(Invitation, null, "case/4/0", CancellationToken.None);
        var same = await calendar.SendAsync(Invitation with { Sequence = 1, Start = Start.AddDays(1), End = Start.AddDays(1).AddHours(2) }, id, "case/5/0", CancellationToken.None);
        await calendar.CancelAsync(Invitation with { Sequence = 2 }, id, "Initiativtagaren är sjuk.", "case/6/0", CancellationToken.None);

        Assert.Equal(("AAMkAGI2", "AAMkAGI2"), (id, same));
        Assert.Equal(3, graph.Requests.Count);
        AssertMatches("create-event.json", graph.Requests[0]);
        AssertMatches("update-event.json", graph.Requests[1]);
        AssertMatches("cancel-event.json", graph.Requests[2]);
    }

    [Fact]
    public async Task The_coordinator_gets_an_activity_feed_notification_linking_the_case()
    {
        var graph = new GraphStub().Then(HttpStatusCode.NoContent);

        await new ActivityFeedNotifier(graph.Client(), Options).NotifyAsync(Notice, "case/7/1", CancellationToken.None);

        AssertMatches("activity-notification.json", Assert.Single(graph.Requests));
    }

    [Fact]
    public async Task The_Workflows_webhook_gets_an_Adaptive_Card()
    {
        var hook = new GraphStub().Then(HttpStatusCode.Accepted);

        await new WorkflowsWebhookNotifier(new HttpClient(hook), Options).NotifyAsync(Notice, "case/7/1", CancellationToken.None);

        AssertMatches("workflows-card.json", Assert.Single(hook.Requests));
    }

    [Fact]
    public async Task Throttling_with_Retry_After_is_retried_by_the_SDK_and_succeeds()
    {
        var graph = new GraphStub()
            .Then(HttpStatusCode.TooManyRequests, GraphStub.Error("ApplicationThrottled", "Too many requests."), r => r.Headers.Add("Retry-After", "1"))
            .Then(HttpStatusCode.Accepted);

        await new GraphMailer(graph.Client(), Options).SendAsync(Mail, "case/3/0", CancellationToken.None);

        Assert.Equal(2, graph.Requests.Count);
    }

    [Fact]
    public async Task A_503_on_sendMail_is_not_retried_by_the_SDK_but_left_to_the_outbox()
    {
        var graph = new GraphStub { Otherwise = (_, _) => GraphStub.Response(HttpStatusCode.ServiceUnavailable, GraphStub.Error("ServiceUnavailable", "Try later.")) };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new GraphMailer(graph.Client(), Options).SendAsync(Mail, "case/3/0", CancellationToken.None));

        Assert.Single(graph.Requests);
        Assert.IsNotType<PermanentDeliveryException>(error);
    }

    [Fact]
    public async Task A_403_is_permanent_with_Graphs_code_and_message()
    {
        var graph = new GraphStub { Otherwise = (_, _) => GraphStub.Response(HttpStatusCode.Forbidden, GraphStub.Error("ErrorAccessDenied", "Access is denied. Check credentials and try again.")) };

        var error = await Assert.ThrowsAsync<PermanentDeliveryException>(() => new GraphMailer(graph.Client(), Options).SendAsync(Mail, "case/3/0", CancellationToken.None));

        Assert.Single(graph.Requests);
        Assert.Equal("ErrorAccessDenied", error.Code);
        Assert.Equal("ErrorAccessDenied: Access is denied. Check credentials and try again.", error.Message);
    }

    [Fact]
    public async Task A_creation_retried_after_a_crash_carries_the_same_transactionId_so_Graph_keeps_one_event()
    {
        // Graph's side: an event per transactionId; a second creation with the same id returns the first event.
        var events = new Dictionary<string, string>(StringComparer.Ordinal);
        var graph = new GraphStub
        {
            Otherwise = (request, body) =>
            {
                var transaction = JsonNode.Parse(body)!["transactionId"]!.GetValue<string>();
                if (!events.TryGetValue(transaction, out var id))
                {
                    id = $"event-{events.Count + 1}";
                    events[transaction] = id;
                }

                return GraphStub.Response(HttpStatusCode.Created, new JsonObject { ["id"] = id }.ToJsonString());
            },
        };
        var calendar = new GraphCalendar(graph.Client(), Options);

        var first = await calendar.SendAsync(Invitation, null, "case/4/0", CancellationToken.None);
        // The process crashed before the outbox marked the effect sent and recorded the id: the effect is delivered again.
        var again = await calendar.SendAsync(Invitation, null, "case/4/0", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(events);
        Assert.Equal(2, graph.Requests.Count);
        Assert.All(graph.Requests, r => Assert.Equal("case-1-stakeholder-1@iop", JsonNode.Parse(r.Body)!["transactionId"]!.GetValue<string>()));
    }

    [Fact]
    public void Start_up_names_each_missing_Graph_setting()
    {
        var problems = new Microsoft365Options { Mode = Microsoft365Mode.Graph, Notifications = TeamsChannel.Workflows, WorkflowsWebhookUrl = "http://insecure" }.Problems();

        Assert.Contains(problems, p => p.StartsWith("Microsoft365:Mailbox is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Microsoft365:WorkflowsWebhookUrl is missing or not an https address", StringComparison.Ordinal));
        Assert.Empty(new Microsoft365Options().Problems());
        Assert.Contains(new Microsoft365Options { Mode = Microsoft365Mode.Graph, Mailbox = "iop@mora.example" }.Problems(), p => p.StartsWith("Microsoft365:CoordinatorUserId", StringComparison.Ordinal));
    }
}
