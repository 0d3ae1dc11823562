using System.Net.Sockets;

namespace Iop.Functions.Storage.Azurite;

/// <summary>
/// For <c>dotnet run</c>: when the app uses development storage and no Azurite answers on 127.0.0.1:10002,
/// starts one with its data in <c>.azurite/</c> at the repository root (so cases survive a restart) and stops it with the app.
/// </summary>
internal sealed class LocalAzurite(ILogger<LocalAzurite> logger) : IHostedService, IAsyncDisposable
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private AzuriteProcess? _azurite;

    public static bool ShouldStart(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment()
        && configuration.GetValue("Storage:StartAzurite", true)
        && string.Equals(configuration.GetConnectionString("Storage") ?? DevelopmentStorage, DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await IsListeningAsync(10002, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Using the Azurite already listening on 127.0.0.1:10002.");
            return;
        }

        var folder = Path.Combine(AzuriteProcess.RepositoryRoot(), ".azurite");
        _azurite = await AzuriteProcess.StartOnDiskAsync(folder, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Started Azurite with its data in {Folder}.", folder);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
            _azurite = null;
        }
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
