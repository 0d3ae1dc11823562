using System.Text.Json;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Portal;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Screening;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// A case in vetting whose snapshot row is about a kilobyte short of Azure Tables' 1 MiB entity limit, built from the
/// longest texts the rules allow (written with characters the storage JSON escapes to six), so that one more file
/// passes the limit without uploading the 1,500 files it took in the hostile run.
/// </summary>
public abstract partial class CorpusWorld
{
    /// <summary>How far below the limit the snapshot is left: less than one more file's record takes.</summary>
    private const int Headroom = 700;

    private const int MaxEntityBytes = 1024 * 1024;

    private const int MaxText = CaseRules.MaxTextLength;

    private async Task<(CaseId Id, string Token)> NearTheRowLimitAsync()
    {
        var service = Service;
        var coordinator = VettingCases.Coordinator;
        var id = CaseId.New();
        var heavy = new string('&', Intake.InitiativeForm.MaxLongText);
        Assert.IsType<Accepted>(await service.SubmitAsync(id, TestCases.Initiative(challenge: heavy, idea: heavy), CancellationToken.None));
        var notes = service.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, new string('&', MaxText))).ToValueList();
        await OfficialsCases.Accept(service, id, new CompleteScreening(notes, ScreeningOutcome.Continue, null, Alternative.None, coordinator));
        var tokenId = PortalTokens.NewTokenId();
        var expires = App.Time.GetUtcNow().AddDays(90);
        await OfficialsCases.Accept(service, id, new StartPartnerVetting(tokenId, expires, coordinator));

        var initiator = new Actor("karin.ek@navet.example", "Karin Ek", ActorRole.Initiator);
        var optional = service.Policy.Documents.Where(d => d.MayNotExist).Select(d => d.Id).ToList();
        var padding = optional.Select(d => (Func<string, CaseCommand>)(text => new MarkDocumentNotExisting(d, text, tokenId, initiator)))
            .Concat(optional.Select(d => (Func<string, CaseCommand>)(text => new ReviewDocument(d, Accept: false, text, null, coordinator))));
        foreach (var command in padding)
        {
            var length = await PaddingLengthAsync(id, command);
            await OfficialsCases.Accept(service, id, command(new string('&', Math.Min(length, MaxText))));
            if (length <= MaxText)
            {
                return (id, Tokens.Create(id, tokenId, expires));
            }
        }

        throw new InvalidOperationException("The padding commands ran out before the snapshot neared the row limit.");
    }

    /// <summary>The length of text that, given to <paramref name="command"/>, leaves the snapshot <see cref="Headroom"/> bytes short of the limit.</summary>
    private async Task<int> PaddingLengthAsync(CaseId id, Func<string, CaseCommand> command)
    {
        var stored = (await Store.LoadAsync(id, CancellationToken.None))!;
        var now = await SnapshotBytesAsync(id);
        var current = StateJson(stored.State).Length;
        var decided = CaseDecider.Decide(stored.State, command("&"), new DecisionContext(App.Time.GetUtcNow(), Service.Policy));
        Assert.False(decided.IsRejected, decided.Error?.Message);
        var withOne = StateJson(decided.Events.Aggregate((CaseState)stored.State, CaseDecider.Evolve)).Length;

        // Each further '&' is six JSON characters, twelve bytes of UTF-16 (a new 30,000-character column's name is lost in the headroom).
        var room = MaxEntityBytes - Headroom - now - (2L * (withOne - current));
        var length = 1 + (int)(room / 12);
        Assert.True(length >= 1, $"The snapshot of the heavy case is already {now:N0} bytes.");
        return length;
    }

    private static string StateJson(CaseState state) => JsonSerializer.Serialize<CaseState>(state, StorageJson.Options);

    /// <summary>The snapshot row's size as the store's transaction check counts it (text as UTF-16).</summary>
    public async Task<long> SnapshotBytesAsync(CaseId id)
    {
        var table = App.Services.GetRequiredService<TableServiceClient>().GetTableClient(App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.CasesTable);
        var row = (await table.GetEntityAsync<TableEntity>(CaseRows.Partition(id), CaseRows.Snapshot)).Value;
        row.Remove("odata.etag");
        row.Remove("Timestamp");
        return TransactionLimits.EntityBytes(row);
    }
}
