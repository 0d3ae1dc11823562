using Iop.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Iop.Functions.Triggers;

/// <summary>The orchestrators under the Functions host: one function per class, named after it, that runs the class.</summary>
internal static class OrchestratorFunctions
{
    [Function(nameof(CaseLifecycle))]
    public static Task<string> RunCaseLifecycle([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CaseLifecycle().RunAsync(context, context.GetInput<LifecycleInput>()!);

    [Function(nameof(AwaitAnswer))]
    public static Task<string> RunAwaitAnswer([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new AwaitAnswer().RunAsync(context, context.GetInput<WaitInput>()!);
}
