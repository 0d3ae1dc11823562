using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Outbox;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Screening;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iop.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class CaseStoreTests(AzuriteFixture azurite)
{
    private readonly TestCases _cases = new(azurite);

    [Fact]
    public async Task A_submitted_case_round_trips_with_its_history_summary_and_outbox()
    {
        var id = await _cases.SubmitAsync();

        var stored = await _cases.Store.LoadAsync(id, CancellationToken.None);
        var history = await _cases.Store.LoadHistoryAsync(id, CancellationToken.None);
        var summary = Assert.Single(await _cases.Store.ListAsync(Stage.Received, CancellationToken.None), s => s.Id == id);
        var rows = await _cases.RowsAsync(id);

        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        var received = Assert.IsType<Received>(stored.State);
        Assert.Equal(TestCases.Initiative(), received.File.Initiative);
        Assert.Equal(CaseDecider.Replay(history.Select(h => h.Event)), stored.State);
        Assert.IsType<InitiativeSubmitted>(Assert.Single(history).Event);
        Assert.Equal("Föreningen Navet", summary.OrganisationName);
        Assert.Equal(received.File.ReceivedAt.AddDays(14), summary.DueAt);
        Assert.Equal(2, rows.Count(r => r.StartsWith("outbox-", StringComparison.Ordinal)));
        var e = await _cases.CasesTable.GetEntityAsync<TableEntity>(id.ToString(), "event-0000000001");
        Assert.Equal("initiative-submitted", e.Value.GetString("Type"));
        Assert.Equal(received.File.ReceivedAt, e.Value.GetDateTimeOffset("At"));
        Assert.Equal(("karin.ek@navet.example", "Karin Ek"), (e.Value.GetString("ById"), e.Value.GetString("ByName")));
        var outbox = await _cases.CasesTable.GetEntityAsync<TableEntity>(id.ToString(), "outbox-0000000001-00");
        Assert.Equal(("mail-to-initiator", $"{id}/1/0", "Pending"), (outbox.Value.GetString("Type"), outbox.Value.GetString("IdempotencyKey"), outbox.Value.GetString("Status")));
    }

    [Fact]
    public async Task Twenty_concurrent_writers_on_one_case_lose_no_event()
    {
        var id = await _cases.SubmitAsync();
        var criteria = TestCases.Policy.Checklist;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            _cases.Service.HandleAsync(
                id,
                new RecordAssessments(ValueList.Of(new CriterionAssessment(criteria[i % criteria.Count].Id, Assessment.Unclear, $"Skribent {i}")), TestCases.Coordinator),
                expectedVersion: null,
                CancellationToken.None))));

        var history = await _cases.Store.LoadHistoryAsync(id, CancellationToken.None);
        Assert.All(results, r => Assert.IsType<Accepted>(r));
        Assert.Equal(21, (await _cases.Store.LoadAsync(id, CancellationToken.None))!.Version);
        Assert.Equal(Enumerable.Range(1, 21), history.Select(h => h.Version));
        var notes = history.Select(h => h.Event).OfType<CriteriaAssessed>().Select(e => e.Assessments[0].Note!).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Skribent {i}").ToHashSet(), notes);
    }

    [Fact]
    public async Task A_commit_against_a_stale_version_writes_nothing()
    {
        var id = await _cases.SubmitAsync();
        var loaded = (await _cases.Store.LoadAsync(id, CancellationToken.None))!;
        var first = Change(loaded, Assess("no-market", "första"));
        var second = Change(loaded, new Discontinue("Dubblett av ett annat initiativ.", Alternative.None, TestCases.Coordinator));
        Assert.NotEmpty(second.Effects);
        Assert.True(await _cases.Store.TryCommitAsync(first, CancellationToken.None));
        var before = await _cases.RowsAsync(id);

        var committed = await _cases.Store.TryCommitAsync(second, CancellationToken.None);

        Assert.False(committed);
        Assert.Equal(before, await _cases.RowsAsync(id));
    }

    [Fact]
    public async Task Two_creators_of_one_case_leave_exactly_one()
    {
        var id = CaseId.New();
        var number = new RegistrationNumber("KS 2026/900", 2026, 900);
        var decision = CaseDecider.Decide(CaseState.Initial, new SubmitInitiative(id, number, TestCases.Initiative(), TestCases.Coordinator), new DecisionContext(_cases.Time.GetUtcNow(), TestCases.Policy));
        var state = (RegisteredCase)CaseDecider.Replay(decision.Events);
        var change = new CaseChange(id, null, decision.Events, state, CaseSummary.Of(state, 1, _cases.Time.GetUtcNow(), TestCases.Policy), ValueList<Effect>.Empty);

        var outcomes = await Task.WhenAll(_cases.Store.TryCommitAsync(change, CancellationToken.None), _cases.Store.TryCommitAsync(change, CancellationToken.None));

        Assert.Single(outcomes, committed => committed);
        Assert.Equal(2, (await _cases.RowsAsync(id)).Count);
    }

    [Fact]
    public async Task A_transaction_that_fails_part_way_writes_nothing()
    {
        var id = await _cases.SubmitAsync();
        var loaded = (await _cases.Store.LoadAsync(id, CancellationToken.None))!;
        var before = await _cases.RowsAsync(id);
        // Event 2 already exists: the batch's Add of it fails after the snapshot update in the same batch.
        await _cases.CasesTable.AddEntityAsync(new TableEntity(id.ToString(), "event-0000000002"));
        before = await _cases.RowsAsync(id);

        var committed = await _cases.Store.TryCommitAsync(Change(loaded, new Discontinue("Krockar.", Alternative.None, TestCases.Coordinator)), CancellationToken.None);

        Assert.False(committed);
        Assert.Equal(before, await _cases.RowsAsync(id));
        Assert.Equal(1, (await _cases.Store.LoadAsync(id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Long_descriptions_round_trip_whole()
    {
        var challenge = string.Concat(Enumerable.Repeat("Åäö utmaning. ", 600))[..8000];
        var idea = new string('x', 8000);

        var id = await _cases.SubmitAsync(TestCases.Initiative(challenge: challenge, idea: idea));

        var initiative = (await _cases.Store.LoadAsync(id, CancellationToken.None))!.State.File.Initiative;
        var history = await _cases.Store.LoadHistoryAsync(id, CancellationToken.None);
        Assert.Equal(challenge, initiative.Challenge);
        Assert.Equal(idea, ((InitiativeSubmitted)history[0].Event).Initiative.Idea);
    }

    [Fact]
    public async Task A_change_too_big_for_one_transaction_is_refused_whole()
    {
        var id = await _cases.SubmitAsync();
        var loaded = (await _cases.Store.LoadAsync(id, CancellationToken.None))!;
        var events = Enumerable.Range(0, 100).Select(i => (CaseEvent)new CriteriaAssessed(ValueList<CriterionAssessment>.Empty, TestCases.Coordinator, _cases.Time.GetUtcNow())).ToValueList();
        var state = (RegisteredCase)events.Aggregate((CaseState)loaded.State, CaseDecider.Evolve);
        var change = new CaseChange(id, loaded, events, state, CaseSummary.Of(state, 101, _cases.Time.GetUtcNow(), TestCases.Policy), ValueList<Effect>.Empty);
        var before = await _cases.RowsAsync(id);

        await Assert.ThrowsAsync<CaseTooLargeException>(() => _cases.Store.TryCommitAsync(change, CancellationToken.None));

        Assert.Equal(before, await _cases.RowsAsync(id));
    }

    [Fact]
    public async Task A_process_holding_a_stale_case_decides_again_on_what_another_process_wrote()
    {
        var id = await _cases.SubmitAsync();
        var other = new CaseService(new TableCaseStore(_cases.Tables, _cases.Options, _cases.Signal, TestCases.Policies, NullLogger<TableCaseStore>.Instance), _cases.Numbers, TestCases.Policies, _cases.Time);
        await _cases.Service.HandleAsync(id, Assess("no-market", "från den här processen"), null, CancellationToken.None);
        await other.HandleAsync(id, Assess("long-term", "från en annan instans"), null, CancellationToken.None);

        var result = await _cases.Service.HandleAsync(id, Assess("joint-learning", "igen härifrån"), null, CancellationToken.None);

        Assert.Equal(4, Assert.IsType<Accepted>(result).Case.Version);
        var draft = Assert.IsType<InScreening>((await _cases.Store.LoadAsync(id, CancellationToken.None))!.State).Draft;
        Assert.Equal(["no-market", "long-term", "joint-learning"], draft.Select(a => a.CriterionId));
    }

    [Fact]
    public async Task A_page_showing_what_another_process_wrote_is_not_taken_for_stale()
    {
        var id = await _cases.SubmitAsync();
        await _cases.Service.HandleAsync(id, Assess("no-market", "först"), null, CancellationToken.None);
        var other = new CaseService(new TableCaseStore(_cases.Tables, _cases.Options, _cases.Signal, TestCases.Policies, NullLogger<TableCaseStore>.Instance), _cases.Numbers, TestCases.Policies, _cases.Time);
        await other.HandleAsync(id, Assess("long-term", "sedan"), null, CancellationToken.None);

        var result = await _cases.Service.HandleAsync(id, Assess("joint-learning", "från sidan med version 3"), expectedVersion: 3, CancellationToken.None);

        Assert.Equal(4, Assert.IsType<Accepted>(result).Case.Version);
    }

    [Fact]
    public async Task A_change_over_the_four_megabyte_transaction_limit_is_refused_whole()
    {
        var id = await _cases.SubmitAsync();
        var loaded = (await _cases.Store.LoadAsync(id, CancellationToken.None))!;
        // Forty events of 120,000 characters: each row fits, the transaction (about 5 MB) does not. Azurite would take it.
        var note = new string('x', 120_000);
        var events = Enumerable.Range(0, 40)
            .Select(_ => (CaseEvent)new CriteriaAssessed(ValueList.Of(new CriterionAssessment("no-market", Assessment.Unclear, note)), TestCases.Coordinator, _cases.Time.GetUtcNow()))
            .ToValueList();
        var state = (RegisteredCase)events.Aggregate((CaseState)loaded.State, CaseDecider.Evolve);
        var change = new CaseChange(id, loaded, events, state, CaseSummary.Of(state, 41, _cases.Time.GetUtcNow(), TestCases.Policy), ValueList<Effect>.Empty);
        var before = await _cases.RowsAsync(id);

        var refused = await Assert.ThrowsAsync<CaseTooLargeException>(() => _cases.Store.TryCommitAsync(change, CancellationToken.None));

        Assert.Contains("refused whole", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _cases.RowsAsync(id));
    }

    [Fact]
    public async Task A_commit_whose_answer_was_lost_and_retried_by_the_sdk_is_applied_once()
    {
        var id = await _cases.SubmitAsync();
        var lossy = new LoseFirstTransactionAnswer();
        var options = new TableClientOptions { Retry = { Delay = TimeSpan.FromMilliseconds(10) } };
        options.AddPolicy(lossy, HttpPipelinePosition.PerRetry);
        var store = new TableCaseStore(new TableServiceClient(azurite.ConnectionString, options), _cases.Options, _cases.Signal, TestCases.Policies, NullLogger<TableCaseStore>.Instance);
        var service = new CaseService(store, _cases.Numbers, TestCases.Policies, _cases.Time);

        var result = await service.HandleAsync(id, Assess("no-market", "en gång"), null, CancellationToken.None);

        Assert.True(lossy.Lost);
        Assert.Equal(2, Assert.IsType<Accepted>(result).Case.Version);
        var history = await _cases.Store.LoadHistoryAsync(id, CancellationToken.None);
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal(2, (await _cases.Store.LoadAsync(id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_snapshot_that_no_longer_reads_is_rebuilt_from_the_events()
    {
        var id = await _cases.SubmitAsync();
        await _cases.Service.HandleAsync(id, Assess("no-market", "före schemabytet"), null, CancellationToken.None);
        var expected = (await _cases.Store.LoadAsync(id, CancellationToken.None))!;
        var snapshot = (await _cases.CasesTable.GetEntityAsync<TableEntity>(id.ToString(), "snapshot")).Value;
        snapshot["State0"] = "{\"state\":\"a-stage-that-was-renamed\"}";
        await _cases.CasesTable.UpdateEntityAsync(snapshot, snapshot.ETag, TableUpdateMode.Replace);

        var rebuilt = await new TableCaseStore(_cases.Tables, _cases.Options, _cases.Signal, TestCases.Policies, NullLogger<TableCaseStore>.Instance).LoadAsync(id, CancellationToken.None);

        Assert.Equal(expected.State, rebuilt!.State);
        Assert.Equal(2, rebuilt.Version);
    }

    [Fact]
    public async Task The_case_pages_single_read_has_the_history_and_only_the_deliveries_that_failed_and_rebuilds_an_unreadable_snapshot()
    {
        var id = await _cases.SubmitAsync();
        await _cases.Service.HandleAsync(id, Assess("no-market", "före schemabytet"), null, CancellationToken.None);
        var expected = (await _cases.Store.LoadAsync(id, CancellationToken.None))!;
        var sent = (await _cases.CasesTable.GetEntityAsync<TableEntity>(id.ToString(), OutboxRows.Key(1, 0))).Value;
        var failed = (await _cases.CasesTable.GetEntityAsync<TableEntity>(id.ToString(), OutboxRows.Key(1, 1))).Value;
        failed["Status"] = nameof(OutboxStatus.Failed);
        failed["LastError"] = "403 Forbidden";
        await _cases.CasesTable.UpdateEntityAsync(failed, failed.ETag, TableUpdateMode.Merge);
        var snapshot = (await _cases.CasesTable.GetEntityAsync<TableEntity>(id.ToString(), "snapshot")).Value;
        snapshot["State0"] = "{\"state\":\"a-stage-that-was-renamed\"}";
        await _cases.CasesTable.UpdateEntityAsync(snapshot, snapshot.ETag, TableUpdateMode.Replace);

        var overview = (await new CaseOverviews(_cases.Tables, _cases.Options).ReadAsync(id, CancellationToken.None))!;

        Assert.Equal(expected.State, overview.Case.State);
        Assert.Equal(2, overview.Case.Version);
        Assert.Equal([1, 2], overview.History.Select(h => h.Version));
        Assert.Equal(failed.RowKey, Assert.Single(overview.FailedDeliveries).RowKey);
        Assert.NotEqual(sent.RowKey, failed.RowKey);
        Assert.Null(await new CaseOverviews(_cases.Tables, _cases.Options).ReadAsync(CaseId.New(), CancellationToken.None));
    }

    private static RecordAssessments Assess(string criterion, string note) =>
        new(ValueList.Of(new CriterionAssessment(criterion, Assessment.Unclear, note)), TestCases.Coordinator);

    private CaseChange Change(StoredCase loaded, CaseCommand command)
    {
        var decision = CaseDecider.Decide(loaded.State, command, new DecisionContext(_cases.Time.GetUtcNow(), TestCases.Policy));
        CaseState state = loaded.State;
        var effects = new List<Effect>();
        foreach (var e in decision.Events)
        {
            state = CaseDecider.Evolve(state, e);
            effects.AddRange(CaseReactions.To(e, state));
        }

        var after = (RegisteredCase)state;
        return new CaseChange(loaded.Id, loaded, decision.Events, after, CaseSummary.Of(after, loaded.Version + decision.Events.Count, _cases.Time.GetUtcNow(), TestCases.Policy), effects.ToValueList());
    }

    /// <summary>The network as it sometimes is: the first transaction reaches the table, its answer never reaches us.</summary>
    private sealed class LoseFirstTransactionAnswer : HttpPipelinePolicy
    {
        private int _lost;

        public bool Lost => _lost == 1;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Exchange(ref _lost, 1) == 0)
            {
                throw new IOException("The connection was reset before the answer arrived.");
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store calls the table asynchronously.");
    }
}
