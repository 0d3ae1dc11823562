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

    public string Create(CaseId caseId, string tokenId, DateTimeOffset expiresAt) => Create(PortalPurpose, caseId, tokenId, expiresAt);

    /// <summary>The case and token id of a correctly signed token; expiry and revocation are the case's rules to judge.</summary>
    public bool TryRead(string? token, out PortalToken read) => TryRead(PortalPurpose, token, out read);

    /// <summary>
    /// An official's answer link for request <paramref name="requestId"/> as issued to its addressee (issue
    /// <paramref name="issue"/>), signed for another purpose than portal links so that neither opens the other.
    /// </summary>
    public string CreateAnswerLink(CaseId caseId, string requestId, int issue, DateTimeOffset expiresAt) =>
        Create(AnswerPurpose, caseId, $"{requestId}~{issue.ToString(System.Globalization.CultureInfo.InvariantCulture)}", expiresAt);

    /// <summary>The case, request and issue of a correctly signed answer link.</summary>
    public bool TryReadAnswerLink(string? token, out AnswerLink read)
    {
        read = default;
        if (!TryRead(AnswerPurpose, token, out var raw) || raw.TokenId.Split('~') is not [var requestId, var issueText]
            || !int.TryParse(issueText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var issue))
        {
            return false;
        }

        read = new AnswerLink(raw.Case, requestId, issue, raw.ExpiresAt);
        return true;
    }

    /// <summary>
    /// The organisation's link to its report on <paramref name="year"/> as asked for in issue <paramref name="issue"/>,
    /// signed for its own purpose: it opens neither the vetting portal nor an answer page, and they do not open it.
    /// </summary>
    public string CreateReportLink(CaseId caseId, int year, int issue, DateTimeOffset expiresAt) =>
        Create(ReportPurpose, caseId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}~{issue}"), expiresAt);

    /// <summary>The case, year and issue of a correctly signed report link.</summary>
    public bool TryReadReportLink(string? token, out ReportLink read)
    {
        read = default;
        if (!TryRead(ReportPurpose, token, out var raw) || raw.TokenId.Split('~') is not [var yearText, var issueText]
            || !int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(issueText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var issue))
        {
            return false;
        }

        read = new ReportLink(raw.Case, year, issue, raw.ExpiresAt);
        return true;
    }

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private const string PortalPurpose = "iop-portal-v1|";
    private const string AnswerPurpose = "iop-answer-v1|";
    private const string ReportPurpose = "iop-report-v1|";

    private string Create(string purpose, CaseId caseId, string tokenId, DateTimeOffset expiresAt)
    {
        var payload = $"{caseId}.{tokenId}.{expiresAt.ToUnixTimeSeconds()}";
        return $"{Base64Url(Encoding.ASCII.GetBytes(payload))}.{Base64Url(Sign(purpose, payload))}";
    }

    private bool TryRead(string purpose, string? token, out PortalToken read)
    {
        read = default;
        var parts = token?.Split('.');
        if (parts is not { Length: 2 } || !TryDecode(parts[0], out var payloadBytes) || !TryDecode(parts[1], out var signature))
        {
            return false;
        }

        var payload = Encoding.ASCII.GetString(payloadBytes);
        if (!CryptographicOperations.FixedTimeEquals(Sign(purpose, payload), signature))
        {
            return false;
        }

        var fields = payload.Split('.');
        if (fields.Length != 3 || !CaseId.TryParse(fields[0], out var caseId)
            || !long.TryParse(fields[2], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var expires)
            || expires < MinUnixSeconds || expires > MaxUnixSeconds)
        {
            // A signed expiry outside the calendar's range is no link we ever made (only a leaked key could sign one).
            return false;
        }

        read = new PortalToken(caseId, fields[1], DateTimeOffset.FromUnixTimeSeconds(expires));
        return true;
    }

    private byte[] Sign(string purpose, string payload) => HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(purpose + payload));

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

/// <summary>What a valid answer link vouches for: the case, the request, the issue (and so the addressee) and the expiry.</summary>
internal readonly record struct AnswerLink(CaseId Case, string RequestId, int Issue, DateTimeOffset ExpiresAt);

/// <summary>What a valid report link vouches for: the case, the year, the request's issue and the expiry.</summary>
internal readonly record struct ReportLink(CaseId Case, int Year, int Issue, DateTimeOffset ExpiresAt);
