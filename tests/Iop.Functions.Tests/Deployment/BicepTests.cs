using System.Diagnostics;
using System.Reflection;
using Iop.Functions.Storage.Azurite;

namespace Iop.Functions.Tests.Deployment;

/// <summary>The infrastructure builds and lints without a single warning, with the Bicep CLI from NuGet.</summary>
public sealed class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    private static string Infra => Path.Combine(AzuriteProcess.RepositoryRoot(), "infra");

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Infra };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Parameter files read secrets from the environment at deployment; placeholders suffice to check them.
        start.Environment["IOP_STAFF_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001";
        start.Environment["IOP_PORTAL_SIGNING_KEY"] = "placeholder";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (output + error).Trim());
    }

    [Fact]
    public async Task The_infrastructure_builds_without_warnings()
    {
        var (exitCode, output) = await RunAsync("build", "main.bicep", "--stdout", "--diagnostics-format", "sarif");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("\"level\": \"warning\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"level\": \"error\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_infrastructure_passes_the_linter_without_a_finding()
    {
        var (exitCode, output) = await RunAsync("lint", "main.bicep");

        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("main.bicepparam")]
    [InlineData("main.prod.bicepparam")]
    public async Task Each_environments_parameters_build(string file)
    {
        var (exitCode, output) = await RunAsync("build-params", file, "--stdout");

        Assert.True(exitCode == 0, output);
        Assert.Contains("environmentName", output, StringComparison.Ordinal);
    }
}
