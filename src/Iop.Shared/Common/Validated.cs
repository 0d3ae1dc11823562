namespace Iop.Common;

/// <summary>What is wrong with one input field; the app words it in the user's language.</summary>
/// <param name="Field">The field's name, e.g. <c>OrganisationNumber</c>.</param>
/// <param name="Rule">Which rule the value breaks.</param>
/// <param name="Limit">The limit involved, for <see cref="FieldRule.TooLong"/>.</param>
public sealed record FieldError(string Field, FieldRule Rule, int Limit = 0);

/// <summary>The rules an input field can break.</summary>
public enum FieldRule
{
    /// <summary>The field is empty.</summary>
    Required,

    /// <summary>The value is longer than allowed.</summary>
    TooLong,

    /// <summary>Not a valid Swedish organisation number (length or check digit).</summary>
    InvalidOrganisationNumber,

    /// <summary>Not a valid e-mail address.</summary>
    InvalidEmail,

    /// <summary>Not a valid phone number.</summary>
    InvalidPhone,

    /// <summary>Not one of the offered choices.</summary>
    InvalidChoice,

    /// <summary>Holds characters a name must not hold: control characters, bidirectional controls (see <see cref="PlainText"/>).</summary>
    InvalidCharacters,
}

/// <summary>Either a valid value or the field errors that prevent it.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyList<FieldError> Errors)
    where T : class
{
    /// <summary>Whether the input was valid.</summary>
    public bool IsValid => Value is not null;

    /// <summary>A valid value.</summary>
    public static Validated<T> Valid(T value) => new(value, []);

    /// <summary>Invalid input.</summary>
    public static Validated<T> Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}
