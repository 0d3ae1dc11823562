using Iop.Cases;
using Iop.Waiting;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>
/// Reads the wait from the record: whether the case still waits for it and when its next reminder or escalation falls
/// due (converted to the workflow's clock). Writes what the case page shows of the wait, or removes it once closed.
/// </summary>
internal sealed class PlanWait(ICaseStore store, CaseService cases, WaitRows rows, WorkflowClock clock) : TaskActivity<WaitInput, WaitPlan>
{
    public override async Task<WaitPlan> RunAsync(TaskActivityContext context, WaitInput input)
    {
        var id = CaseId.Parse(input.CaseId);
        var stored = await store.LoadAsync(id, CancellationToken.None).ConfigureAwait(false);
        if (stored is null || Waits.Find(stored.State, input.Key, cases.Policies.For(stored.State).Reminders, clock.Now, cases.Policies.For(stored.State).Partnership) is not { NextStep: { } next } wait)
        {
            await rows.RemoveAsync(id, input.Key, CancellationToken.None).ConfigureAwait(false);
            return WaitPlan.Closed;
        }

        await rows.WriteAsync(id, wait, context.InstanceId, CancellationToken.None).ConfigureAwait(false);
        return new WaitPlan(true, next.Key, clock.ToWorkflowTime(next.At));
    }
}
