using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class CaseStoreRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_registered_store_writes_to_the_configured_account_and_table()
    {
        var table = AzuriteFixture.UniqueName("configured");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = azurite.ConnectionString,
            ["Storage:CasesTable"] = table,
            ["Storage:OutboxQueue"] = AzuriteFixture.UniqueName("outbox"),
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddTableCaseStore(configuration).AddTableCaseStore(configuration).BuildServiceProvider();
        var cases = new CaseService(services.GetRequiredService<ICaseStore>(), new TestCases(azurite).Numbers, TestCases.Policies, TimeProvider.System);
        var id = CaseId.New();

        await cases.SubmitAsync(id, TestCases.Initiative(), CancellationToken.None);

        Assert.Single(services.GetServices<ICaseStore>());
        Assert.True((await azurite.Tables().GetTableClient(table).GetEntityIfExistsAsync<TableEntity>(id.ToString(), "snapshot")).HasValue);
    }

    [Fact]
    public void Storage_clients_registered_before_are_reused()
    {
        var tables = azurite.Tables();
        var configuration = new ConfigurationBuilder().Build();

        using var services = new ServiceCollection().AddSingleton(tables).AddLogging().AddTableCaseStore(configuration).BuildServiceProvider();

        Assert.Same(tables, services.GetRequiredService<TableServiceClient>());
    }
}
