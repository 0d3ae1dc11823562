using Iop.Cases;
using Iop.Common;
using Iop.Vetting;
using Microsoft.DurableTask;

namespace Iop.Functions.Workflow.Activities;

/// <summary>
/// A wait's timer fired: the case takes the reminder and escalation steps that are due, and commits them with their
/// mail in one transaction (the relay then hands the mail to the lifecycle). Taken steps are part of the record, so a
/// retried activity finds nothing due and nothing is sent twice. False when nothing was due.
/// </summary>
internal sealed class RecordReminder(CaseService cases) : TaskActivity<ReminderDue, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ReminderDue input)
    {
        var result = await cases.HandleAsync(CaseId.Parse(input.CaseId), new CheckDeadlines(Actor.System), expectedVersion: null, CancellationToken.None).ConfigureAwait(false);
        return result is Accepted;
    }
}
