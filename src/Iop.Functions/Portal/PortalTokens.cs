using System.Security.Cryptography;
using System.Text;
using Iop.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Portal;

/// <summary>
/// The organisation's portal links: <c>{case}.{token id}.{expiry}.{HMAC-SHA256}</c>, base64url. The signature makes a link
/// unforgeable and its expiry tamper-proof; the case's state says which token id is current, so a new link revokes the old.
/// </summary>
internal sealed class PortalTokens(IOptions<PortalOptions> options)
{
    private byte[] Key => options.Value.SigningKeyBytes;

    /// <summary>A new, unguessable token id (128 random bits).</summary>
    public static string NewTokenId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public string Create(CaseId caseId, string tokenId, DateTimeOffset expiresAt)
    {
        var payload = $"{caseId}.{tokenId}.{expiresAt.ToUnixTimeSeconds()}";
        return $"{Base64Url(Encoding.ASCII.GetBytes(payload))}.{Base64Url(Sign(payload))}";
    }

    /// <summary>The case and token id of a correctly signed token; expiry and revocation are the case's rules to judge.</summary>
    public bool TryRead(string? token, out PortalToken read)
    {
        read = default;
        var parts = token?.Split('.');
        if (parts is not { Length: 2 } || !TryDecode(parts[0], out var payloadBytes) || !TryDecode(parts[1], out var signature))
        {
            return false;
        }

        var payload = Encoding.ASCII.GetString(payloadBytes);
        if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature))
        {
            return false;
        }

        var fields = payload.Split('.');
        if (fields.Length != 3 || !CaseId.TryParse(fields[0], out var caseId) || !long.TryParse(fields[2], out var expires))
        {
            return false;
        }

        read = new PortalToken(caseId, fields[1], DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes("iop-portal-v1|" + payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) && (bytes = bytes[..written]).Length > 0;
    }
}

/// <summary>What a valid signature vouches for.</summary>
internal readonly record struct PortalToken(CaseId Case, string TokenId, DateTimeOffset ExpiresAt);
