namespace Iop.Cases;

/// <summary>
/// The case's registration number (diarienummer), e.g. <c>KS 2026/14</c>: the municipality's
/// format, the year of intake and a per-year sequence without gaps.
/// </summary>
public sealed record RegistrationNumber(string Value, int Year, int Sequence)
{
    /// <summary>The placeholders a format may use.</summary>
    public const string YearPlaceholder = "{year}";

    /// <summary>The sequence placeholder; <c>{sequence:000}</c> pads with zeros.</summary>
    public const string SequencePlaceholder = "{sequence}";

    /// <summary>Formats a number from a configured pattern such as <c>KS {year}/{sequence}</c> or <c>MK KS {year}/{sequence:000}</c>.</summary>
    public static RegistrationNumber Format(string pattern, int year, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var text = pattern.Replace(YearPlaceholder, year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var start = text.IndexOf("{sequence", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"The registration number format '{pattern}' has no {SequencePlaceholder} placeholder.", nameof(pattern));
        }

        var end = text.IndexOf('}', start);
        var spec = text[(start + "{sequence".Length)..end];
        var digits = spec.StartsWith(':') ? sequence.ToString(spec[1..], System.Globalization.CultureInfo.InvariantCulture)
                                          : sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RegistrationNumber(string.Concat(text.AsSpan(0, start), digits, text.AsSpan(end + 1)), year, sequence);
    }

    /// <summary>Whether a pattern can be used by <see cref="Format"/>.</summary>
    public static bool IsValidPattern(string? pattern) =>
        !string.IsNullOrWhiteSpace(pattern)
        && pattern.Contains(YearPlaceholder, StringComparison.Ordinal)
        && pattern.Contains("{sequence", StringComparison.Ordinal)
        && pattern.IndexOf('}', pattern.IndexOf("{sequence", StringComparison.Ordinal)) > 0;

    /// <inheritdoc />
    public override string ToString() => Value;
}
