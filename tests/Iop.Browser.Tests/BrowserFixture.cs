using Iop.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Iop.Browser.Tests;

/// <summary>
/// The app on a real Kestrel port, on the test run's Azurite, and Debian's headless Chromium driven by Playwright.
/// Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;

    public IopAppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A second app on the same Azurite, started under Stockholm's guideline (<c>Iop:PolicyProfile=stockholm-2017</c>).</summary>
    public IopAppFactory Stockholm { get; private set; } = null!;

    public Uri StockholmAddress { get; private set; } = null!;

    /// <summary>A third app with its own storage and clock, for a partnership's life over months.</summary>
    public IopAppFactory Life { get; private set; } = null!;

    public Uri LifeAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        (App, BaseAddress) = Start(new IopAppFactory(_azurite.ConnectionString));
        (Stockholm, StockholmAddress) = Start(new IopAppFactory(_azurite.ConnectionString).WithOwnStorage("sthlm").WithSetting("Iop:PolicyProfile", "stockholm-2017"));
        (Life, LifeAddress) = Start(new IopAppFactory(_azurite.ConnectionString).WithOwnStorage("life"));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static (IopAppFactory App, Uri Address) Start(IopAppFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return (app, new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Life.DisposeAsync();
        await Stockholm.DisposeAsync();
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition("Browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
