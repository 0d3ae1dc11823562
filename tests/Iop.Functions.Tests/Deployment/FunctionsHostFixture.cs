using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Deployment;

/// <summary>
/// Acts as the Azure Functions host: reads <c>host.json</c> of the published package, starts the executable it names
/// from the package root with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set, polls <c>GET /</c> until the app answers (the
/// host allows 60 seconds), then invokes functions as the host does. Storage is an Azurite of its own, and the cases
/// the tests make live in tables and queues shared with the app (<see cref="Cases"/>).
/// </summary>
public sealed class FunctionsHostFixture : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private Process? _app;

    public PublishedFunctionApp Package { get; } = new();

    public AzuriteFixture Azurite { get; } = new();

    internal TestCases Cases { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the app wrote to stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Package.InitializeAsync(), Azurite.InitializeAsync());

        // Cases begin 19 days ago, so the first vetting reminder (18 days in) is due by the real clock the app runs on.
        Cases = new TestCases(Azurite, TimeProvider.System.GetUtcNow().AddDays(-19));

        var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Package.Root, "host.json")))!;
        var executable = Path.Combine(Package.Root, hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Package.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var storage = Cases.Options.Value;
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Storage"] = Azurite.ConnectionString,
            ["Storage__StartAzurite"] = "false",
            ["Storage__CasesTable"] = storage.CasesTable,
            ["Storage__RegistryTable"] = storage.RegistryTable,
            ["Storage__LocalOutboxTable"] = storage.LocalOutboxTable,
            ["Storage__OutboxQueue"] = storage.OutboxQueue,
            ["Storage__TimersQueue"] = storage.TimersQueue,
            ["Storage__DocumentsContainer"] = storage.DocumentsContainer,
            ["Portal__SigningKey"] = TestCases.Portal.Value.SigningKey,
            ["Iop__PublicBaseUrl"] = "https://iop.mora.example",
            ["Telemetry__Console"] = "false",
        })
        {
            start.Environment[key] = value;
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        _app = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _app.OutputDataReceived += (_, e) => Append(e.Data);
        _app.ErrorDataReceived += (_, e) => Append(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilReadyAsync();
    }

    /// <summary>As the host: any HTTP answer to <c>GET /</c> means ready; a refused connection means not yet.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_app!.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_app.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/");
                return;
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"The app did not answer GET / within 60 seconds:\n{Output}");
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        _app?.Dispose();
        await Azurite.DisposeAsync();
        await Package.DisposeAsync();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition("FunctionsHost")]
public sealed class FunctionsHostCollection : ICollectionFixture<FunctionsHostFixture>;
