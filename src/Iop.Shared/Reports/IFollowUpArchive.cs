namespace Iop.Reports;

/// <summary>Where the follow-up of a closed year is kept once counted: it never changes, so it is counted once.</summary>
public interface IFollowUpArchive
{
    /// <summary>The report of <paramref name="year"/> as counted by the rules of <paramref name="version"/>, if it was kept.</summary>
    Task<FollowUpReport?> FindAsync(int year, int version, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="report"/>, counted by the rules of <paramref name="version"/>; keeping it again is harmless.</summary>
    Task SaveAsync(FollowUpReport report, int version, CancellationToken cancellationToken);
}
