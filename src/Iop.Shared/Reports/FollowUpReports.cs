using System.Collections.Concurrent;
using Iop.Cases;
using Iop.Common;

namespace Iop.Reports;

/// <summary>
/// Serves the yearly follow-up without reading every history on every request. A closed year (over for
/// <see cref="ClosedAfter"/>) is counted once from the histories, kept in the archive and in memory, and from then on
/// only read. A year still open is counted afresh each time, but a case whose version in the case list is the one
/// counted last time adds what it added then: only the histories of cases that changed are read. Either way, a case that
/// <see cref="YearlyFollowUp.CannotCount"/> is not read at all.
/// </summary>
public sealed class FollowUpReports(ICaseStore store, IFollowUpArchive archive, TimeProvider time)
{
    /// <summary>
    /// How long after a year's end its report is closed and kept: a command decided on the year's last evening has been
    /// written, and a case the case list missed has been reconciled into it (hourly), long before.
    /// </summary>
    public static readonly TimeSpan ClosedAfter = TimeSpan.FromDays(1);

    /// <summary>How many histories are read at once.</summary>
    public const int Readers = 8;

    private readonly ConcurrentDictionary<int, Lazy<Task<FollowUpReport>>> _closed = new();
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<CaseId, CaseFigures>> _open = new();

    /// <summary>The follow-up of <paramref name="year"/>.</summary>
    public Task<FollowUpReport> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        if (!IsClosed(year))
        {
            return OpenAsync(year, cancellationToken);
        }

        _open.TryRemove(year, out _);
        var closed = _closed.GetOrAdd(year, y => new Lazy<Task<FollowUpReport>>(() => ClosedAsync(y)));
        return closed.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Whether the report of <paramref name="year"/> can no longer change, and is kept.</summary>
    public bool IsClosed(int year) => time.GetUtcNow() >= SwedishClock.FromLocal(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)) + ClosedAfter;

    /// <summary>Counted once for all callers (none of whom can cancel it for the others); a failure is forgotten, to be tried again.</summary>
    private async Task<FollowUpReport> ClosedAsync(int year)
    {
        try
        {
            if (await archive.FindAsync(year, YearlyFollowUp.Version, CancellationToken.None).ConfigureAwait(false) is { } kept)
            {
                return kept;
            }

            var cases = (await store.ListAsync(null, CancellationToken.None).ConfigureAwait(false)).Where(c => !YearlyFollowUp.CannotCount(c, year)).ToList();
            var figures = new CaseFigures[cases.Count];
            await ReadAsync(cases, year, figures, CancellationToken.None).ConfigureAwait(false);
            var report = YearlyFollowUp.Sum(year, figures);
            await archive.SaveAsync(report, YearlyFollowUp.Version, CancellationToken.None).ConfigureAwait(false);
            return report;
        }
        catch
        {
            _closed.TryRemove(year, out _);
            throw;
        }
    }

    private async Task<FollowUpReport> OpenAsync(int year, CancellationToken cancellationToken)
    {
        var known = _open.GetOrAdd(year, _ => new ConcurrentDictionary<CaseId, CaseFigures>());
        var cases = (await store.ListAsync(null, cancellationToken).ConfigureAwait(false)).Where(c => !YearlyFollowUp.CannotCount(c, year)).ToList();
        var figures = new CaseFigures[cases.Count];
        var changed = new List<CaseSummary>();
        var slots = new List<int>();
        for (var i = 0; i < cases.Count; i++)
        {
            if (known.TryGetValue(cases[i].Id, out var counted) && counted.Version >= cases[i].Version)
            {
                figures[i] = counted;
            }
            else
            {
                changed.Add(cases[i]);
                slots.Add(i);
            }
        }

        var read = new CaseFigures[changed.Count];
        await ReadAsync(changed, year, read, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < read.Length; i++)
        {
            figures[slots[i]] = read[i];

            // Requests at the same time may count a case at different versions: the newer stays.
            known.AddOrUpdate(read[i].Id, read[i], (_, other) => other.Version > read[i].Version ? other : read[i]);
        }

        return YearlyFollowUp.Sum(year, figures);
    }

    /// <summary>Each case's history read once (<see cref="Readers"/> at a time) and counted for the year.</summary>
    private Task ReadAsync(List<CaseSummary> cases, int year, CaseFigures[] into, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Readers, CancellationToken = cancellationToken },
            async (i, token) => into[i] = CaseFigures.Of([.. (await store.LoadHistoryAsync(cases[i].Id, token).ConfigureAwait(false)).Select(e => e.Event)], year));
}
