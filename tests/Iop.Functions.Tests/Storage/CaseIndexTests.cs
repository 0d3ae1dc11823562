using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Screening;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iop.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class CaseIndexTests(AzuriteFixture azurite)
{
    private readonly TestCases _cases = new(azurite);

    private static RecordAssessments Assessed() =>
        new(ValueList.Of(new CriterionAssessment(TestCases.Policy.Checklist[0].Id, Assessment.Met, "")), TestCases.Coordinator);

    private TableCaseStore FreshStore() => new(_cases.Tables, _cases.Options, _cases.Signal, TestCases.Policies, NullLogger<TableCaseStore>.Instance);

    private async Task<Dictionary<string, int>> IndexedVersionsAsync()
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in _cases.IndexTable.QueryAsync<TableEntity>())
        {
            versions[row.RowKey] = row.GetInt32("Version")!.Value;
        }

        return versions;
    }

    [Fact]
    public async Task Each_command_brings_the_cases_index_row_to_its_version_with_the_search_fields_and_whom_it_waits_on()
    {
        var id = await _cases.SubmitAsync();
        Assert.IsType<Accepted>(await _cases.Service.HandleAsync(id, Assessed(), 1, CancellationToken.None));

        var summary = Assert.Single(await _cases.Store.ListAsync(null, CancellationToken.None));

        Assert.Equal(2, (await IndexedVersionsAsync())[id.ToString()]);
        Assert.Equal((id, Stage.Screening, 2), (summary.Id, summary.Stage, summary.Version));
        Assert.Equal(("802012-3454", "Karin Ek", "karin.ek@navet.example"), (summary.OrganisationNumber, summary.ContactName, summary.ContactEmail));
        var awaited = Assert.Single(summary.WaitingOn);
        Assert.Equal(PartyKind.Coordinator, awaited.Kind);
        Assert.Equal(summary.DueAt, awaited.DueAt);
    }

    [Fact]
    public async Task A_process_that_has_listed_before_sees_what_another_process_changed_since()
    {
        var id = await _cases.SubmitAsync();
        var other = FreshStore();
        Assert.Equal(Stage.Received, Assert.Single(await other.ListAsync(null, CancellationToken.None)).Stage);

        Assert.IsType<Accepted>(await _cases.Service.HandleAsync(id, Assessed(), 1, CancellationToken.None));
        var added = await _cases.SubmitAsync(TestCases.Initiative("Idrottsklubben Älven"));
        var listed = await other.ListAsync(null, CancellationToken.None);

        Assert.Equal(2, listed.Count);
        Assert.Equal(Stage.Screening, listed.Single(c => c.Id == id).Stage);
        Assert.Equal("Idrottsklubben Älven", listed.Single(c => c.Id == added).OrganisationName);
    }

    [Fact]
    public async Task A_row_from_an_earlier_version_never_replaces_a_later_one()
    {
        var id = await _cases.SubmitAsync();
        var first = Assert.Single(await _cases.Store.ListAsync(null, CancellationToken.None));
        Assert.IsType<Accepted>(await _cases.Service.HandleAsync(id, Assessed(), 1, CancellationToken.None));

        // The first command's index write arriving late, as when two requests finish in the other order.
        await new CaseIndex(_cases.Tables, _cases.Options).WriteAsync(first, CancellationToken.None);

        Assert.Equal(Stage.Screening, Assert.Single(await _cases.Store.ListAsync(null, CancellationToken.None)).Stage);
    }

    [Fact]
    public async Task The_first_listing_builds_the_index_from_cases_stored_before_it_and_the_reconciler_repairs_a_lagging_row()
    {
        var a = await _cases.SubmitAsync();
        var b = await _cases.SubmitAsync(TestCases.Initiative("Idrottsklubben Älven"));
        Assert.IsType<Accepted>(await _cases.Service.HandleAsync(b, Assessed(), 1, CancellationToken.None));

        // As stored by a version without the index: no rows at all. Then a row a stopped process left behind.
        await _cases.IndexTable.DeleteAsync();
        var fresh = FreshStore();
        var listed = await fresh.ListAsync(null, CancellationToken.None);
        Assert.Equal(new[] { a.ToString(), b.ToString() }.Order(StringComparer.Ordinal), listed.Select(c => c.Id.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal("Idrottsklubben Älven", listed.Single(c => c.Id == b).OrganisationName);

        await _cases.IndexTable.UpdateEntityAsync(new TableEntity("case", b.ToString()) { ["Version"] = 1, ["Stage"] = nameof(Stage.Received) }, Azure.ETag.All, TableUpdateMode.Merge);
        var written = await fresh.ReconcileIndexAsync(CancellationToken.None);

        Assert.Equal(1, written);
        Assert.Equal(new Dictionary<string, int> { [a.ToString()] = 1, [b.ToString()] = 2 }, await IndexedVersionsAsync());
        Assert.Equal(Stage.Screening, (await fresh.ListAsync(Stage.Screening, CancellationToken.None)).Single().Stage);
        Assert.Equal(0, await fresh.ReconcileIndexAsync(CancellationToken.None));
    }
}
