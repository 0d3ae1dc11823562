using System.ComponentModel.DataAnnotations;

namespace Iop.Functions.Portal;

/// <summary>The partner portal's settings (section <c>Portal</c>).</summary>
internal sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>The HMAC key for portal links, base64, at least 32 bytes. From Key Vault in Azure; never in the repository.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long a portal link works.</summary>
    public int LinkLifetimeDays { get; set; } = 90;

    /// <summary>The largest file accepted, in bytes (default 25 MB).</summary>
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    public byte[] SigningKeyBytes => Convert.FromBase64String(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var bytes = new byte[SigningKey.Length];
        if (!Convert.TryFromBase64String(SigningKey, bytes, out var length) || length < 32)
        {
            yield return new ValidationResult("Portal:SigningKey must be a base64 key of at least 32 bytes (set it from Key Vault; locally it is generated).", [nameof(SigningKey)]);
        }

        if (LinkLifetimeDays is < 1 or > 365)
        {
            yield return new ValidationResult("Portal:LinkLifetimeDays must be between 1 and 365.", [nameof(LinkLifetimeDays)]);
        }

        if (MaxFileBytes < 1024)
        {
            yield return new ValidationResult("Portal:MaxFileBytes must be at least 1024.", [nameof(MaxFileBytes)]);
        }
    }
}
