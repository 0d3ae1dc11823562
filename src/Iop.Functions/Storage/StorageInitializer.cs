using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage;

/// <summary>Creates the app's tables and queues at start-up, so the dispatcher's first sweep finds them.</summary>
internal sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = options.Value;
        foreach (var table in new[] { names.CasesTable, names.RegistryTable, names.LocalOutboxTable })
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
        }

        await queues.GetQueueClient(names.OutboxQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
