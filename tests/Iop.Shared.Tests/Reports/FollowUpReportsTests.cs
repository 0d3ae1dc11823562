using Iop.Cases;
using Iop.Common;
using Iop.Partnerships;
using Iop.Reports;
using Iop.Screening;
using Microsoft.Extensions.Time.Testing;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Reports;

/// <summary>
/// Serving the follow-up: a closed year is counted once and then read from the archive, an open year reads only the
/// histories of cases that changed, and a case that cannot count is not read at all. Over a store and an archive of our
/// own making that count what is read.
/// </summary>
public sealed class FollowUpReportsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 6, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly Store _store = new();
    private readonly Archive _archive = new();

    private FollowUpReports Reports() => new(_store, _archive, _time);

    private static DateTimeOffset Swedish(int year, int month, int day, int hour = 12) =>
        SwedishClock.FromLocal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified));

    /// <summary>A case received on <paramref name="at"/> and signed the same day, or discontinued.</summary>
    private CaseId Add(DateTimeOffset at, bool discontinued = false)
    {
        var id = CaseId.New();
        CaseEvent[] history = discontinued ? [Submitted, new CaseDiscontinued("Drogs tillbaka.", Alternative.None, Coordinator, at)] : UpTo(Stage.Active);
        _store.Put(id, [.. history.Select(e => e is InitiativeSubmitted s ? s with { Case = id, At = at } : e with { At = at })]);
        return id;
    }

    [Fact]
    public async Task An_open_year_reads_only_the_cases_that_changed_since_it_was_last_counted()
    {
        var reports = Reports();
        var a = Add(Swedish(2027, 2, 1));
        Add(Swedish(2027, 3, 1));

        Assert.Equal(2, (await reports.ForYearAsync(2027, CancellationToken.None)).SignedAgreements);
        Assert.Equal(2, _store.HistoryReads);
        Assert.Equal(2, (await reports.ForYearAsync(2027, CancellationToken.None)).SignedAgreements);
        Assert.Equal(2, _store.HistoryReads);

        _store.Append(a, new PartnershipEnded("Slut.", Coordinator, Swedish(2027, 5, 1), null, EndingKind.Notice));
        var changed = await reports.ForYearAsync(2027, CancellationToken.None);
        Assert.Equal(3, _store.HistoryReads);
        Assert.Equal((1, 1), (changed.Ended, changed.ActiveAtYearEnd));
        Assert.Equal(0, _archive.Saves);
    }

    [Fact]
    public async Task A_closed_year_is_counted_once_and_then_read_from_the_archive()
    {
        Add(Swedish(2026, 2, 1));
        Add(Swedish(2026, 3, 1));

        var first = await Reports().ForYearAsync(2026, CancellationToken.None);
        Assert.Equal((2, 1), (_store.HistoryReads, _archive.Saves));
        Assert.Equal(2, first.SignedAgreements);

        // Another process (a new instance of the service) finds it in the archive: nothing is read.
        var kept = await Reports().ForYearAsync(2026, CancellationToken.None);
        Assert.Equal((2, 1), (_store.HistoryReads, _archive.Saves));
        Assert.Same(_archive.Kept[(2026, YearlyFollowUp.Version)], kept);
    }

    [Fact]
    public async Task A_report_kept_by_earlier_rules_is_counted_again()
    {
        Add(Swedish(2026, 2, 1));
        _archive.Kept[(2026, YearlyFollowUp.Version - 1)] = YearlyFollowUp.Compute([], 2026);

        Assert.Equal(1, (await Reports().ForYearAsync(2026, CancellationToken.None)).SignedAgreements);
        Assert.Equal(1, _store.HistoryReads);
    }

    [Fact]
    public void A_year_closes_a_day_after_its_end_in_Swedish_time()
    {
        var time = new FakeTimeProvider(Swedish(2027, 1, 1, 23));
        var reports = new FollowUpReports(_store, _archive, time);

        Assert.False(reports.IsClosed(2026));
        time.SetUtcNow(Swedish(2027, 1, 2, 0).AddMinutes(1));
        Assert.True(reports.IsClosed(2026));
        Assert.False(reports.IsClosed(2027));
    }

    [Fact]
    public async Task Cases_that_cannot_count_are_not_read()
    {
        Add(Swedish(2020, 5, 1), discontinued: true);
        Add(Swedish(2027, 2, 1));

        var r = await Reports().ForYearAsync(2026, CancellationToken.None);

        Assert.Equal(0, _store.HistoryReads);
        Assert.Equal(0, r.Received);
    }

    /// <summary>Cases as the store lists and reads them; counts the histories read.</summary>
    private sealed class Store : ICaseStore
    {
        private readonly Dictionary<CaseId, List<CaseEvent>> _cases = [];
        private int _reads;

        public int HistoryReads => _reads;

        public void Put(CaseId id, List<CaseEvent> history) => _cases[id] = history;

        public void Append(CaseId id, CaseEvent e) => _cases[id].Add(e);

        public Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult<IReadOnlyList<RecordedEvent>>([.. _cases[id].Select((e, i) => new RecordedEvent(i + 1, e))]);
        }

        public Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CaseSummary>>([.. _cases.Values.Select(h => CaseSummary.Of((RegisteredCase)CaseDecider.Replay(h), h.Count, h[^1].At, Policy))]);

        public Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class Archive : IFollowUpArchive
    {
        public Dictionary<(int Year, int Version), FollowUpReport> Kept { get; } = [];

        public int Saves { get; private set; }

        public Task<FollowUpReport?> FindAsync(int year, int version, CancellationToken cancellationToken) => Task.FromResult(Kept.GetValueOrDefault((year, version)));

        public Task SaveAsync(FollowUpReport report, int version, CancellationToken cancellationToken)
        {
            Saves++;
            Kept[(report.Year, version)] = report;
            return Task.CompletedTask;
        }
    }
}
