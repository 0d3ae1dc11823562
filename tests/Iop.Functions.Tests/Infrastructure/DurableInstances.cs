using Azure.Data.Tables;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>
/// The task hub's instance table as the Azure Storage provider keeps it (<c>{hub}Instances</c>, one row per instance):
/// the orchestration version an instance's current execution runs under, which <c>DurableTaskClient</c> does not show.
/// </summary>
internal sealed class DurableInstances(AzuriteFixture azurite, string taskHub)
{
    private readonly TableClient _table = azurite.Tables().GetTableClient($"{taskHub}Instances");

    /// <summary>The version of the instance's current execution, or null when there is no such instance.</summary>
    public async Task<string?> VersionAsync(string instanceId)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, "");
        return row.HasValue ? row.Value!.GetString("Version") : null;
    }
}
