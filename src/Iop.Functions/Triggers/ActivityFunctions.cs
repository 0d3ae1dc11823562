#nullable enable

using Iop.Functions.Workflow;
using Iop.Functions.Workflow.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Iop.Functions.Triggers;

/// <summary>
/// The activities under the Functions host: one function per class, named after it, that creates the class with its
/// services and runs it. <c>instanceId</c> is the calling orchestration's, from the trigger's binding data.
/// </summary>
internal static class ActivityFunctions
{
    [Function(nameof(SendMail))]
    public static Task<DeliveryResult> RunSendMail([ActivityTrigger] EffectReference input, string instanceId, FunctionContext function) =>
        RunAsync<SendMail, EffectReference, DeliveryResult>(input, instanceId, function.InstanceServices);

    [Function(nameof(SendNotice))]
    public static Task<DeliveryResult> RunSendNotice([ActivityTrigger] EffectReference input, string instanceId, FunctionContext function) =>
        RunAsync<SendNotice, EffectReference, DeliveryResult>(input, instanceId, function.InstanceServices);

    [Function(nameof(SendCalendarInvitation))]
    public static Task<DeliveryResult> RunSendCalendarInvitation([ActivityTrigger] EffectReference input, string instanceId, FunctionContext function) =>
        RunAsync<SendCalendarInvitation, EffectReference, DeliveryResult>(input, instanceId, function.InstanceServices);

    [Function(nameof(RecordCalendarEventId))]
    public static Task<bool> RunRecordCalendarEventId([ActivityTrigger] CalendarEventCreated input, string instanceId, FunctionContext function) =>
        RunAsync<RecordCalendarEventId, CalendarEventCreated, bool>(input, instanceId, function.InstanceServices);

    [Function(nameof(RecordDeliveryFailure))]
    public static Task<bool> RunRecordDeliveryFailure([ActivityTrigger] DeliveryFailure input, string instanceId, FunctionContext function) =>
        RunAsync<RecordDeliveryFailure, DeliveryFailure, bool>(input, instanceId, function.InstanceServices);

    [Function(nameof(PlanWait))]
    public static Task<WaitPlan> RunPlanWait([ActivityTrigger] WaitInput input, string instanceId, FunctionContext function) =>
        RunAsync<PlanWait, WaitInput, WaitPlan>(input, instanceId, function.InstanceServices);

    [Function(nameof(RecordReminder))]
    public static Task<bool> RunRecordReminder([ActivityTrigger] ReminderDue input, string instanceId, FunctionContext function) =>
        RunAsync<RecordReminder, ReminderDue, bool>(input, instanceId, function.InstanceServices);

    [Function(nameof(RecordWorkflowFailure))]
    public static Task<bool> RunRecordWorkflowFailure([ActivityTrigger] WorkflowFailure input, string instanceId, FunctionContext function) =>
        RunAsync<RecordWorkflowFailure, WorkflowFailure, bool>(input, instanceId, function.InstanceServices);

    /// <summary>The activity class, created with the invocation's services, run as a Durable Task worker would run it.</summary>
    internal static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, IServiceProvider services)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
