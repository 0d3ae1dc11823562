using Iop.Functions.Workflow.Activities;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow;

/// <summary>
/// One per case (instance id = case id), from registration until the case ends. The record decides, the lifecycle
/// carries out: it delivers every committed effect the relay hands it, in commit order, with retries, and runs one
/// <see cref="AwaitAnswer"/> per open wait (a request to a person), starting and ending them as the record changes.
/// It continues as new every <see cref="BatchesPerExecution"/> batches, so its history stays short and newer code takes
/// over there. (At every stage change would be shorter still; the local durable backend loses the new execution there, see
/// the README's design notes.)
/// </summary>
internal sealed class CaseLifecycle(string version) : TaskOrchestrator<LifecycleInput, string>
{
    /// <summary>Runs as <see cref="WorkflowVersion.Current"/>, the version this code was written as.</summary>
    public CaseLifecycle()
        : this(WorkflowVersion.Current)
    {
    }

    /// <summary>The external event the relay raises with a <see cref="RelayedBatch"/>.</summary>
    public const string EffectsEvent = "effects";

    private const int RememberedEffects = 200;

    /// <summary>Continue as new after this many batches, so a long-lived case keeps a short history.</summary>
    private const int BatchesPerExecution = 50;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, LifecycleInput input)
    {
        var seen = new List<string>(input.Seen ?? []);
        var pending = new Queue<RelayedBatch>(input.Pending ?? []);
        var waits = new RunningWaits(context, input.CaseId, input.Delivery, version);
        IReadOnlyList<string> open = input.Waits ?? [];
        if (pending.Count == 0)
        {
            // With batches to handle first, the waits start after them (or in the next execution, should they continue it).
            waits.Reconcile(open);
        }

        for (var handled = 1; ; handled++)
        {
            var batch = pending.Count > 0 ? pending.Dequeue() : await context.WaitForExternalEvent<RelayedBatch>(EffectsEvent);
            foreach (var effect in batch.Effects.Where(e => !seen.Contains(e.Key)))
            {
                if (effect.Route == EffectRoute.Waits)
                {
                    open = effect.Waits ?? [];
                }
                else
                {
                    await DeliverAsync(context, input, effect);
                }

                seen.Add(effect.Key);
            }

            if (IsFinal(batch.Stage))
            {
                await waits.EndAllAsync();
                return batch.Stage;
            }

            if (batch.Stage != input.Stage || handled >= BatchesPerExecution || context.Version != version)
            {
                // An execution only ends once its sub-orchestrations have (Durable Task keeps it open for them), so the
                // waits end here and the next execution starts the ones still open afresh: they plan from the record.
                await waits.EndAllAsync();
                context.ContinueAsNew(new ContinueAsNewOptions
                {
                    NewInput = input with { Stage = batch.Stage, Pending = [.. pending], Seen = seen.TakeLast(RememberedEffects).ToList(), Waits = open },
                    NewVersion = version,
                    PreserveUnprocessedEvents = true,
                });
                return "continued";
            }

            waits.Reconcile(open);
        }
    }

    /// <summary>The instance id of a case's wait: short and stable for the key.</summary>
    /// <remarks>
    /// Unique per start (<paramref name="start"/> is the lifecycle's replay-safe <c>NewGuid</c>): a wait started again for
    /// the same key (after a continue-as-new, or when a key comes back) never shares an id with an ended one, whose
    /// cancelled timers may still fire into it.
    /// </remarks>
    public static string WaitInstanceId(string caseId, string key, Guid start) => $"{caseId}:{WaitRows.Hash(key)}:{start.ToString("N")[..8]}";

    /// <summary>
    /// Whether the case has ended, and its lifecycle with it. A running partnership has not: its term's reminders and its
    /// end run on this lifecycle's waits for as long as the agreement runs.
    /// </summary>
    private static bool IsFinal(string stage) => stage is nameof(Cases.Stage.Discontinued) or nameof(Cases.Stage.Ended);

    private static async Task DeliverAsync(TaskOrchestrationContext context, LifecycleInput input, RelayedEffect effect)
    {
        var reference = new EffectReference(input.CaseId, effect.Row);
        var activity = effect.Route switch
        {
            EffectRoute.Mail => nameof(SendMail),
            EffectRoute.Notice => nameof(SendNotice),
            _ => nameof(SendCalendarInvitation),
        };

        string error;
        try
        {
            var result = await context.CallActivityAsync<DeliveryResult>(activity, reference, Retry(input));
            if (result.PermanentError is null)
            {
                if (result is { MeetingId: { } meeting, CalendarEventId: { } eventId })
                {
                    await context.CallActivityAsync<bool>(nameof(RecordCalendarEventId), new CalendarEventCreated(input.CaseId, meeting, eventId), Retry(input));
                }

                return;
            }

            error = result.PermanentError;
        }
        catch (TaskFailedException e)
        {
            error = $"{ShortName(e.FailureDetails.ErrorType)}: {e.FailureDetails.ErrorMessage}";
        }

        await context.CallActivityAsync<bool>(nameof(RecordDeliveryFailure), new DeliveryFailure(input.CaseId, effect.Row, error), Retry(input));
    }

    private static TaskOptions Retry(LifecycleInput input) => RetryFor(input.Delivery);

    /// <summary>Exponential backoff; an activity that reports a permanent error returns it instead of throwing.</summary>
    public static TaskOptions RetryFor(DeliveryPolicy policy) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(policy.MaxAttempts, policy.FirstRetry, backoffCoefficient: 2, maxRetryInterval: policy.MaxRetry));

    private static string ShortName(string errorType) => errorType[(errorType.LastIndexOf('.') + 1)..];

    /// <summary>The waits this execution started, by key; only the relayed changes (in commit order) start and end them.</summary>
    private sealed class RunningWaits(TaskOrchestrationContext context, string caseId, DeliveryPolicy retry, string version)
    {
        private readonly Dictionary<string, string> _running = new(StringComparer.Ordinal);
        private readonly List<Task<string>> _started = [];

        public void Reconcile(IReadOnlyList<string> open)
        {
            foreach (var ended in _running.Keys.Except(open, StringComparer.Ordinal).ToList())
            {
                End(ended);
            }

            foreach (var key in open.Where(k => !_running.ContainsKey(k)))
            {
                // Started, not awaited here: a wait lives on its own for weeks and reports to the record, not to the lifecycle.
                var instanceId = WaitInstanceId(caseId, key, context.NewGuid());
                var wait = context.CallSubOrchestratorAsync<string>(
                    nameof(AwaitAnswer),
                    new WaitInput(caseId, key, retry),
                    new SubOrchestrationOptions { InstanceId = instanceId, Version = version });
                _running.Add(key, instanceId);
                _started.Add(wait);
            }
        }

        /// <summary>Ends every running wait and waits until all this execution started have finished.</summary>
        public async Task EndAllAsync()
        {
            foreach (var key in _running.Keys.ToList())
            {
                End(key);
            }

            foreach (var wait in _started)
            {
                try
                {
                    await wait;
                }
                catch (TaskFailedException)
                {
                    // A failed wait has ended too; its failure is in its own history.
                }
            }
        }

        private void End(string key)
        {
            context.SendEvent(_running[key], AwaitAnswer.EndedEvent, key);
            _running.Remove(key);
        }
    }
}
