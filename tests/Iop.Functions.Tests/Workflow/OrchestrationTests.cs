using System.Collections.Concurrent;
using System.Text.Json;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Workflow;
using Iop.Functions.Workflow.Activities;
using Iop.Functions.Workflow.Local;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Iop.Functions.Tests.Workflow;

/// <summary>
/// The orchestrators on Durable Task's in-process test host, with our own activities replaced by scripted ones: the
/// plan of a wait gives its timers in seconds, so each path runs in a few seconds of real time.
/// </summary>
public sealed class OrchestrationTests : IAsyncLifetime
{
    private const string Case = "0f5bd3bd3a9a4f3c8d9ef1f8e2a1b0c7";

    private static readonly DeliveryPolicy QuickRetry = new(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));

    /// <summary>Each wait's plans in order (step key and seconds until it falls due); a wait past its script is closed.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Step, double Seconds)>> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _reminders = new();

    /// <summary>The instance that last planned each wait (a wait's instance id is unique per start).</summary>
    private readonly ConcurrentDictionary<string, string> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<WorkflowFailure> _workflowFailures = new();
    private readonly ConcurrentQueue<DeliveryFailure> _deliveryFailures = new();
    private Func<EffectReference, DeliveryResult> _sendMail = _ => DeliveryResult.Delivered;
    private bool _planFails;
    private DurableTaskTestHost? _host;

    private DurableTaskClient Client => _host!.Client;

    public async Task InitializeAsync() =>
        _host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestrator<CaseLifecycle>();
                tasks.AddOrchestrator<AwaitAnswer>();
                tasks.AddActivityFunc<WaitInput, WaitPlan>(nameof(PlanWait), (context, input) => Plan(context, input));
                tasks.AddActivityFunc<ReminderDue, bool>(nameof(RecordReminder), (context, due) =>
                {
                    // As the record does: the step is taken, so the wait's next plan is the step after it.
                    _reminders.Enqueue(due.StepKey);
                    if (_plans.TryGetValue(due.Key, out var script) && script.TryPeek(out var next) && next.Step == due.StepKey)
                    {
                        script.TryDequeue(out _);
                    }

                    return true;
                });
                tasks.AddActivityFunc<WorkflowFailure, bool>(nameof(RecordWorkflowFailure), (_, failure) =>
                {
                    _workflowFailures.Enqueue(failure);
                    return true;
                });
                tasks.AddActivityFunc<EffectReference, DeliveryResult>(nameof(SendMail), (_, effect) =>
                {
                    _calls.Enqueue($"mail {effect.Row}");
                    return _sendMail(effect);
                });
                tasks.AddActivityFunc<EffectReference, DeliveryResult>(nameof(SendNotice), (_, effect) =>
                {
                    _calls.Enqueue($"notice {effect.Row}");
                    return DeliveryResult.Delivered;
                });
                tasks.AddActivityFunc<DeliveryFailure, bool>(nameof(RecordDeliveryFailure), (_, failure) =>
                {
                    _deliveryFailures.Enqueue(failure);
                    return true;
                });
            },
            new DurableTaskTestHostOptions { Port = new LocalDurableEndpoint(0).Port });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private WaitPlan Plan(TaskActivityContext context, WaitInput input)
    {
        _calls.Enqueue($"plan {input.Key}");
        _instances[input.Key] = context.InstanceId;
        if (_planFails)
        {
            throw new InvalidOperationException("The case store is unreachable.");
        }

        return _plans.TryGetValue(input.Key, out var script) && script.TryPeek(out var next)
            ? new WaitPlan(true, next.Step, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(next.Seconds))
            : WaitPlan.Closed;
    }

    private void Script(string key, params (string Step, double Seconds)[] steps) => _plans[key] = new ConcurrentQueue<(string, double)>(steps);

    private async Task<OrchestrationMetadata> CompletedAsync(string instanceId, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    private async Task<OrchestrationMetadata> StartWaitAsync(string key)
    {
        var id = CaseLifecycle.WaitInstanceId(Case, key, Guid.NewGuid());
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AwaitAnswer), new Iop.Functions.Workflow.WaitInput(Case, key, QuickRetry), new StartOrchestrationOptions(id));
        return (await Client.WaitForInstanceStartAsync(id, getInputsAndOutputs: false))!;
    }

    private static RelayedEffect Waits(int version, params string[] keys) => new($"outbox-{version:D10}-000", 1, EffectRoute.Waits, keys);

    /// <summary>Starts the lifecycle as the relay does; <paramref name="stage"/> as if it had already continued at that stage.</summary>
    private Task<string> StartLifecycleAsync(RelayedBatch first, string? stage = null) =>
        Client.ScheduleNewOrchestrationInstanceAsync(nameof(CaseLifecycle), new LifecycleInput(Case, QuickRetry, stage, Pending: [first]), new StartOrchestrationOptions(Case));

    private Task RelayAsync(RelayedBatch batch) => Client.RaiseEventAsync(Case, CaseLifecycle.EffectsEvent, batch);

    /// <summary>The instance running the wait for <paramref name="key"/>, once it has planned.</summary>
    private async Task<string> WaitOfAsync(string key)
    {
        for (var i = 0; i < 400 && !_instances.ContainsKey(key); i++)
        {
            await Task.Delay(50);
        }

        return _instances.TryGetValue(key, out var id) ? id : throw new TimeoutException($"No wait for {key} planned.");
    }

    private async Task<OrchestrationMetadata> RunningAsync(string instanceId)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await Client.GetInstanceAsync(instanceId) is { RuntimeStatus: OrchestrationRuntimeStatus.Running } running)
            {
                return running;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{instanceId} never ran.");
    }

    [Fact]
    public async Task Reminder_steps_are_recorded_in_order_and_the_escalation_last_then_the_closed_wait_ends()
    {
        const string key = "staffing-socialnamnden.1@20270502T0543";
        Script(key, ("before3", 1), ("due", 1), ("escalate", 1));

        var started = await StartWaitAsync(key);
        var done = await CompletedAsync(started.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("\"closed\"", done.SerializedOutput);
        Assert.Equal(["before3", "due", "escalate"], _reminders.ToArray());
    }

    [Fact]
    public async Task An_answer_before_the_next_reminder_ends_the_wait_without_a_reminder()
    {
        const string key = "procurement.1@20270502T0543";
        Script(key, ("before3", 60));
        var started = await StartWaitAsync(key);
        await Eventually.WaitForAsync(() => Task.FromResult(_calls.Count(c => c == $"plan {key}")), n => n == 1, "the first plan");

        await Client.RaiseEventAsync(started.InstanceId, AwaitAnswer.EndedEvent, key);
        var done = await CompletedAsync(started.InstanceId, seconds: 10);

        Assert.Equal("\"ended\"", done.SerializedOutput);
        Assert.Empty(_reminders);
        Assert.Equal(2, _calls.Count(c => c == $"plan {key}")); // Planned once more, which clears the case page's row.
    }

    [Fact]
    public async Task A_wait_whose_activities_keep_failing_records_its_failure_for_the_case_page()
    {
        _planFails = true;
        var started = await StartWaitAsync("committee-kf.1@20270502T0543");

        var done = await CompletedAsync(started.InstanceId);

        Assert.Equal("\"failed\"", done.SerializedOutput);
        Assert.Equal(QuickRetry.MaxAttempts, _calls.Count(c => c.StartsWith("plan ", StringComparison.Ordinal)));
        var failure = Assert.Single(_workflowFailures);
        Assert.Equal((started.InstanceId, nameof(AwaitAnswer), "committee-kf.1@20270502T0543"), (failure.InstanceId, failure.Orchestration, failure.WaitKey));
        Assert.Contains("The case store is unreachable.", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegation_ends_the_old_wait_and_starts_one_for_the_new_person()
    {
        const string head = "staffing-socialnamnden.1@20270502T0543";
        const string colleague = "staffing-socialnamnden.2@20270502T0543";
        Script(head, ("before3", 60));
        Script(colleague, ("before3", 60));
        await StartLifecycleAsync(new RelayedBatch("Scoping", [Waits(5, head)]));
        await RunningAsync(await WaitOfAsync(head));

        await RelayAsync(new RelayedBatch("Scoping", [Waits(6, colleague)]));

        var old = await CompletedAsync(await WaitOfAsync(head));
        Assert.Equal("\"ended\"", old.SerializedOutput);
        var started = await RunningAsync(await WaitOfAsync(colleague));
        var input = (await Client.GetInstanceAsync(started.InstanceId, getInputsAndOutputs: true))!.SerializedInput!;
        Assert.Equal(colleague, JsonSerializer.Deserialize<WaitInput>(input)!.Key);
    }

    [Fact]
    public async Task A_withdrawn_request_ends_its_wait_and_a_discontinued_case_ends_the_rest_and_the_lifecycle()
    {
        const string procurement = "procurement.1@20270502T0543";
        const string staffing = "staffing-socialnamnden.1@20270502T0543";
        Script(procurement, ("before3", 60));
        Script(staffing, ("before3", 60));
        await StartLifecycleAsync(new RelayedBatch("Scoping", [Waits(5, procurement, staffing)]));
        await RunningAsync(await WaitOfAsync(staffing));

        await RelayAsync(new RelayedBatch("Scoping", [Waits(6, staffing)]));
        Assert.Equal("\"ended\"", (await CompletedAsync(await WaitOfAsync(procurement))).SerializedOutput);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Client.GetInstanceAsync(await WaitOfAsync(staffing)))!.RuntimeStatus);

        await RelayAsync(new RelayedBatch("Discontinued", [Waits(7)]));
        Assert.Equal("\"ended\"", (await CompletedAsync(await WaitOfAsync(staffing))).SerializedOutput);
        Assert.Equal("\"Discontinued\"", (await CompletedAsync(Case)).SerializedOutput);
        Assert.Empty(_reminders);
    }

    [Fact]
    public async Task At_a_stage_change_the_lifecycle_continues_as_new_and_its_open_waits_go_on()
    {
        const string vetting = "vetting@0123456789ab";
        Script(vetting, ("before3", 60));
        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseLifecycle),
            new LifecycleInput(Case, QuickRetry, "Registered", Pending:
            [
                new RelayedBatch("Registered", [new RelayedEffect("outbox-0000000001-000", 1, EffectRoute.Mail)]),
                new RelayedBatch("Vetting", [Waits(9, vetting), new RelayedEffect("outbox-0000000009-001", 1, EffectRoute.Mail)]),
            ]),
            new StartOrchestrationOptions(Case));

        var lifecycle = await Eventually.WaitForAsync(
            () => Client.GetInstanceAsync(Case, getInputsAndOutputs: true),
            i => i?.SerializedInput is { } json && JsonSerializer.Deserialize<LifecycleInput>(json)!.Stage == "Vetting",
            "the next execution");
        var input = JsonSerializer.Deserialize<LifecycleInput>(lifecycle!.SerializedInput!)!;
        Assert.Equal([vetting], input.Waits);
        Assert.Contains("outbox-0000000009-001#1", input.Seen!);
        await RunningAsync(await WaitOfAsync(vetting));

        // The wait runs once the new execution's first episode is committed, so the lifecycle now waits for effects.
        await RelayAsync(new RelayedBatch("Vetting", [new RelayedEffect("outbox-0000000010-000", 1, EffectRoute.Notice)]));
        await Eventually.WaitForAsync(() => Task.FromResult(_calls.ToArray()), c => c.Contains("notice outbox-0000000010-000"), "the notice");
    }

    [Fact]
    public async Task An_effect_retried_then_failing_for_good_is_recorded_on_the_case_and_the_next_one_is_delivered()
    {
        _sendMail = effect => effect.Row == "outbox-0000000002-000" ? throw new HttpRequestException("Graph is unavailable") : DeliveryResult.Delivered;
        await StartLifecycleAsync(
            new RelayedBatch("Registered", [new RelayedEffect("outbox-0000000002-000", 1, EffectRoute.Mail), new RelayedEffect("outbox-0000000002-001", 1, EffectRoute.Mail)]),
            stage: "Registered");

        await Eventually.WaitForAsync(() => Task.FromResult(_calls.ToArray()), c => c.Contains("mail outbox-0000000002-001"), "the next mail");
        Assert.Equal(QuickRetry.MaxAttempts, _calls.Count(c => c == "mail outbox-0000000002-000"));
        var failure = Assert.Single(_deliveryFailures);
        Assert.Equal("outbox-0000000002-000", failure.Row);
        Assert.Contains("Graph is unavailable", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_error_is_recorded_at_once_without_retries()
    {
        _sendMail = _ => new DeliveryResult("ErrorAccessDenied: Access is denied.");
        await StartLifecycleAsync(new RelayedBatch("Registered", [new RelayedEffect("outbox-0000000001-000", 1, EffectRoute.Mail)]));

        await Eventually.WaitForAsync(() => Task.FromResult(_deliveryFailures.ToArray()), f => f.Length == 1, "the failure");

        Assert.Equal(1, _calls.Count(c => c == "mail outbox-0000000001-000"));
        Assert.Equal("ErrorAccessDenied: Access is denied.", _deliveryFailures.Single().Error);
    }
}
