namespace Iop.Cases;

/// <summary>Hands out registration numbers (diarienummer): per year, gap-free, never twice.</summary>
public interface IRegistrationNumbers
{
    /// <summary>
    /// Allocates the next number of the year of <paramref name="at"/> (Swedish time) to a case.
    /// Idempotent per case: asking again for the same case returns the number it already has.
    /// </summary>
    Task<RegistrationNumber> AllocateAsync(CaseId caseId, DateTimeOffset at, CancellationToken cancellationToken);
}
