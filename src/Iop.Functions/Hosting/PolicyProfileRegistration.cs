using Iop.Policies;

namespace Iop.Functions.Hosting;

internal static class PolicyProfileRegistration
{
    /// <summary>
    /// Loads the configured guideline at start-up, with every guideline a case may follow: the built-in profiles and the
    /// earlier versions in <c>Iop:PolicyArchive</c>. An invalid profile stops the app with a message naming the bad
    /// field, rather than letting cases be screened against a broken checklist. Registered once, however often it is
    /// called. <see cref="PolicyProfile"/> is the guideline new cases follow; <see cref="PolicyCatalog"/> finds the one a
    /// case was received under.
    /// </summary>
    public static IServiceCollection AddPolicyProfile(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(PolicyCatalog)))
        {
            return services;
        }

        var configured = configuration[$"{IopOptions.Section}:{nameof(IopOptions.PolicyProfile)}"] ?? PolicyProfileLoader.DefaultProfileId;
        var profile = Load(configured, $"{IopOptions.Section}:{nameof(IopOptions.PolicyProfile)}");
        var archive = configuration[$"{IopOptions.Section}:{nameof(IopOptions.PolicyArchive)}"] is { Length: > 0 } folder
            ? ReadArchive(folder)
            : [];
        var catalog = PolicyCatalog.WithBuiltIns(profile, archive);
        return services.AddSingleton(catalog).AddSingleton(catalog.Current);
    }

    private static PolicyProfile Load(string configured, string setting) => PolicyProfileLoader.BuiltInIds.Contains(configured)
        ? PolicyProfileLoader.LoadBuiltIn(configured)
        : PolicyProfileLoader.ParseOrThrow(ReadFile(configured, setting), configured);

    private static List<PolicyProfile> ReadArchive(string folder) => Directory.Exists(folder = Resolve(folder))
        ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => PolicyProfileLoader.ParseOrThrow(File.ReadAllText(f), f)).ToList()
        : throw new InvalidPolicyProfileException(folder, [$"{IopOptions.Section}:{nameof(IopOptions.PolicyArchive)}: the folder '{folder}' does not exist"]);

    /// <summary>
    /// A relative path as the person who typed it meant it: from the shell's directory ($PWD), since
    /// <c>dotnet run --project</c> starts the app in the project's folder; unchanged when it exists as given or is absolute.
    /// </summary>
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } shell
            ? path
            : Path.Combine(shell, path);

    private static string ReadFile(string path, string setting) => File.Exists(path = Resolve(path))
        ? File.ReadAllText(path)
        : throw new InvalidPolicyProfileException(path, [$"{setting}: '{path}' is neither a built-in profile ({string.Join(", ", PolicyProfileLoader.BuiltInIds)}) nor an existing file"]);
}
