using Iop.Common;

namespace Iop.Cases;

/// <summary>Where cases live: their events, a snapshot of the state and the outbox of effects, written together or not at all.</summary>
public interface ICaseStore
{
    /// <summary>The case's current state, read from storage, or null when there is none.</summary>
    Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken);

    /// <summary>
    /// The case as this process last wrote or read it, if it still holds it; otherwise as <see cref="LoadAsync"/>.
    /// Possibly stale, so only for deciding: a stale concurrency token makes the commit fail, and the command is then
    /// decided again on a fresh load.
    /// </summary>
    Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the change atomically if the case is still as <see cref="CaseChange.Expected"/> found it.
    /// Returns false, having written nothing, when someone else changed the case in between.
    /// </summary>
    Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken);

    /// <summary>The case's full history, oldest first.</summary>
    Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken);

    /// <summary>Summaries of all cases, optionally only those at one stage.</summary>
    Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken);
}

/// <summary>A case as loaded: its state, its version (the number of events) and the store's concurrency token.</summary>
public sealed record StoredCase(CaseId Id, RegisteredCase State, int Version, string ConcurrencyToken);

/// <summary>What one accepted command writes: new events, the new state, its summary and the effects to deliver.</summary>
/// <param name="Id">The case.</param>
/// <param name="Expected">The case as it was loaded, or null for a new case.</param>
/// <param name="Events">The new events; their versions follow the expected version.</param>
/// <param name="State">The state after the events.</param>
/// <param name="Summary">The case list's view of the new state.</param>
/// <param name="Effects">The effects of the events, in order.</param>
public sealed record CaseChange(CaseId Id, StoredCase? Expected, ValueList<CaseEvent> Events, RegisteredCase State, CaseSummary Summary, ValueList<Effect> Effects)
{
    /// <summary>The version before the change.</summary>
    public int FromVersion => Expected?.Version ?? 0;

    /// <summary>The version after the change.</summary>
    public int ToVersion => FromVersion + Events.Count;
}

/// <summary>An event with its position in the case's history (1-based).</summary>
public sealed record RecordedEvent(int Version, CaseEvent Event);
