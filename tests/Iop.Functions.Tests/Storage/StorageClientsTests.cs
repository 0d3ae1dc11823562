using Iop.Functions.Storage;
using Microsoft.Extensions.Configuration;

namespace Iop.Functions.Tests.Storage;

public sealed class StorageClientsTests
{
    private static StorageClients From(params (string Key, string Value)[] settings) =>
        StorageClients.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void In_Azure_the_account_is_reached_by_name_with_the_apps_identity_not_a_key()
    {
        var clients = From(("Storage:AccountName", "stiopprod"), ("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000001"));

        Assert.Equal("https://stiopprod.table.core.windows.net/", clients.Tables.Uri.ToString());
        Assert.Equal("https://stiopprod.queue.core.windows.net/", clients.Queues.Uri.ToString());
        Assert.Equal("https://stiopprod.blob.core.windows.net/", clients.Blobs.Uri.ToString());
    }

    [Fact]
    public void A_connection_string_wins_and_without_one_development_storage_is_used()
    {
        var configured = From(("ConnectionStrings:Storage", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1234/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1235/devstoreaccount1;BlobEndpoint=http://127.0.0.1:1236/devstoreaccount1;"), ("Storage:AccountName", "ignored"));
        var local = From();

        Assert.Equal(1234, configured.Tables.Uri.Port);
        Assert.Equal(10002, local.Tables.Uri.Port);
    }
}
