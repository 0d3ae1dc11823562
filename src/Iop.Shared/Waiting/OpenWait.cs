using Iop.Common;
using Iop.Officials;
using Iop.Vetting;

namespace Iop.Waiting;

/// <summary>
/// One answer the case waits for from one party: the organisation's documents and values declaration during vetting,
/// or one request to an official. The workflow runs one wait per key, with the reminders of its cadence.
/// </summary>
/// <param name="Key">
/// Changes whenever the wait must start over: another addressee (a new issue of the request) or other items or due
/// dates. Stable otherwise, so a wait survives bookkeeping such as a reminder being recorded.
/// </param>
/// <param name="RequestId">The request to an official, or null for the organisation's vetting.</param>
/// <param name="Kind">What an official is asked for, or null for vetting.</param>
/// <param name="Who">The person asked: the addressee, or the organisation's contact person.</param>
/// <param name="Organisation">The organisation the answer concerns: the affected committee or company, or the applicant.</param>
/// <param name="DueAt">The earliest due date among the items.</param>
/// <param name="Steps">The reminder and escalation steps up to a horizon, in time order.</param>
/// <param name="StepsTaken">The keys of the steps already taken (recorded in the case).</param>
public sealed record OpenWait(
    string Key,
    string? RequestId,
    RequestKind? Kind,
    Person Who,
    string Organisation,
    DateTimeOffset DueAt,
    ValueList<ReminderStep> Steps,
    ValueList<string> StepsTaken)
{
    /// <summary>The first step not yet taken; it may lie in the past when the workflow was down when it fell due.</summary>
    public ReminderStep? NextStep => Steps.FirstOrDefault(s => !StepsTaken.Contains(s.Key));

    /// <summary>Whether the coordinator has been told that the answer is overdue.</summary>
    public bool IsEscalated => Steps.Any(s => s.IsEscalation && StepsTaken.Contains(s.Key));
}
