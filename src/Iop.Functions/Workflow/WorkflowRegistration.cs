using Grpc.Net.Client;
using Iop.Functions.Storage;
using Iop.Functions.Workflow.Activities;
using Iop.Functions.Workflow.Local;
using Iop.Functions.Workflow.Relay;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;

namespace Iop.Functions.Workflow;

internal static class WorkflowRegistration
{
    /// <summary>Every orchestrator and activity, registered by its class name; the Functions worker has one wrapper per class.</summary>
    public static void AddWorkflowTasks(this DurableTaskRegistry tasks, string version = WorkflowVersion.Current)
    {
        tasks.AddOrchestrator(nameof(CaseLifecycle), () => new CaseLifecycle(version));
        tasks.AddOrchestrator(nameof(AwaitAnswer), () => new AwaitAnswer(version));
        tasks.AddActivity<SendMail>();
        tasks.AddActivity<SendNotice>();
        tasks.AddActivity<SendCalendarInvitation>();
        tasks.AddActivity<RecordCalendarEventId>();
        tasks.AddActivity<RecordDeliveryFailure>();
        tasks.AddActivity<PlanWait>();
        tasks.AddActivity<RecordReminder>();
        tasks.AddActivity<RecordWorkflowFailure>();
    }

    /// <summary>What the workflow writes on the case and the case page reads, in every role.</summary>
    public static IServiceCollection AddWorkflowRecords(this IServiceCollection services)
    {
        services.AddSingleton<WaitRows>();
        services.AddSingleton<WorkflowFailures>();
        return services;
    }

    /// <summary>What the activities and the relay need, in every role that runs the workflow.</summary>
    public static IServiceCollection AddWorkflowServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section));
        services.AddSingleton<WorkflowClock>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxRelay>();
        return services;
    }

    /// <summary>
    /// The whole workflow in this process (a local run, the tests): the durable backend on Azurite, the Durable Task
    /// worker and client over gRPC to it, and the relay as a hosted poller. Registered after storage, so Azurite is up first.
    /// </summary>
    public static IServiceCollection AddLocalWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkflowServices(configuration);
        var endpoint = new LocalDurableEndpoint(configuration.GetValue($"{WorkflowOptions.Section}:{nameof(WorkflowOptions.LocalPort)}", 0));
        var connectionString = StorageClients.ConnectionString(configuration);
        services.AddSingleton(endpoint);
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<LocalDurableBackend>(sp, connectionString));

        var channel = GrpcChannel.ForAddress(endpoint.Address);
        services.AddSingleton(channel);
        var version = configuration.GetValue($"{WorkflowOptions.Section}:{nameof(WorkflowOptions.Version)}", WorkflowVersion.Current)!;
        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks => tasks.AddWorkflowTasks(version));
            worker.UseGrpc(channel);
            worker.UseVersioning(new DurableTaskWorkerOptions.VersioningOptions
            {
                Version = version,
                DefaultVersion = version,
                MatchStrategy = DurableTaskWorkerOptions.VersionMatchStrategy.CurrentOrOlder,
                FailureStrategy = DurableTaskWorkerOptions.VersionFailureStrategy.Reject,
            });
        });
        services.AddDurableTaskClient(client => client.UseGrpc(channel));
        services.AddHostedService<RelayHostedService>();
        return services;
    }
}
