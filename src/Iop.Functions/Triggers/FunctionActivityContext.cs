using Microsoft.DurableTask;

namespace Iop.Functions.Triggers;

/// <summary>
/// The <see cref="TaskActivityContext"/> an activity class gets under the Functions host, which hands an activity
/// function its input and the orchestration's instance id, not a context (Durable Task's source generator writes the same).
/// </summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
