namespace Iop.Functions.Hosting;

/// <summary>Which part of the app a process runs (<c>Iop:Role</c>): one build, deployed as two Azure apps.</summary>
internal enum IopRole
{
    /// <summary>Everything in one process (<c>dotnet run</c>, the tests): the web role and the workflow on the local durable backend.</summary>
    All,

    /// <summary>The pages and the JSON API (App Service); commits signal the <c>outbox</c> queue for the worker.</summary>
    Web,

    /// <summary>The Azure Functions isolated worker: orchestrations, activities, the relay and the timers.</summary>
    Worker,
}

internal static class IopRoles
{
    public const string Key = "Iop:Role";

    public static IopRole Of(IConfiguration configuration) => configuration[Key] switch
    {
        null or "" => IopRole.All,
        var value when Enum.TryParse<IopRole>(value, ignoreCase: true, out var role) && Enum.IsDefined(role) && !char.IsAsciiDigit(value[0]) => role,
        var value => throw new InvalidOperationException($"{Key} '{value}' is not a role: All, Web or Worker."),
    };

    /// <summary>
    /// The role before any host is built, which depends on it: from environment variables (App Service and the Functions
    /// host pass app settings so, e.g. <c>Iop__Role</c>) and the command line.
    /// </summary>
    public static IopRole AtStartUp(string[] args) =>
        Of(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build());
}
