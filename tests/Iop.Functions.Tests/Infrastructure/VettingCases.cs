using Iop.Cases;
using Iop.Common;
using Iop.Functions.Portal;
using Iop.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>Takes a case through the app's own service to partner vetting and hands out its portal link.</summary>
public static class VettingCases
{
    public static readonly Actor Coordinator = new("saga@mora.example", "Saga Samordnare", ActorRole.Coordinator);

    public static Intake.Initiative Initiative(string organisation) => TestCases.Initiative(organisation);

    public static async Task<(CaseId Id, string Token, string TokenId)> StartAsync(IopAppFactory app, string organisation = "Föreningen Navet")
    {
        var service = app.Services.GetRequiredService<CaseService>();
        var id = CaseId.New();
        var initiative = TestCases.Initiative(organisation);
        Assert.IsType<Accepted>(await service.SubmitAsync(id, initiative, CancellationToken.None));
        var all = service.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();
        Assert.IsType<Accepted>(await service.HandleAsync(id, new CompleteScreening(all, ScreeningOutcome.Continue, null, Alternative.None, Coordinator), null, CancellationToken.None));
        var tokenId = PortalTokens.NewTokenId();
        var expires = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(90);
        Assert.IsType<Accepted>(await service.HandleAsync(id, new StartPartnerVetting(tokenId, expires, Coordinator), null, CancellationToken.None));
        var token = app.Services.GetRequiredService<PortalTokens>().Create(id, tokenId, expires);
        return (id, token, tokenId);
    }

    /// <summary>The smallest file each accepted type is recognised as.</summary>
    public static byte[] Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        new Random(size).NextBytes(bytes.AsSpan(16));
        return bytes;
    }
}
