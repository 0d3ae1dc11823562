using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Iop.Functions.Storage.Azurite;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>
/// The built app as a process of its own (<c>dotnet Iop.Functions.dll</c>, the same build configuration as the tests),
/// in the Development environment on the test run's Azurite, so a test can kill it with SIGKILL and start it again.
/// Settings are passed as environment variables (<c>Workflow__TaskHub</c> for <c>Workflow:TaskHub</c>).
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the app's pages and API answer.</summary>
    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Settings for an app on tables, queue, container and task hub of its own, named as
    /// <see cref="IopAppFactory.WithOwnStorage"/> and <see cref="TestCases"/> name them for the same suffix.
    /// </summary>
    public static Dictionary<string, string> OwnStorage(AzuriteFixture azurite, string suffix) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings:Storage"] = azurite.ConnectionString,
        ["Storage:StartAzurite"] = "false",
        ["Storage:CasesTable"] = "cases" + suffix,
        ["Storage:RegistryTable"] = "registry" + suffix,
        ["Storage:LocalOutboxTable"] = "devoutbox" + suffix,
        ["Storage:OutboxQueue"] = "outbox" + suffix,
        ["Storage:DocumentsContainer"] = "documents" + suffix,
        ["Workflow:TaskHub"] = "iop" + suffix,
        ["Iop:PublicBaseUrl"] = "http://localhost",
        ["Portal:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>The app's entry assembly in <c>src/Iop.Functions/bin/{configuration}/{framework}</c>, built with the tests.</summary>
    public static string EntryAssembly()
    {
        // The test assembly lives in tests/Iop.Functions.Tests/bin/{configuration}/{framework}/: the app's output is its twin.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var path = Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "Iop.Functions", "bin", configuration, framework, "Iop.Functions.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The app's build output is missing; build src/Iop.Functions -c {configuration} first.", path);
    }

    /// <summary>Starts the app and waits until it answers HTTP.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int startSeconds = 60)
    {
        var entry = EntryAssembly();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(entry)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(entry);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Telemetry__Console"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(startSeconds);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>kill -9: the process and its children end at once, in the middle of whatever they were doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>The last lines the app wrote, for a failing test's message.</summary>
    public string Output() => string.Join(Environment.NewLine, _output);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(int seconds)
    {
        using var http = Client();
        http.Timeout = TimeSpan.FromSeconds(5);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} while starting:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/initiatives/policy", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"The app did not answer within {seconds} s:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
