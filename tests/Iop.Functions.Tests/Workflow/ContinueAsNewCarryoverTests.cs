using Iop.Functions.Workflow.Local;
using P = Microsoft.DurableTask.Protobuf;

namespace Iop.Functions.Tests.Workflow;

/// <summary>The local sidecar keeps the events a continuing orchestration preserves, and nothing else is touched.</summary>
public sealed class ContinueAsNewCarryoverTests
{
    private static async Task<P.OrchestratorResponse> PassAsync(P.OrchestratorResponse response)
    {
        P.OrchestratorResponse? seen = null;
        await new ContinueAsNewCarryover().UnaryServerHandler<P.OrchestratorResponse, P.CompleteTaskResponse>(
            response, null!, (request, _) =>
            {
                seen = request;
                return Task.FromResult(new P.CompleteTaskResponse());
            });
        return seen!;
    }

    private static P.OrchestratorAction SendEvent(string instanceId, string name, string data) =>
        new() { SendEvent = new P.SendEventAction { Instance = new P.OrchestrationInstance { InstanceId = instanceId }, Name = name, Data = data } };

    [Fact]
    public async Task Events_sent_to_itself_while_continuing_as_new_become_carry_over_events()
    {
        var response = new P.OrchestratorResponse { InstanceId = "case-1" };
        response.Actions.Add(SendEvent("case-1", "effects", "{\"Stage\":\"Scoping\"}"));
        response.Actions.Add(SendEvent("case-1:wait", "ended", "\"k\""));
        response.Actions.Add(new P.OrchestratorAction { CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = P.OrchestrationStatus.ContinuedAsNew } });

        var passed = await PassAsync(response);

        var carried = Assert.Single(passed.Actions.Single(a => a.CompleteOrchestration is not null).CompleteOrchestration.CarryoverEvents);
        Assert.Equal(("effects", "{\"Stage\":\"Scoping\"}"), (carried.EventRaised.Name, carried.EventRaised.Input));
        Assert.Equal("case-1:wait", Assert.Single(passed.Actions, a => a.SendEvent is not null).SendEvent.Instance.InstanceId);
    }

    [Fact]
    public async Task An_orchestration_that_does_not_continue_as_new_keeps_its_actions()
    {
        var response = new P.OrchestratorResponse { InstanceId = "case-1" };
        response.Actions.Add(SendEvent("case-1", "effects", "{}"));
        response.Actions.Add(new P.OrchestratorAction { CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = P.OrchestrationStatus.Completed } });

        var passed = await PassAsync(response);

        Assert.Equal(2, passed.Actions.Count);
        Assert.Empty(passed.Actions[1].CompleteOrchestration.CarryoverEvents);
    }
}
