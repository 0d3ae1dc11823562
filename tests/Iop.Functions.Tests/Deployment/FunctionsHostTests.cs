using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Iop.Cases;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Tests.Infrastructure;
using Iop.Screening;
using Iop.Vetting;

namespace Iop.Functions.Tests.Deployment;

/// <summary>
/// The published package run as the Functions host runs it (<see cref="FunctionsHostFixture"/>): the documented
/// invocation payloads (<c>Payloads/</c>, with their sources) for queue and timer triggers, the forwarded HTTP route,
/// and a poison message that reaches the coordinator.
/// </summary>
[Collection("FunctionsHost")]
public sealed class FunctionsHostTests(FunctionsHostFixture host)
{
    [Fact]
    public async Task A_page_through_the_forwarded_route_answers_as_the_browser_asked_it()
    {
        using var request = Forwarded(HttpMethod.Get, "/initiativ/nytt");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"sv\"", html, StringComparison.Ordinal);
        Assert.Contains("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queued_timer_fires_the_reminder_on_a_case_and_the_outbox_trigger_sends_it()
    {
        var (id, number) = await VettingCaseDueForItsFirstReminderAsync();
        var timer = $$"""{"case":"{{id}}","at":"{{TimeProvider.System.GetUtcNow().AddMinutes(-1):O}}"}""";

        var fired = await InvokeAsync("TimersQueue", QueuePayload("TimersQueue", timer));

        Assert.Equal("Fired", fired["ReturnValue"]!.GetValue<string>());
        var history = await host.Cases.Store.LoadHistoryAsync(id, CancellationToken.None);
        Assert.Single(history, h => h.Event is ReminderSent);

        var sent = await InvokeAsync("OutboxQueue", QueuePayload("OutboxQueue", id.ToString()));

        Assert.True(int.Parse(sent["ReturnValue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= 1, sent.ToJsonString());
        var mail = await Outbox().ListAsync(LocalOutboxStore.MailPartition, 500, CancellationToken.None);
        Assert.Contains(mail, m => m.Subject == $"Påminnelse: uppgifter som saknas – {number}");
    }

    [Fact]
    public async Task The_timer_payload_runs_the_weekly_digest_of_open_cases_and_what_they_wait_on()
    {
        var (_, number) = await VettingCaseDueForItsFirstReminderAsync();

        var result = await InvokeAsync("WeeklyDigest", TimerPayload("WeeklyDigest"));

        Assert.True(int.Parse(result["ReturnValue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= 1, result.ToJsonString());
        var notifications = await Outbox().ListAsync(LocalOutboxStore.NotificationPartition, 500, CancellationToken.None);
        var digest = Assert.Single(notifications, n => n.Subject.StartsWith("Veckosammanställning vecka ", StringComparison.Ordinal));
        Assert.Contains($"{number} Föreningen Navet (Kontroll av organisationen). Väntar på organisationen:", digest.Text, StringComparison.Ordinal);
        Assert.Equal("https://iop.mora.example/arenden", digest.CaseUrl);
    }

    [Fact]
    public async Task The_outbox_sweep_runs_on_its_timer()
    {
        var result = await InvokeAsync("OutboxSweep", TimerPayload("OutboxSweep"));

        Assert.Contains("Outbox sweep", result["Logs"]!.AsArray().Single()!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_the_app_cannot_handle_fails_the_invocation_so_the_host_retries_it()
    {
        using var notATimer = await host.Client.PostAsync("/TimersQueue", Json(QueuePayload("TimersQueue", "not a timer")));
        using var notACase = await host.Client.PostAsync("/OutboxQueue", Json(QueuePayload("OutboxQueue", "{ message: \"Message sent\" }")));
        using var notJson = await host.Client.PostAsync("/OutboxQueue", new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notATimer.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notACase.StatusCode);
        Assert.False(notJson.IsSuccessStatusCode);
    }

    [Fact]
    public async Task A_poison_timer_message_reaches_the_coordinator_once()
    {
        var (id, number) = await VettingCaseDueForItsFirstReminderAsync();
        var timer = $$"""{"case":"{{id}}","at":"2026-03-20T08:00:00+00:00"}""";

        await InvokeAsync("TimersPoison", QueuePayload("TimersPoison", timer, messageId: $"poison-{id}"));
        await InvokeAsync("TimersPoison", QueuePayload("TimersPoison", timer, messageId: $"poison-{id}"));

        var notifications = await Outbox().ListAsync(LocalOutboxStore.NotificationPartition, 500, CancellationToken.None);
        var notice = Assert.Single(notifications, n => n.Subject == $"En bevakning har fastnat – {number}");
        Assert.Contains("Påminnelser eller eskaleringar kan ha uteblivit", notice.Text, StringComparison.Ordinal);
        Assert.Equal($"https://iop.mora.example/arenden/{id}", notice.CaseUrl);
    }

    [Fact]
    public async Task A_trigger_cannot_be_fired_through_the_public_http_route()
    {
        using var proxied = Forwarded(HttpMethod.Post, "/OutboxSweep");
        proxied.Content = Json(TimerPayload("OutboxSweep"));

        using var response = await host.Client.SendAsync(proxied);
        using var get = await host.Client.GetAsync("/OutboxSweep");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(get.IsSuccessStatusCode);
    }

    /// <summary>What the host's proxy (YARP's default transforms) adds to a request from the internet.</summary>
    private static HttpRequestMessage Forwarded(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "func-iop-dev.azurewebsites.net");
        return request;
    }

    private async Task<JsonObject> InvokeAsync(string function, JsonObject payload)
    {
        using var response = await host.Client.PostAsync($"/{function}", Json(payload));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{function}: {(int)response.StatusCode} {body}\n{host.Output}");
        var result = JsonNode.Parse(body)!.AsObject();

        // The documented response shape.
        Assert.IsType<JsonObject>(result["Outputs"]);
        Assert.IsType<JsonArray>(result["Logs"]);
        Assert.True(result.ContainsKey("ReturnValue"));
        return result;
    }

    /// <summary>The documented queue payload, with the function's binding name (from its function.json) and our message.</summary>
    private JsonObject QueuePayload(string function, string message, string? messageId = null)
    {
        var payload = Payload("queue-trigger.json");
        payload["Data"] = new JsonObject { [BindingName(function)] = message };
        if (messageId is not null)
        {
            payload["Metadata"]!["Id"] = messageId;
        }

        return payload;
    }

    /// <summary>The documented timer object under the function's binding name.</summary>
    private JsonObject TimerPayload(string function)
    {
        var payload = Payload("timer-trigger.json");
        var timer = payload["Data"]!.AsObject().Single().Value!.DeepClone();
        payload["Data"] = new JsonObject { [BindingName(function)] = timer };
        return payload;
    }

    private string BindingName(string function) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(host.Package.Root, function, "function.json")))!["bindings"]![0]!["name"]!.GetValue<string>();

    private static JsonObject Payload(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "tests", "Iop.Functions.Tests", "Deployment", "Payloads", file)))!.AsObject();

    private static StringContent Json(JsonNode payload) => new(payload.ToJsonString(), Encoding.UTF8, "application/json");

    private LocalOutboxStore Outbox() => new(host.Cases.Tables, host.Cases.Options, TimeProvider.System);

    /// <summary>A case whose vetting started 19 days ago (the fixture's clock), so its first reminder is due now.</summary>
    private async Task<(CaseId Id, string Number)> VettingCaseDueForItsFirstReminderAsync()
    {
        var cases = host.Cases;
        var id = await cases.SubmitAsync();
        var all = TestCases.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToList();
        Assert.IsType<Accepted>(await cases.Service.HandleAsync(id, new CompleteScreening(Common.ValueList.ToValueList(all), ScreeningOutcome.Continue, null, Alternative.None, TestCases.Coordinator), null, CancellationToken.None));
        Assert.IsType<Accepted>(await cases.Service.HandleAsync(id, new StartPartnerVetting("t1", cases.Time.GetUtcNow().AddDays(90), TestCases.Coordinator), null, CancellationToken.None));
        var number = (await cases.Store.LoadAsync(id, CancellationToken.None))!.State.File.Number.Value;
        return (id, number);
    }
}
