namespace Iop.Cases;

/// <summary>
/// A command could not get its turn on a case (or on the registration-number counter) in reasonable time: other writers
/// kept winning the race, or too many commands for the case were queued in this process. Nothing was written; the same
/// command may simply be sent again after <see cref="RetryAfter"/>. The web app answers it with 503 and Retry-After.
/// </summary>
/// <param name="caseId">The case the command was for.</param>
/// <param name="message">What was busy, for the log.</param>
public sealed class CaseBusyException(CaseId caseId, string message) : Exception(message)
{
    /// <summary>The case the command was for.</summary>
    public CaseId CaseId { get; } = caseId;

    /// <summary>When the command is worth sending again: contention clears within a second or two.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(2);
}
