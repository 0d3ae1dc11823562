using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Workflow.Local;

/// <summary>
/// The durable backend of a local run: Durable Task's gRPC sidecar (<see cref="TaskHubGrpcServer"/>) over the Azure
/// Storage provider that Durable Functions uses in Azure, on the Azurite the app already runs. State lives in storage,
/// so orchestrations, timers and activities survive a restart (or kill -9). In Azure the Functions host is this backend.
/// A limit of the sidecar (InProcessTestHost 0.2.3) to know of: a work item the worker abandons, or loses to a
/// disconnect, is never failed or handed out again, so its orchestration waits until the app restarts.
/// </summary>
internal sealed class LocalDurableBackend(IOptions<WorkflowOptions> options, LocalDurableEndpoint endpoint, string connectionString, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    /// <summary>How long stopping waits for the provider to let go of its lease and queues.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private WebApplication? _sidecar;
    private SidecarCompatibleService? _service;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var storage = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = settings.TaskHub,
            PartitionCount = 1,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            WorkItemQueueVisibilityTimeout = settings.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = settings.WorkItemVisibilityTimeout,
            LoggerFactory = loggers,

            // The provider sends a start message before it records the instance, and drops the message after ten early
            // looks that found no record (about two seconds of back-off): on a busy machine a new case then never got its
            // lifecycle (seen as a case without reminders in the workflow benchmark). Starts here are deduplicated by
            // the relay (DedupeStatuses), so every start message runs.
            DisableExecutionStartedDeduplication = true,
        });
        var service = new SidecarCompatibleService(storage);
        _service = service;
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<ContinueAsNewCarryover>());
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        // The sidecar only sets off the provider's stop. Until it has stopped, the provider keeps its partition lease and
        // keeps taking the task hub's messages with no one to run them: an app started next on the same storage (a
        // restart) could not take over for as long, and every stopped app in a process went on polling storage.
        // Forced: what the stopped sidecar still had in hand will not complete, and an unforced stop would wait for it.
        if (_service is not null)
        {
            try
            {
                await _service.StopAsync(isForced: true).WaitAsync(StopTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                loggers.CreateLogger<LocalDurableBackend>().LogWarning("The local durable backend did not stop within {Seconds} s; the process may go on polling storage until it ends.", StopTimeout.TotalSeconds);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync().ConfigureAwait(false);
        }
    }
}
