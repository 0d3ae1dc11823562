using Iop.Cases;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>Records on the case that one of its orchestrations failed, so the case page shows it.</summary>
internal sealed class RecordWorkflowFailure(WorkflowFailures failures) : TaskActivity<WorkflowFailure, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WorkflowFailure input)
    {
        var caseId = input.InstanceId.Split(':')[0];
        await failures.RecordAsync(CaseId.Parse(caseId), input, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
