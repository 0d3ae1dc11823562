using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Iop.Functions.Storage.Azurite;

namespace Iop.Functions.Storage;

/// <summary>
/// The storage account the app uses: a connection string (<c>ConnectionStrings:Storage</c>; Azurite locally), or in Azure
/// the account name (<c>Storage:AccountName</c>) reached with the app's managed identity, since shared keys are disabled there.
/// </summary>
internal sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues, BlobServiceClient Blobs)
{
    public static StorageClients From(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Storage");
        var accountName = configuration["Storage:AccountName"];
        if (string.IsNullOrEmpty(connectionString) && !string.IsNullOrEmpty(accountName))
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] });
            return new StorageClients(
                new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential),
                new QueueServiceClient(new Uri($"https://{accountName}.queue.core.windows.net"), credential),
                new BlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"), credential));
        }

        var connection = ConnectionString(configuration);
        return new StorageClients(new TableServiceClient(connection), new QueueServiceClient(connection), new BlobServiceClient(connection));
    }

    /// <summary>The configured connection string, or development storage (Azurite) when none is set.</summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Storage") is { Length: > 0 } configured ? configured : LocalAzurite.DevelopmentStorage;
}
