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

    /// <summary>The most files one requested document may hold (default 20).</summary>
    public int MaxFilesPerDocument { get; set; } = Vetting.UploadLimits.Default.FilesPerDocument;

    /// <summary>The most files one case may hold, all documents together (default 100).</summary>
    public int MaxFilesPerCase { get; set; } = Vetting.UploadLimits.Default.FilesPerCase;

    /// <summary>The most bytes one case's files may take together (default 500 MB).</summary>
    public long MaxBytesPerCase { get; set; } = Vetting.UploadLimits.Default.BytesPerCase;

    /// <summary>The limits a case's uploads are decided against.</summary>
    public Vetting.UploadLimits UploadLimits => new(MaxFilesPerDocument, MaxFilesPerCase, MaxBytesPerCase);

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

        if (MaxFilesPerDocument is < 1 or > 50)
        {
            // Every file is a line in the case's row, which holds 1 MiB; 50 × 100 documents stays well inside.
            yield return new ValidationResult("Portal:MaxFilesPerDocument must be between 1 and 50.", [nameof(MaxFilesPerDocument)]);
        }

        if (MaxFilesPerCase < MaxFilesPerDocument || MaxFilesPerCase > 500)
        {
            yield return new ValidationResult("Portal:MaxFilesPerCase must be at least Portal:MaxFilesPerDocument and at most 500.", [nameof(MaxFilesPerCase)]);
        }

        if (MaxBytesPerCase < MaxFileBytes)
        {
            yield return new ValidationResult("Portal:MaxBytesPerCase must be at least Portal:MaxFileBytes.", [nameof(MaxBytesPerCase)]);
        }
    }
}
