namespace Iop.Cases;

/// <summary>
/// One asynchronous lock per case, so this process's commands for a case take turns instead of racing each other for
/// the snapshot's ETag; only writers in other processes can still win a race. A case's lock exists while someone holds
/// or waits for it and is dropped with its last user, so the set never grows with the number of cases seen.
/// </summary>
internal sealed class CaseLocks
{
    private readonly Dictionary<CaseId, Entry> _entries = [];

    /// <summary>Locks currently held or waited for (for tests: zero when nobody uses one).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Waits for <paramref name="id"/>'s turn at most <paramref name="timeout"/>; null when it did not come in time.
    /// Dispose the result to let the next one in.
    /// </summary>
    public async Task<IDisposable?> TryEnterAsync(CaseId id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(id, out entry!))
            {
                entry = new Entry();
                _entries.Add(id, entry);
            }

            entry.Users++;
        }

        var entered = false;
        try
        {
            // Real time on purpose: the wait is about this machine's load, not the case's clock (which tests fake and
            // demonstrations speed up).
            entered = await entry.Gate.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return entered ? new Turn(this, id, entry) : null;
        }
        finally
        {
            if (!entered)
            {
                Leave(id, entry);
            }
        }
    }

    private void Leave(CaseId id, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(id);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Holders and waiters; guarded by the set's lock.</summary>
        public int Users { get; set; }
    }

    private sealed class Turn(CaseLocks locks, CaseId id, Entry entry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                entry.Gate.Release();
                locks.Leave(id, entry);
            }
        }
    }
}
