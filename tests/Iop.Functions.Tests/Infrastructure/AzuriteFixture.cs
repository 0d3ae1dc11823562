using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Iop.Functions.Storage.Azurite;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>One in-memory Azurite on free ports for the test run; tests use the real Azure SDK against it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public TableServiceClient Tables() => new(ConnectionString);

    public BlobServiceClient Blobs() => new(ConnectionString);

    public QueueServiceClient Queues() => new(ConnectionString);

    /// <summary>A name no other test uses, valid for tables, queues and containers (letters and digits, starting with a letter).</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 32, 63)];

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartInMemoryAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition("Azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
