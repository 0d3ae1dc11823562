using Iop.Cases;
using Iop.Screening;
using Microsoft.Extensions.Time.Testing;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

public sealed class CaseServiceTests
{
    private readonly InMemoryStore _store = new();
    private readonly FakeTimeProvider _time = new(Now);

    private readonly SequentialNumbers _numbers = new();

    private CaseService Service => new(_store, _numbers, new Iop.Policies.PolicyCatalog(Policy), _time);

    [Fact]
    public async Task Submitting_commits_the_event_the_summary_and_the_effects_together()
    {
        var result = await Service.SubmitAsync(Case, Initiative, CancellationToken.None);

        var change = Assert.Single(_store.Commits);
        Assert.IsType<Accepted>(result);
        Assert.IsType<InitiativeSubmitted>(Assert.Single(change.Events));
        Assert.Equal(Stage.Received, change.Summary.Stage);
        Assert.Equal(Now.AddDays(14), change.Summary.DueAt);
        Assert.Equal(2, change.Effects.Count);
    }

    [Fact]
    public async Task A_second_submission_under_the_same_id_is_refused_without_a_new_number()
    {
        await Service.SubmitAsync(Case, Initiative, CancellationToken.None);

        var again = await Service.SubmitAsync(Case, Initiative, CancellationToken.None);

        Assert.Equal(CaseRules.AlreadySubmitted, Assert.IsType<Rejected>(again).Error.Rule);
        Assert.Single(_store.Commits);
        Assert.Equal(1, _numbers.Given);
    }

    [Fact]
    public async Task A_command_made_from_a_stale_version_changes_nothing()
    {
        await Service.SubmitAsync(Case, Initiative, CancellationToken.None);

        var result = await Service.HandleAsync(Case, new Discontinue("Nej.", Alternative.None, Coordinator), expectedVersion: 5, CancellationToken.None);

        Assert.Equal(new StaleVersion(5, 1), result);
        Assert.Single(_store.Commits);
    }

    [Fact]
    public async Task A_lost_race_is_decided_again_on_the_new_state()
    {
        await Service.SubmitAsync(Case, Initiative, CancellationToken.None);
        _store.RejectNextCommits = 2;

        var result = await Service.HandleAsync(Case, new RecordAssessments(AllMet(), Coordinator), expectedVersion: null, CancellationToken.None);

        Assert.Equal(2, Assert.IsType<Accepted>(result).Case.Version);
        Assert.Equal(4, _store.Attempts);
    }

    [Fact]
    public async Task Commands_for_one_case_in_one_process_take_turns_instead_of_racing()
    {
        var service = Service;
        await service.SubmitAsync(Case, Initiative, CancellationToken.None);
        _store.YieldBeforeCommit = true;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => service.HandleAsync(Case, new RecordAssessments(AllMet(), Coordinator), expectedVersion: null, CancellationToken.None))));

        Assert.All(results, r => Assert.IsType<Accepted>(r));
        Assert.Equal(21, _store.Attempts);
        Assert.Equal(0, service.Locks.Count);
    }

    [Fact]
    public async Task A_case_that_other_writers_keep_changing_ends_as_busy_having_written_nothing()
    {
        var service = Service;
        await service.SubmitAsync(Case, Initiative, CancellationToken.None);
        _store.RejectNextCommits = int.MaxValue;

        var busy = await Assert.ThrowsAsync<CaseBusyException>(() => service.HandleAsync(Case, new RecordAssessments(AllMet(), Coordinator), expectedVersion: null, CancellationToken.None));

        Assert.Equal(Case, busy.CaseId);
        Assert.True(busy.RetryAfter > TimeSpan.Zero);
        Assert.Equal(1 + CaseService.MaxAttempts, _store.Attempts);
        Assert.Single(_store.Commits);
        Assert.Equal(0, service.Locks.Count);
    }

    [Fact]
    public async Task A_command_that_cannot_get_its_turn_in_time_ends_as_busy()
    {
        var service = new CaseService(_store, _numbers, new Iop.Policies.PolicyCatalog(Policy), _time) { MaxWaitForTurn = TimeSpan.Zero };
        await service.SubmitAsync(Case, Initiative, CancellationToken.None);
        var held = new TaskCompletionSource();
        _store.CommitGate = held.Task;
        var first = service.HandleAsync(Case, new RecordAssessments(AllMet(), Coordinator), expectedVersion: null, CancellationToken.None);

        await Assert.ThrowsAsync<CaseBusyException>(() => service.HandleAsync(Case, new RecordAssessments(AllMet(), Coordinator), expectedVersion: null, CancellationToken.None));
        held.SetResult();

        Assert.IsType<Accepted>(await first);
        Assert.Equal(2, _store.Commits.Count);
        Assert.Equal(0, service.Locks.Count);
    }

    [Fact]
    public async Task A_rejected_command_commits_nothing()
    {
        await Service.SubmitAsync(Case, Initiative, CancellationToken.None);

        var result = await Service.HandleAsync(Case, new Discontinue(" ", Alternative.None, Coordinator), expectedVersion: 1, CancellationToken.None);

        Assert.Equal(CaseRules.ReasonRequired, Assert.IsType<Rejected>(result).Error.Rule);
        Assert.Single(_store.Commits);
    }

    /// <summary>A store for the service's own logic; the real one is tested on Azurite.</summary>
    private sealed class InMemoryStore : ICaseStore
    {
        private StoredCase? _case;

        public List<CaseChange> Commits { get; } = [];

        public int RejectNextCommits { get; set; }

        public int Attempts { get; private set; }

        /// <summary>Gives other commands the chance to interleave between a load and its commit, as real I/O does.</summary>
        public bool YieldBeforeCommit { get; set; }

        /// <summary>Commits wait for this, so a test can hold a command in the middle of its turn.</summary>
        public Task CommitGate { get; set; } = Task.CompletedTask;

        public Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken) => Task.FromResult(_case);

        public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) => Task.FromResult(_case);

        public async Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken)
        {
            await CommitGate;
            if (YieldBeforeCommit)
            {
                await Task.Yield();
            }

            lock (Commits)
            {
                Attempts++;
                if (RejectNextCommits-- > 0 || change.Expected?.ConcurrencyToken != _case?.ConcurrencyToken)
                {
                    return false;
                }

                Commits.Add(change);
                _case = new StoredCase(change.Id, change.State, change.ToVersion, Guid.NewGuid().ToString());
                return true;
            }
        }

        public Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RecordedEvent>>([.. Commits.SelectMany(c => c.Events).Select((e, i) => new RecordedEvent(i + 1, e))]);

        public Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CaseSummary>>([.. Commits.TakeLast(1).Select(c => c.Summary)]);
    }

    /// <summary>Numbers in order, idempotent per case as the port promises.</summary>
    private sealed class SequentialNumbers : IRegistrationNumbers
    {
        private readonly Dictionary<CaseId, RegistrationNumber> _given = [];

        public int Given => _given.Count;

        public Task<RegistrationNumber> AllocateAsync(CaseId caseId, DateTimeOffset at, CancellationToken cancellationToken)
        {
            lock (_given)
            {
                if (!_given.TryGetValue(caseId, out var number))
                {
                    _given[caseId] = number = RegistrationNumber.Format("KS {year}/{sequence}", at.Year, _given.Count + 1);
                }

                return Task.FromResult(number);
            }
        }
    }
}
