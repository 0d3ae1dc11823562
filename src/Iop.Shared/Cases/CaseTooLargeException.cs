namespace Iop.Cases;

/// <summary>
/// A command's change does not fit the case's storage (a row past its size limit, a transaction past its operations):
/// it was refused whole and nothing was written. Not a fault of the store or of the request's form; the case has simply
/// grown as large as it can, and the web app answers 413 with a plain explanation.
/// </summary>
/// <param name="caseId">The case the command was for.</param>
/// <param name="message">What did not fit, for the log.</param>
public sealed class CaseTooLargeException(CaseId caseId, string message) : Exception(message)
{
    /// <summary>The case the command was for.</summary>
    public CaseId CaseId { get; } = caseId;
}
