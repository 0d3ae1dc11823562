using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace Iop.Functions.Workflow.Local;

/// <summary>
/// Keeps the events an orchestration preserves when it continues as new. The worker forwards them as events sent to
/// itself; the local sidecar (InProcessTestHost 0.2.3) runs the next execution in the same work item and discards the
/// messages of the old one, so those events would be lost. Here they become the completion's carry-over events, which
/// the sidecar does add to the next execution. The Functions host in Azure needs no such help.
/// </summary>
internal sealed class ContinueAsNewCarryover : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is P.OrchestratorResponse response)
        {
            Carry(response);
        }

        return continuation(request, context);
    }

    private static void Carry(P.OrchestratorResponse response)
    {
        var completion = response.Actions.FirstOrDefault(a => a.CompleteOrchestration?.OrchestrationStatus == P.OrchestrationStatus.ContinuedAsNew)?.CompleteOrchestration;
        if (completion is null)
        {
            return;
        }

        foreach (var action in response.Actions.Where(a => a.SendEvent?.Instance?.InstanceId == response.InstanceId).ToList())
        {
            completion.CarryoverEvents.Add(new P.HistoryEvent
            {
                EventId = -1,
                EventRaised = new P.EventRaisedEvent { Name = action.SendEvent.Name, Input = action.SendEvent.Data },
            });
            response.Actions.Remove(action);
        }
    }
}
