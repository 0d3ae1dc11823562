using System.Net;
using System.Net.Http.Headers;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Tests.Infrastructure;
using Iop.Meetings;
using Iop.Officials;
using Iop.Vetting;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.CaseFiles;

/// <summary>A case that has been through every stage, with the bytes that were uploaded for it.</summary>
/// <param name="Id">The case.</param>
/// <param name="Documents">The bytes the organisation uploaded, by document id.</param>
/// <param name="Extract">The bytes of the minutes' extract the secretary attached to the committee's decision.</param>
public sealed record CaseFileCase(CaseId Id, IReadOnlyDictionary<string, byte[]> Documents, byte[] Extract);

/// <summary>
/// A case taken to a signed partnership through the app: the documents uploaded through the organisation's portal and
/// the committee's decision with its extract through the secretary's answer page (so real blobs hold them), the rest
/// through the case service.
/// </summary>
public static class CaseFileCases
{
    /// <summary>With å, ä and ö, which must survive into the PDF.</summary>
    public const string Organisation = "Föreningen Gårdsänget i Öjebyn";

    public const string MeetingNotes = "Alla berörda var med. Tomas Persson håller i träffpunkterna på Östnor.";

    public static async Task<CaseFileCase> SignedPartnershipAsync(IopAppFactory app)
    {
        var (id, token, tokenId) = await VettingCases.StartAsync(app, Organisation);
        var service = app.Services.GetRequiredService<CaseService>();
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var coordinator = VettingCases.Coordinator;
        var initiator = new Actor("karin.ek@navet.example", "Karin Ek", ActorRole.Initiator);
        var portal = app.Pages(followRedirects: false);
        var documents = new Dictionary<string, byte[]>();
        foreach (var (document, i) in service.Policy.Documents.Select((d, i) => (d, i)))
        {
            var content = VettingCases.Pdf(3000 + (i * 1000));
            using var uploaded = await UploadAsync(portal, token, document.Id, content, $"{document.Id} årsmöte.pdf");
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
            documents[document.Id] = content;
            await OfficialsCases.Accept(service, id, new ReviewDocument(document.Id, Accept: true, null, null, coordinator));
        }

        await OfficialsCases.Accept(service, id, new SignDeclaration("Karin Ek", "Ordförande", Organisation, true, service.Policy.Declaration!.Version, tokenId, initiator));

        var social = directory.Find("socialnamnden")!;
        await OfficialsCases.Accept(service, id, new ConfirmScope(ValueList.Of(social), coordinator));
        await OfficialsCases.Accept(service, id, new AnswerRequest($"staffing-{social.Id}", 1, new StaffingAnswer(true, ValueList.Of(social.Contact), null), social.Head, Actor.System));
        foreach (var kind in new[] { MeetingKind.StakeholderMeeting, MeetingKind.FollowUpMeeting })
        {
            var start = app.Time.GetUtcNow().AddHours(1);
            await OfficialsCases.Accept(service, id, new ScheduleMeeting(kind, start, start.AddHours(1), "Stadshuset, sal Åsen", false, ValueList.Of(social.Contact), coordinator));
            app.Time.Advance(TimeSpan.FromHours(2));
            var meeting = (await OfficialsCases.LoadAsync(app, id)).State.File.Meetings[^1];
            await OfficialsCases.Accept(service, id, new RecordMeetingHeld(meeting.Id, MeetingNotes, coordinator));
            if (kind == MeetingKind.StakeholderMeeting)
            {
                await OfficialsCases.Accept(service, id, new AnswerRequest($"position-{social.Id}", 1, new PositionAnswer(Position.SupportsWithConditions, "Ja, om verksamheten når äldre på landsbygden."), social.Contact, Actor.System));
            }
        }

        await OfficialsCases.Accept(service, id, new RequestProcurementOpinion(directory.Procurement, coordinator));
        var procurement = (await OfficialsCases.LoadAsync(app, id)).State.File.Requests.Last(r => r.Kind == RequestKind.ProcurementOpinion);
        await OfficialsCases.Accept(service, id, new AnswerRequest(procurement.Id, 1, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad finns för träffpunkter av det här slaget.", null), directory.Procurement, Actor.System));
        await OfficialsCases.Accept(service, id, new SetAgreementTerms(OfficialsCases.Terms, coordinator));
        foreach (var section in (await OfficialsCases.LoadAsync(app, id)).State.File.Agreement!.Sections.Where(s => s.AwaitsText))
        {
            await OfficialsCases.Accept(service, id, new EditAgreementSection(section.Id, $"Parterna har skrivit avsnittet {section.Id} tillsammans.", coordinator));
        }

        await OfficialsCases.Accept(service, id, new SubmitAgreementForDecision(coordinator));
        var extract = VettingCases.Pdf(5000);
        await DecideAsync(app, id, extract);
        var today = SwedishTime.Today(app.Time.GetUtcNow());
        await OfficialsCases.Accept(service, id, new RecordSignature(Party.Municipality, "Anna Ordförande", "Kommunstyrelsens ordförande", today, coordinator));
        await OfficialsCases.Accept(service, id, new RecordSignature(Party.Organisation, "Karin Ek", "Ordförande", today, coordinator));
        Assert.IsType<ActivePartnership>((await OfficialsCases.LoadAsync(app, id)).State);

        // The workflow records an invitation's calendar id after the fact (or skips it, when the meeting was held before
        // the invitation went out): wait until the history has stood still for three seconds, so the timeline is final.
        await Eventually.UntilHistoryStandsStillAsync(app.Services.GetRequiredService<ICaseStore>(), id);

        return new CaseFileCase(id, documents, extract);
    }

    /// <summary>The committee's secretary approves through the answer page, attaching the extract of the minutes.</summary>
    private static async Task DecideAsync(IopAppFactory app, CaseId id, byte[] extract)
    {
        var link = OfficialsCases.Link(app, id, "decision-1-socialnamnden");
        var secretary = app.Pages();
        await secretary.SignInAsCoordinatorAsync("Lena Åberg, nämndsekreterare", "lena.aberg@mora.example");
        var token = PageClient.AntiforgeryToken(await secretary.GetStringAsync(link));
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in new[] { ("Form.Choice", "yes"), ("Form.MeetingDate", "2026-02-26"), ("Form.Paragraph", "§ 19"), ("__RequestVerificationToken", token) })
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(extract);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "attachment", "protokollsutdrag § 19.pdf");
        using var response = await secretary.Http.PostAsync(new Uri(link + "/Answer", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OfficialRequestStatus.Answered, (await OfficialsCases.LoadAsync(app, id)).State.File.Requests.Single(r => r.Id == "decision-1-socialnamnden").Status);
    }

    private static async Task<HttpResponseMessage> UploadAsync(PageClient client, string token, string document, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync(new Uri($"/portal/{token}/upload?document={document}", UriKind.Relative), form);
    }
}
