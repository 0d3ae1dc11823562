using Azure.Core;
using Azure.Core.Pipeline;

namespace Iop.Bench;

/// <summary>Counts the storage requests a client sends: the work a pass does, whatever the emulator's speed.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
