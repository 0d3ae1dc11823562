using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Iop.Functions.Storage.Azurite;

namespace Iop.Functions.Tests.Deployment;

/// <summary>
/// The worker's package, published once for the test class with the <c>FunctionApp</c> profile into a folder of its own
/// (<c>--no-build</c>: from the build these tests run on, in its configuration, so nothing in the tree is rewritten).
/// </summary>
public sealed class PublishedWorker : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"iop-publish-{Guid.NewGuid():N}");

    public string PublishDir => Path.Combine(_folder, "functionapp");

    public string Zip => Path.Combine(_folder, "iop-functions.zip");

    /// <summary>The function entries of the zip's <c>functions.metadata</c>.</summary>
    public IReadOnlyList<JsonElement> Functions { get; private set; } = [];

    public IReadOnlyList<string> ZipRootEntries { get; private set; } = [];

    /// <summary>Every entry of the zip.</summary>
    public IReadOnlyList<string> ZipEntries { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var project = Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "Iop.Functions", "Iop.Functions.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "publish", project, "--no-build", "--nologo", "-c", configuration, "-p:PublishProfile=FunctionApp",
            $"-p:PublishDir={PublishDir}/", $"-p:DeploymentZip={Zip}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await error}");

        using var zip = ZipFile.OpenRead(Zip);
        ZipEntries = [.. zip.Entries.Select(e => e.FullName)];
        ZipRootEntries = [.. ZipEntries.Where(name => !name.Contains('/', StringComparison.Ordinal))];
        await using var metadata = zip.GetEntry("functions.metadata")?.Open() ?? throw new InvalidOperationException("No functions.metadata at the zip's root.");
        using var document = await JsonDocument.ParseAsync(metadata);
        Functions = [.. document.RootElement.EnumerateArray().Select(f => f.Clone())];
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
