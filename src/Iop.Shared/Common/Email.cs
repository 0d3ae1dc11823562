using System.Net.Mail;

namespace Iop.Common;

/// <summary>What the product accepts as an e-mail address: one address, written as itself, with a dotted domain.</summary>
public static class Email
{
    /// <summary>Whether <paramref name="text"/> (already trimmed) is a single deliverable-looking address.</summary>
    public static bool IsValid(string? text) =>
        text is { Length: > 0 and <= 254 }
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');
}
