using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Iop.Functions.Storage.Azurite;

/// <summary>
/// Azurite (the local Azure Storage emulator, installed by <c>npm ci</c> from the committed lock file) as a child process:
/// in memory on free ports for tests, or on disk on the default ports for <c>dotnet run</c>.
/// </summary>
internal sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's published development account key (from Azurite's README), not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string AccountName = "devstoreaccount1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};");

    /// <summary>An Azurite that keeps nothing, on ports the operating system picks: one per test run.</summary>
    public static Task<AzuriteProcess> StartInMemoryAsync(CancellationToken cancellationToken = default) =>
        StartAsync(["--inMemoryPersistence", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0"], cancellationToken);

    /// <summary>An Azurite that keeps its data in <paramref name="folder"/>, on the default ports 10000–10002.</summary>
    public static Task<AzuriteProcess> StartOnDiskAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        return StartAsync(["--location", folder, "--blobPort", "10000", "--queuePort", "10001", "--tablePort", "10002"], cancellationToken);
    }

    private static async Task<AzuriteProcess> StartAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var script = FindAzuriteScript();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments.Concat(["--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1", "--skipApiVersionCheck", "--disableProductStyleUrl", "--loose"]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var output = new StringBuilder();
        var ports = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited at start:\n{output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await ready.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            Kill(process);
            throw new InvalidOperationException($"Azurite did not start within {StartTimeout.TotalSeconds} s. Its output:\n{output}", e);
        }

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]);

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }
    }

    /// <summary>node_modules/azurite at the repository root: walks up from the app and from the working directory.</summary>
    public static string FindAzuriteScript()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(script))
                {
                    return script;
                }
            }
        }

        throw new InvalidOperationException(
            "Azurite is not installed. Run `dotnet build` (it runs `npm ci` from package-lock.json) in the repository, or set ConnectionStrings:Storage to a storage account.");
    }

    /// <summary>The repository root: the folder holding node_modules/azurite.</summary>
    public static string RepositoryRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FindAzuriteScript())!, "..", "..", "..", ".."));

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
