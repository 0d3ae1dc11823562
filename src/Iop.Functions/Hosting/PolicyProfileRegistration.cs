using Iop.Policies;

namespace Iop.Functions.Hosting;

internal static class PolicyProfileRegistration
{
    /// <summary>
    /// Loads the configured guideline at start-up. An invalid profile stops the app with a message naming the bad field,
    /// rather than letting cases be screened against a broken checklist. Registered once, however often it is called.
    /// </summary>
    public static IServiceCollection AddPolicyProfile(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(PolicyProfile)))
        {
            return services;
        }

        var configured = configuration[$"{IopOptions.Section}:{nameof(IopOptions.PolicyProfile)}"] ?? PolicyProfileLoader.DefaultProfileId;
        var profile = PolicyProfileLoader.BuiltInIds.Contains(configured)
            ? PolicyProfileLoader.LoadBuiltIn(configured)
            : PolicyProfileLoader.ParseOrThrow(ReadFile(configured), configured);
        return services.AddSingleton(profile);
    }

    private static string ReadFile(string path) => File.Exists(path)
        ? File.ReadAllText(path)
        : throw new InvalidPolicyProfileException(path, [$"Iop:PolicyProfile: '{path}' is neither a built-in profile ({string.Join(", ", PolicyProfileLoader.BuiltInIds)}) nor an existing file"]);
}
