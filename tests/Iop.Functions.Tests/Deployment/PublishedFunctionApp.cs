using System.Diagnostics;
using System.Text;
using Iop.Functions.Storage.Azurite;

namespace Iop.Functions.Tests.Deployment;

/// <summary>
/// The deployable package, made once per test run by the README's command
/// (<c>dotnet publish src/Iop.Functions -c Release -p:PublishProfile=FunctionApp</c>) into a folder of its own, with its
/// own build output so it never touches the tree the tests run from.
/// </summary>
public sealed class PublishedFunctionApp : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"iop-functionapp-{Guid.NewGuid():N}");

    /// <summary>The published folder: what the zip holds, as Azure unpacks it.</summary>
    public string Root => Path.Combine(_work, "app");

    public string Zip => Path.Combine(_work, "iop-functions.zip");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AzuriteProcess.RepositoryRoot(),
        };
        foreach (var argument in new[]
        {
            "publish", "src/Iop.Functions", "-c", "Release", "-p:PublishProfile=FunctionApp",
            "--artifacts-path", Path.Combine(_work, "build"), $"-p:PublishDir={Root}/", $"-p:FunctionAppZip={Zip}",
            "-nologo", "-v", "quiet",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0 || !File.Exists(Zip))
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{output}");
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }

        return Task.CompletedTask;
    }
}
