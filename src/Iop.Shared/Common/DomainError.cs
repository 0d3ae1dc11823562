namespace Iop.Common;

/// <summary>
/// A command that a rule forbids. <paramref name="Rule"/> is a stable code (e.g. <c>screening.note-required</c>)
/// that the app translates into the user's language; <paramref name="Message"/> explains it in English for logs and the API.
/// </summary>
public sealed record DomainError(string Rule, string Message)
{
    /// <summary>Creates an error for a broken rule.</summary>
    public static DomainError Because(string rule, string message) => new(rule, message);
}
