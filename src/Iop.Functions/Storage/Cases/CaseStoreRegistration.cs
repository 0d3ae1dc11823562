using Azure.Data.Tables;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iop.Functions.Storage.Cases;

internal static class CaseStoreRegistration
{
    /// <summary>
    /// The case store on Azure Tables (table <c>Storage:CasesTable</c>, default <c>cases</c>) and its signal to the
    /// dispatcher (queue <c>Storage:OutboxQueue</c>, default <c>outbox</c>), on the account of <c>ConnectionStrings:Storage</c>
    /// (development storage when absent). Storage clients registered before are reused; calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddTableCaseStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        var connectionString = StorageClients.ConnectionString(configuration);
        services.TryAddSingleton(_ => new TableServiceClient(connectionString));
        services.TryAddSingleton(_ => new QueueServiceClient(connectionString));
        services.TryAddSingleton<QueueOutboxSignal>();
        services.TryAddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<QueueOutboxSignal>());
        services.AddPolicyProfile(configuration);
        services.TryAddSingleton<TableCaseStore>();
        services.TryAddSingleton<ICaseStore>(sp => sp.GetRequiredService<TableCaseStore>());
        services.TryAddSingleton<CaseOverviews>();
        return services;
    }
}
