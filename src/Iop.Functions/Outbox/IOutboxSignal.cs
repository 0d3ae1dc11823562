using Iop.Cases;

namespace Iop.Functions.Outbox;

/// <summary>Tells the relay that a case has new outbox rows. Best effort: the sweep finds anything a lost signal missed.</summary>
internal interface IOutboxSignal
{
    Task SignalAsync(CaseId id, CancellationToken cancellationToken);
}
