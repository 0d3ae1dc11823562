using Microsoft.DurableTask;

namespace Iop.Functions.Tests.Workflow;

/// <summary>An activity's context for calling an activity class directly, as a worker would.</summary>
internal sealed class TestActivityContext(string name, string instanceId = "test") : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
