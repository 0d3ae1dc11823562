using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>
/// The real app, in the Development environment unless told otherwise (development sign-in, local outbox), on the test run's Azurite.
/// Time is a <see cref="FakeTimeProvider"/> the test can move.
/// </summary>
public sealed class IopAppFactory(string storageConnectionString) : WebApplicationFactory<Program>
{
    static IopAppFactory()
    {
        // Each app's file providers (static files, appsettings) would take an inotify instance; Linux allows a user 128,
        // and a test run starts hundreds of apps, some of them at once. Polling watchers take none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A fresh key per app: a test's links are worthless to any other app.</summary>
    public string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A browser-like client with its own cookies; redirects followed unless asked not to.</summary>
    public PageClient Pages(bool followRedirects = true) =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects }));

    /// <summary>The same app with a small upload limit, so limit tests need not send 25 MB.</summary>
    public IopAppFactory WithMaxFileBytes(long bytes)
    {
        _maxFileBytes = bytes;
        return this;
    }

    private readonly Dictionary<string, string> _settings = [];

    /// <summary>The same app with a setting changed (e.g. a shorter retry for the workflow).</summary>
    public IopAppFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    private Action<IServiceCollection>? _services;

    private string _environment = "Development";

    /// <summary>The same app in another environment (e.g. Production: error pages without details, Entra ID sign-in).</summary>
    public IopAppFactory InEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>The same app with some services replaced (e.g. a Graph adapter over a local handler).</summary>
    public IopAppFactory WithServices(Action<IServiceCollection> services)
    {
        _services = services;
        return this;
    }

    /// <summary>This app's Durable Task hub.</summary>
    public string TaskHub { get; } = $"iop{Guid.NewGuid():N}"[..20];

    private string? _taskHub;

    private long? _maxFileBytes;
    private string? _storageSuffix;
    private TimeProvider? _clock;

    /// <summary>
    /// Tables, queues, container and task hub of its own (shared by apps given the same suffix, e.g. the same app before
    /// and after a restart), so no other app's services touch them.
    /// </summary>
    public IopAppFactory WithOwnStorage(string suffix)
    {
        _storageSuffix = suffix;
        _taskHub = $"iop{suffix}";
        return this;
    }

    /// <summary>Another clock than the fake one, e.g. a sped-up real clock for timers that must fire in real time.</summary>
    public IopAppFactory WithClock(TimeProvider clock)
    {
        _clock = clock;
        return this;
    }

    /// <summary>A one-committee directory for environments other than Development (which has Mora's sample directory).</summary>
    public static IReadOnlyList<(string Key, string Value)> SmallDirectory { get; } =
    [
        ("Organisations:Procurement:Name", "Upphandlingsenheten"), ("Organisations:Procurement:Email", "upphandling@kommun.example"),
        ("Organisations:Committees:0:Id", "socialnamnden"), ("Organisations:Committees:0:Name", "Socialnämnden"),
        ("Organisations:Committees:0:Head:Name", "Helena Holm"), ("Organisations:Committees:0:Head:Email", "helena.holm@kommun.example"),
        ("Organisations:Committees:0:Contact:Name", "Tomas Torn"), ("Organisations:Committees:0:Contact:Email", "tomas.torn@kommun.example"),
        ("Organisations:Committees:0:Secretary:Name", "Siv Sander"), ("Organisations:Committees:0:Secretary:Email", "siv.sander@kommun.example"),
    ];

    /// <summary>Uses <see cref="SmallDirectory"/>.</summary>
    public static void UseSmallDirectory(IWebHostBuilder builder)
    {
        foreach (var (key, value) in SmallDirectory)
        {
            builder.UseSetting(key, value);
        }
    }

    private CapturedLogs? _logs;

    /// <summary>The same app with the durable backend's and worker's log kept in <paramref name="logs"/> (information and up).</summary>
    public IopAppFactory WithCapturedLogs(CapturedLogs logs)
    {
        _logs = logs;
        foreach (var category in new[] { "DurableTask.Core", "Microsoft.DurableTask" })
        {
            _settings[$"Logging:LogLevel:{category}"] = "Information";
        }

        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:Storage", storageConnectionString);
        builder.UseSetting("Storage:StartAzurite", "false");
        builder.UseSetting("Iop:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Portal:SigningKey", SigningKey);

        // A task hub of its own: no other app's workflow worker takes this app's orchestrations.
        builder.UseSetting("Workflow:TaskHub", _taskHub ?? TaskHub);
        if (_maxFileBytes is { } max)
        {
            builder.UseSetting("Portal:MaxFileBytes", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (_storageSuffix is { } suffix)
        {
            foreach (var (key, name) in new[] { ("CasesTable", "cases"), ("CaseIndexTable", "caseindex"), ("RegistryTable", "registry"), ("LocalOutboxTable", "devoutbox"), ("OutboxQueue", "outbox"), ("DocumentsContainer", "documents") })
            {
                builder.UseSetting($"Storage:{key}", name + suffix);
            }
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_clock ?? Time);
            if (_logs is { } logs)
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            }

            _services?.Invoke(services);
        });
    }
}
