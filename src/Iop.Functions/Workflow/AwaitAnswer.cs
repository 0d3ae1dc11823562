using Iop.Functions.Workflow.Activities;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow;

/// <summary>
/// Waits for one answer from one person (the organisation's documents and declaration, or one official's answer):
/// reminders and the escalation fall due on durable timers from the guideline's cadence; each is committed to the case
/// (which sends its mail) before the wait goes on. It ends when the record no longer waits for it, or when the
/// lifecycle says so (answered, withdrawn, delegated, reassigned, the case ended).
/// </summary>
internal sealed class AwaitAnswer(string version) : TaskOrchestrator<WaitInput, string>
{
    /// <summary>Runs as <see cref="WorkflowVersion.Current"/>, the version this code was written as.</summary>
    public AwaitAnswer()
        : this(WorkflowVersion.Current)
    {
    }

    /// <summary>The event the lifecycle sends when the wait has ended.</summary>
    public const string EndedEvent = "ended";

    /// <summary>Continue as new after this many steps, so a long overdue wait keeps a short history.</summary>
    private const int StepsPerExecution = 20;

    private static readonly DeliveryPolicy DefaultRetry = new(10, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, WaitInput input)
    {
        var retry = CaseLifecycle.RetryFor(input.Retry ?? DefaultRetry);
        try
        {
            return await WaitAsync(context, input, retry);
        }
        catch (TaskFailedException e)
        {
            // Retries are spent: the reminders of this wait have stopped. The case page says so; the next stage change
            // (or a restart of the lifecycle) starts the wait afresh from the record.
            var error = $"{e.FailureDetails.ErrorType}: {e.FailureDetails.ErrorMessage}";
            await context.CallActivityAsync<bool>(nameof(RecordWorkflowFailure), new WorkflowFailure(context.InstanceId, nameof(AwaitAnswer), input.Key, error), retry);
            return "failed";
        }
    }

    private async Task<string> WaitAsync(TaskOrchestrationContext context, WaitInput input, TaskOptions retry)
    {
        var ended = context.WaitForExternalEvent<string>(EndedEvent);
        for (var step = 0; step < StepsPerExecution; step++)
        {
            var plan = await context.CallActivityAsync<WaitPlan>(nameof(PlanWait), input, retry);
            if (!plan.IsOpen)
            {
                return "closed";
            }

            using var cancel = new CancellationTokenSource();
            var timer = context.CreateTimer(plan.FireAt!.Value, cancel.Token);
            if (await Task.WhenAny(timer, ended) == ended)
            {
                // Synchronously: CancelAsync would resume this orchestrator off its own scheduler, and what follows would be lost.
#pragma warning disable CA1849
                cancel.Cancel();
#pragma warning restore CA1849
                break;
            }

            if (!await context.CallActivityAsync<bool>(nameof(RecordReminder), new ReminderDue(input.CaseId, input.Key, plan.StepKey!), retry))
            {
                // Nothing was due yet by the record's clock, or another wait took the step: look again shortly.
                await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(1), CancellationToken.None);
            }
        }

        if (!ended.IsCompleted)
        {
            context.ContinueAsNew(new ContinueAsNewOptions { NewInput = input, NewVersion = version, PreserveUnprocessedEvents = true });
            return "continued";
        }

        // The record has moved on; planning once more clears what the case page shows of this wait.
        await context.CallActivityAsync<WaitPlan>(nameof(PlanWait), input, retry);
        return "ended";
    }
}
