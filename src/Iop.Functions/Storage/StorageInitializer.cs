using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage;

/// <summary>Creates the app's tables and queues at start-up, so the relay's first sweep finds them.</summary>
internal sealed class StorageInitializer(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var names = options.Value;
        foreach (var table in new[] { names.CasesTable, names.RegistryTable, names.LocalOutboxTable })
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in new[] { names.OutboxQueue })
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        // Private: documents are read through the app, never by a public URL.
        await blobs.GetBlobContainerClient(names.DocumentsContainer).CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
