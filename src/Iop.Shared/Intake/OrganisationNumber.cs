using System.Globalization;

namespace Iop.Intake;

/// <summary>
/// A Swedish organisation number (organisationsnummer), ten digits whose last is a Luhn check digit.
/// Accepts <c>802012-3456</c>, <c>8020123456</c> and the twelve-digit form with the <c>16</c> prefix; prints <c>NNNNNN-NNNN</c>.
/// </summary>
public sealed record OrganisationNumber
{
    private OrganisationNumber(string digits) => Digits = digits;

    /// <summary>The ten digits, without separator.</summary>
    public string Digits { get; }

    /// <summary>Parses a number, checking its length and check digit.</summary>
    public static bool TryParse(string? text, out OrganisationNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = new string([.. text.Where(c => c != '-' && c != ' ')]);
        if (digits.Length == 12 && digits.StartsWith("16", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || !HasValidCheckDigit(digits))
        {
            return false;
        }

        number = new OrganisationNumber(digits);
        return true;
    }

    /// <summary>Parses a number known to be valid (stored data, tests).</summary>
    public static OrganisationNumber Parse(string text) =>
        TryParse(text, out var number) ? number! : throw new FormatException($"'{text}' is not a valid organisation number.");

    /// <summary>The Luhn (modulus 10) check used by Skatteverket for personal and organisation numbers.</summary>
    internal static bool HasValidCheckDigit(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10 == tenDigits[9] - '0';
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Digits[..6]}-{Digits[6..]}");
}
