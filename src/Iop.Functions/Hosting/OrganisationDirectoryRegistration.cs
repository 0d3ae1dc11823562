using Iop.Officials;

namespace Iop.Functions.Hosting;

/// <summary>
/// The organisation directory from configuration section <c>Organisations</c>: <c>Committees</c> and <c>Companies</c>
/// (each with <c>Id</c>, <c>Name</c>, <c>Head</c>, <c>Contact</c>, <c>Secretary</c>) and <c>Procurement</c>. A broken
/// directory stops start-up with every problem named by its configuration path.
/// </summary>
internal static class OrganisationDirectoryRegistration
{
    public const string Section = "Organisations";

    public static IServiceCollection AddOrganisationDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectorySettings>()
            .BindConfiguration(Section)
            .Validate(s => s.Errors().Count == 0, "The organisation directory is not valid.")
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DirectorySettings>, DirectoryValidation>();
        return services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DirectorySettings>>().Value.ToDirectory());
    }

    /// <summary>Names every problem by its configuration path, so start-up says exactly what to fix.</summary>
    private sealed class DirectoryValidation : Microsoft.Extensions.Options.IValidateOptions<DirectorySettings>
    {
        public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, DirectorySettings options) =>
            options.Errors() is { Count: > 0 } errors
                ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(errors)
                : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
    }

    internal sealed class DirectorySettings
    {
        public IReadOnlyList<string> Errors() => OrganisationDirectory.Validate(Section, Organisations(Committees, OrganisationKind.Committee), Organisations(Companies, OrganisationKind.Company), Procurement?.ToPerson());

        public OrganisationDirectory ToDirectory() =>
            new([.. Organisations(Committees, OrganisationKind.Committee).OfType<ScopedOrganisation>(), .. Organisations(Companies, OrganisationKind.Company).OfType<ScopedOrganisation>()], Procurement!.ToPerson());

        private static List<ScopedOrganisation?> Organisations(List<OrganisationSettings?> list, OrganisationKind kind) => [.. list.Select(o => o?.ToOrganisation(kind))];

        public List<OrganisationSettings?> Committees { get; set; } = [];

        public List<OrganisationSettings?> Companies { get; set; } = [];

        public PersonSettings? Procurement { get; set; }
    }

    internal sealed class OrganisationSettings
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public PersonSettings? Head { get; set; }

        public PersonSettings? Contact { get; set; }

        public PersonSettings? Secretary { get; set; }

        public ScopedOrganisation ToOrganisation(OrganisationKind kind) =>
            new(Id?.Trim() ?? "", Name?.Trim() ?? "", kind, Head?.ToPerson()!, Contact?.ToPerson()!, Secretary?.ToPerson()!);
    }

    internal sealed class PersonSettings
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public Person ToPerson() => new(Name?.Trim() ?? "", Email?.Trim() ?? "");
    }
}
