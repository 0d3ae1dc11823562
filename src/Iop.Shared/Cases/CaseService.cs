using Iop.Common;
using Iop.Intake;
using Iop.Policies;

namespace Iop.Cases;

/// <summary>
/// Runs commands against cases: load, decide, commit events + snapshot + outbox in one transaction.
/// Commands for the same case take turns within this process; when a writer in another process got there first, it
/// backs off, reloads and decides again. A case that stays contended ends in <see cref="CaseBusyException"/>.
/// </summary>
public sealed class CaseService(ICaseStore store, IRegistrationNumbers numbers, PolicyCatalog policies, TimeProvider time)
{
    /// <summary>How often a command is decided before giving up on a case other processes keep changing.</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMilliseconds(500);

    private readonly CaseLocks _locks = new();

    /// <summary>How long a command waits for the commands before it on the same case in this process.</summary>
    internal TimeSpan MaxWaitForTurn { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The per-case locks (for tests).</summary>
    internal CaseLocks Locks => _locks;

    /// <summary>The guideline new cases follow.</summary>
    public PolicyProfile Policy => policies.Current;

    /// <summary>Every guideline a case may follow; a case follows the version it was received under.</summary>
    public PolicyCatalog Policies => policies;

    /// <summary>Registers a new initiative under <paramref name="id"/>; submitting the same id again is rejected, never duplicated.</summary>
    public async Task<CommandResult> SubmitAsync(CaseId id, Initiative initiative, CancellationToken cancellationToken)
    {
        // Both at once: asking for a number is idempotent per case, so a case that exists already uses none.
        var reading = store.LoadAsync(id, cancellationToken);
        var allocating = numbers.AllocateAsync(id, time.GetUtcNow(), cancellationToken);
        await Task.WhenAll(reading, allocating).ConfigureAwait(false);
        var existing = await reading.ConfigureAwait(false);
        if (existing is not null)
        {
            return new Rejected(DomainError.Because(CaseRules.AlreadySubmitted, "An initiative has already been submitted for this case."));
        }

        var number = await allocating.ConfigureAwait(false);
        var initiator = new Actor(initiative.Contact.Email, initiative.Contact.Name, ActorRole.Initiator);

        // The first decision uses the read just made (no case yet) instead of reading again.
        return await HandleAsync(id, new SubmitInitiative(id, number, initiative, initiator), expectedVersion: null, new Read(existing), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decides and commits a command. With <paramref name="expectedVersion"/> (a page or client that showed that version),
    /// a case that has changed since is reported as <see cref="StaleVersion"/> instead of being acted on.
    /// </summary>
    public Task<CommandResult> HandleAsync(CaseId id, CaseCommand command, int? expectedVersion, CancellationToken cancellationToken) =>
        HandleAsync(id, command, expectedVersion, first: null, cancellationToken);

    private async Task<CommandResult> HandleAsync(CaseId id, CaseCommand command, int? expectedVersion, Read? first, CancellationToken cancellationToken)
    {
        using var activity = CaseTelemetry.Start(id, command);
        using var turn = await _locks.TryEnterAsync(id, MaxWaitForTurn, cancellationToken).ConfigureAwait(false)
            ?? throw new CaseBusyException(id, $"Case {id}: {command.GetType().Name} waited over {MaxWaitForTurn.TotalSeconds:0} s for the commands before it.");
        return CaseTelemetry.Ended(activity, await DecideAndCommitAsync(id, command, expectedVersion, first, cancellationToken).ConfigureAwait(false));
    }

    private async Task<CommandResult> DecideAndCommitAsync(CaseId id, CaseCommand command, int? expectedVersion, Read? first, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The first attempt may decide on the state this process last saw (or just read); a lost race reloads from storage.
            var stored = attempt == 1
                ? first is { } read ? read.Case : await store.LoadForDecisionAsync(id, cancellationToken).ConfigureAwait(false)
                : await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
            var version = stored?.Version ?? 0;
            if (expectedVersion is { } expected && expected > version && attempt == 1)
            {
                // The page saw a newer version than this process holds: another instance wrote it. Read it.
                stored = await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                version = stored?.Version ?? 0;
            }

            CaseTelemetry.Loaded(stored?.State);
            if (expectedVersion is { } stale && stale != version && !await OnlyBookkeepingSinceAsync(id, stale, cancellationToken).ConfigureAwait(false))
            {
                return new StaleVersion(stale, version);
            }

            var now = time.GetUtcNow();
            var state = stored?.State ?? CaseState.Initial;
            var policy = policies.For(state);
            var decision = CaseDecider.Decide(state, command, new DecisionContext(now, policy));
            if (decision.Error is { } error)
            {
                if (attempt == 1)
                {
                    // A refusal decided on what this process remembered stands only once storage agrees.
                    continue;
                }

                return new Rejected(error);
            }

            var change = Apply(id, stored, decision.Events, now, policy);
            if (await store.TryCommitAsync(change, cancellationToken).ConfigureAwait(false))
            {
                return new Accepted(new StoredCase(id, change.State, change.ToVersion, ConcurrencyToken: string.Empty), decision.Events);
            }

            if (attempt == MaxAttempts)
            {
                throw new CaseBusyException(id, $"Case {id} kept changing under {command.GetType().Name}; gave up after {MaxAttempts} attempts.");
            }

            if (attempt > 1)
            {
                // The first loss is usually this process's remembered state being stale; later ones are a race with
                // another process. Real time on purpose: the case's clock may be fake (tests) or sped up.
                await Task.Delay(Backoff.Before(attempt - 1, FirstRetry, MaxRetry), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether everything that happened since the page's version is the software's own bookkeeping (a calendar event id
    /// recorded, a reminder sent): nothing the person could have decided differently, so the page is not stale.
    /// </summary>
    private async Task<bool> OnlyBookkeepingSinceAsync(CaseId id, int seen, CancellationToken cancellationToken)
    {
        if (seen <= 0)
        {
            return false;
        }

        var history = await store.LoadHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        return history.Count > seen && history.Where(r => r.Version > seen).All(r => r.Event.IsBookkeeping);
    }

    private static CaseChange Apply(CaseId id, StoredCase? stored, ValueList<CaseEvent> events, DateTimeOffset now, PolicyProfile policy)
    {
        CaseState state = stored?.State ?? CaseState.Initial;
        var effects = new List<Effect>();
        foreach (var e in events)
        {
            state = CaseDecider.Evolve(state, e);
            effects.AddRange(CaseReactions.To(e, state));
        }

        effects.AddRange(CaseReactions.ToWaits(stored?.State ?? CaseState.Initial, state));
        var after = (RegisteredCase)state;
        var version = (stored?.Version ?? 0) + events.Count;
        return new CaseChange(id, stored, events, after, CaseSummary.Of(after, version, now, policy), effects.ToValueList());
    }

    /// <summary>A case as a caller has just read it from storage; <see cref="Case"/> null when there is none yet.</summary>
    private sealed record Read(StoredCase? Case);
}
