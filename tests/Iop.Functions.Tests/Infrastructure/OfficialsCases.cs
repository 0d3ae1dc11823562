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
        var id = await VettedAsync(app);
        var service = app.Services.GetRequiredService<CaseService>();
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        await Accept(service, id, new ConfirmScope(organisations.Select(o => directory.Find(o)!).ToValueList(), VettingCases.Coordinator));
        return id;
    }

    /// <summary>A case whose vetting is complete: it waits for scoping.</summary>
    public static async Task<CaseId> VettedAsync(IopAppFactory app, string organisation = "Föreningen Navet")
    {
        var (id, _, tokenId) = await VettingCases.StartAsync(app, organisation);
        var service = app.Services.GetRequiredService<CaseService>();
        var initiator = new Actor("karin.ek@navet.example", "Karin Ek", ActorRole.Initiator);
        foreach (var document in service.Policy.Documents)
        {
            var file = new UploadedFile(Guid.NewGuid().ToString("N"), "stadgar.pdf", "application/pdf", 2048, new string('a', 64), app.Time.GetUtcNow());
            await Accept(service, id, new UploadDocument(document.Id, [file], UploadLimits.Default, tokenId, initiator));
            await Accept(service, id, new ReviewDocument(document.Id, Accept: true, null, null, VettingCases.Coordinator));
        }

        if (service.Policy.Declaration is { } declaration)
        {
            await Accept(service, id, new SignDeclaration("Karin Ek", "Ordförande", organisation, true, declaration.Version, tokenId, initiator));
        }

        return id;
    }

    /// <summary>
    /// A case scoped to Socialnämnden with staffing confirmed, both meetings held, its position reported, the procurement
    /// opinion given and the agreement's terms set, sent to the committee: its secretary has been asked for the decision.
    /// </summary>
    public static async Task<CaseId> AtCommitteeDecisionAsync(IopAppFactory app, string organisation = "Föreningen Navet", PartnershipTerm? term = null)
    {
        var id = await AtAgreementDraftingAsync(app, organisation, term);
        var service = app.Services.GetRequiredService<CaseService>();
        foreach (var section in (await LoadAsync(app, id)).State.File.Agreement!.Sections.Where(s => s.AwaitsText))
        {
            await Accept(service, id, new Iop.Agreements.EditAgreementSection(section.Id, "Parterna har skrivit avsnittet tillsammans.", VettingCases.Coordinator));
        }

        await Accept(service, id, new SubmitAgreementForDecision(VettingCases.Coordinator));
        return id;
    }

    /// <summary>
    /// A case scoped to Socialnämnden with staffing confirmed, both meetings held, its position reported, the procurement
    /// opinion given and the agreement's terms set: the agreement is being drafted.
    /// </summary>
    public static async Task<CaseId> AtAgreementDraftingAsync(IopAppFactory app, string organisation = "Föreningen Navet", PartnershipTerm? term = null)
    {
        var id = await VettedAsync(app, organisation);
        var service = app.Services.GetRequiredService<CaseService>();
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var coordinator = VettingCases.Coordinator;
        var system = Actor.System;
        var social = directory.Find("socialnamnden")!;
        await Accept(service, id, new ConfirmScope(ValueList.Of(social), coordinator));
        await Accept(service, id, new AnswerRequest($"staffing-{social.Id}", 1, new StaffingAnswer(true, ValueList.Of(social.Contact), null), social.Head, system));
        foreach (var kind in new[] { Meetings.MeetingKind.StakeholderMeeting, Meetings.MeetingKind.FollowUpMeeting })
        {
            var start = app.Time.GetUtcNow().AddHours(1);
            await Accept(service, id, new Meetings.ScheduleMeeting(kind, start, start.AddHours(1), "Stadshuset", false, ValueList.Of(social.Contact), coordinator));
            app.Time.Advance(TimeSpan.FromHours(2));
            var meeting = (await LoadAsync(app, id)).State.File.Meetings[^1];
            await Accept(service, id, new Meetings.RecordMeetingHeld(meeting.Id, null, coordinator));
            if (kind == Meetings.MeetingKind.StakeholderMeeting)
            {
                await Accept(service, id, new AnswerRequest($"position-{social.Id}", 1, new PositionAnswer(Position.Supports, "Ja."), social.Contact, system));
            }
        }

        if (service.Policy.Checklist.Any(c => c.RequiresProcurementOpinion))
        {
            await Accept(service, id, new RequestProcurementOpinion(directory.Procurement, coordinator));
            var procurement = (await LoadAsync(app, id)).State.File.Requests.Last(r => r.Kind == RequestKind.ProcurementOpinion);
            await Accept(service, id, new AnswerRequest(procurement.Id, 1, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null), directory.Procurement, system));
        }

        await Accept(service, id, new Iop.Agreements.SetAgreementTerms(term is null ? Terms : Terms with { Term = term }, coordinator));
        return id;
    }

    /// <summary>A partnership approved by Socialnämnden and signed by both parties; the organisation consents or not to the register showing its contact.</summary>
    public static async Task<CaseId> ActiveAsync(IopAppFactory app, string organisation = "Föreningen Navet", bool publishContact = false, PartnershipTerm? term = null)
    {
        var id = await AtCommitteeDecisionAsync(app, organisation, term);
        var service = app.Services.GetRequiredService<CaseService>();
        var decision = (await LoadAsync(app, id)).State.File.Requests.Single(r => r.Kind == RequestKind.CommitteeDecision && r.IsOpen);
        var today = DateOnly.FromDateTime(Common.SwedishClock.ToLocal(app.Services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
        await Accept(service, id, new AnswerRequest(decision.Id, 1, new CommitteeDecision(true, today, "§ 19", null), decision.Addressee, Actor.System));
        await Accept(service, id, new Iop.Agreements.RecordSignature(Iop.Agreements.Party.Municipality, "Anna Ordförande", "Kommunstyrelsens ordförande", today, VettingCases.Coordinator));
        await Accept(service, id, new Iop.Agreements.RecordSignature(Iop.Agreements.Party.Organisation, "Karin Ek", "Ordförande", today, VettingCases.Coordinator, publishContact));
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
