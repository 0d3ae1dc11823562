using Iop.Cases;
using Iop.Common;
using Iop.Functions.Portal;
using Iop.Officials;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>Cases brought to the stages where officials answer, through the real case service of an app.</summary>
public static class OfficialsCases
{
    /// <summary>A case past vetting, scoped to the given organisations of the app's directory; their heads have been asked.</summary>
    public static async Task<CaseId> ScopedAsync(IopAppFactory app, params string[] organisations)
    {
        var (id, _, tokenId) = await VettingCases.StartAsync(app);
        var service = app.Services.GetRequiredService<CaseService>();
        var initiator = new Actor("karin.ek@navet.example", "Karin Ek", ActorRole.Initiator);
        foreach (var document in service.Policy.Documents)
        {
            var file = new UploadedFile(Guid.NewGuid().ToString("N"), "stadgar.pdf", "application/pdf", 2048, new string('a', 64), app.Time.GetUtcNow());
            await Accept(service, id, new UploadDocument(document.Id, file, tokenId, initiator));
            await Accept(service, id, new ReviewDocument(document.Id, Accept: true, null, null, VettingCases.Coordinator));
        }

        await Accept(service, id, new SignDeclaration("Karin Ek", "Ordförande", "Föreningen Navet", true, service.Policy.Declaration.Version, tokenId, initiator));
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        await Accept(service, id, new ConfirmScope(organisations.Select(o => directory.Find(o)!).ToValueList(), VettingCases.Coordinator));
        return id;
    }

    /// <summary>Terms both parties finance, for a three-year term.</summary>
    public static readonly Iop.Agreements.AgreementTerms Terms = new(
        "Äldre som lever i ofrivillig ensamhet",
        "Kommunstyrelsens ordförande",
        "Ordförande",
        ValueList.Of(new Iop.Agreements.CoFinancing(Iop.Agreements.Party.Municipality, 2026, 553_200m, null), new Iop.Agreements.CoFinancing(Iop.Agreements.Party.Organisation, 2026, 0m, "Ideell tid")),
        new PartnershipTerm(new DateOnly(2026, 7, 1), new DateOnly(2029, 6, 30)));

    public static async Task Accept(CaseService service, CaseId id, CaseCommand command)
    {
        var result = await service.HandleAsync(id, command, null, CancellationToken.None);
        Assert.True(result is Accepted, $"{command.GetType().Name} was not accepted: {result}");
    }

    /// <summary>The answer link as the request's e-mail carries it.</summary>
    public static string Link(IopAppFactory app, CaseId id, string requestId, int issue = 1, DateTimeOffset? expires = null) =>
        "/svar/" + app.Services.GetRequiredService<PortalTokens>().CreateAnswerLink(id, requestId, issue, expires ?? app.Time.GetUtcNow().AddDays(60));

    public static async Task<StoredCase> LoadAsync(IopAppFactory app, CaseId id) =>
        (await app.Services.GetRequiredService<ICaseStore>().LoadAsync(id, CancellationToken.None))!;
}
