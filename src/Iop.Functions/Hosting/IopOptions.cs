using System.ComponentModel.DataAnnotations;
using Iop.Cases;

namespace Iop.Functions.Hosting;

/// <summary>The municipality's settings (section <c>Iop</c>).</summary>
internal sealed class IopOptions : IValidatableObject
{
    public const string Section = "Iop";

    /// <summary>The municipality's name as users see it.</summary>
    [Required]
    public string Municipality { get; set; } = "";

    /// <summary>A built-in profile id (e.g. <c>mora-2023</c>) or a path to a profile JSON file.</summary>
    [Required]
    public string PolicyProfile { get; set; } = Policies.PolicyProfileLoader.DefaultProfileId;

    /// <summary>
    /// A folder of earlier profile versions (JSON files), optional: a case keeps the profile version it was received
    /// under, so when a municipality's guideline gets a new version, the old file goes here.
    /// </summary>
    public string? PolicyArchive { get; set; }

    /// <summary>The registration number format, e.g. <c>KS {year}/{sequence}</c>.</summary>
    [Required]
    public string RegistrationNumberFormat { get; set; } = "KS {year}/{sequence}";

    /// <summary>The app's public address, used in links in e-mail and notifications.</summary>
    [Required]
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The coordinator's mailbox: reply-to of outgoing mail.</summary>
    [Required]
    [EmailAddress]
    public string CoordinatorMailbox { get; set; } = "";

    /// <summary>How the coordinator signs outgoing mail.</summary>
    [Required]
    public string CoordinatorName { get; set; } = "";

    /// <summary>The coordinator's telephone number, shown with the mailbox in every mail's footer (optional).</summary>
    public string? CoordinatorPhone { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!RegistrationNumber.IsValidPattern(RegistrationNumberFormat))
        {
            yield return new ValidationResult(
                $"Iop:RegistrationNumberFormat '{RegistrationNumberFormat}' must contain {{year}} and {{sequence}}.",
                [nameof(RegistrationNumberFormat)]);
        }

        if (PublicBaseUrl is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("Iop:PublicBaseUrl must be an absolute URL.", [nameof(PublicBaseUrl)]);
        }
    }
}
