using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Iop.Cases;
using Iop.Functions.Portal;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

/// <summary>
/// A case from intake to an active partnership with every coordinator step through the JSON API and an Entra ID bearer
/// token: no case page is opened. The organisation and the officials act as they do in real life, through the signed
/// links their e-mails carry (the portal and the answer page); they are no API clients.
/// </summary>
[Collection("Azurite")]
public sealed class ApiWalkTests : IDisposable
{
    private readonly EntraIdTokens _tokens = new();
    private readonly IopAppFactory _app;
    private readonly HttpClient _api;

    public ApiWalkTests(AzuriteFixture azurite)
    {
        _app = _tokens.Configure(new IopAppFactory(azurite.ConnectionString));
        _api = EntraIdTokens.Client(_app, _tokens.Token(["Iop.Coordinator"], name: "Diariets integration", email: null));
    }

    public void Dispose()
    {
        _api.Dispose();
        _app.Dispose();
        _tokens.Dispose();
    }

    [Fact]
    public async Task A_case_goes_from_intake_to_an_active_partnership_through_the_api()
    {
        var policy = await _api.GetFromJsonAsync<JsonElement>("/api/initiatives/policy");
        using var submitted = await _api.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;

        var checklist = policy.GetProperty("checklist").EnumerateArray().Select(c => new { criterionId = c.GetProperty("id").GetString(), assessment = "Met", note = "Uppfyllt." });
        await CommandAsync(id, "screening", new { assessments = checklist, outcome = "Continue" }, Stage.FirstMeeting);
        await MeetingAsync(id, "FirstMeeting", Stage.FirstMeeting);

        await CommandAsync(id, "vetting", new { }, Stage.PartnerVetting);
        var tokenId = (await CaseAsync(id)).GetProperty("state").GetProperty("vetting").GetProperty("link").GetProperty("tokenId").GetString()!;
        var portal = _app.Services.GetRequiredService<PortalTokens>().Create(CaseId.Parse(id), tokenId, _app.Time.GetUtcNow().AddDays(90));
        var organisation = _app.Pages();
        var documents = policy.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        foreach (var document in documents)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(VettingCases.Pdf());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", $"{document}.pdf");
            using var uploaded = await organisation.Http.PostAsync(new Uri($"/portal/{portal}/upload?document={document}", UriKind.Relative), form);
            Assert.True(uploaded.IsSuccessStatusCode, $"Uploading {document} answered {(int)uploaded.StatusCode}.");
        }

        var declaration = policy.GetProperty("declaration").GetProperty("version").GetString()!;
        using var signed = await organisation.PostFormAsync(
            $"/portal/{portal}", $"/portal/{portal}/sign", [new("name", "Karin Ek"), new("role", "Ordförande"), new("organisation", "Föreningen Navet"), new("confirmed", "true"), new("version", declaration)]);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        foreach (var document in documents)
        {
            await CommandAsync(id, $"vetting/documents/{document}/review", new { accept = true }, expect: null);
        }

        Assert.Equal("Scoping", (await CaseAsync(id)).GetProperty("stage").GetString());
        var organisations = await _api.GetFromJsonAsync<JsonElement>("/api/organisations");
        var social = organisations.EnumerateArray().Single(o => o.GetProperty("id").GetString() == "socialnamnden");
        await CommandAsync(id, "scope", new { organisations = new[] { "socialnamnden" } }, Stage.StakeholderMeeting);

        var head = social.GetProperty("head");
        var contact = social.GetProperty("contact");
        await AnswerAsync(id, "staffing-socialnamnden", head, [new("Form.Choice", "yes"), new("Form.OfficialNames[0]", Name(contact)), new("Form.OfficialEmails[0]", Email(contact))]);
        await MeetingAsync(id, "StakeholderMeeting", Stage.InternalDiscussion);
        await AnswerAsync(id, "position-socialnamnden", contact, [new("Form.Choice", "Supports"), new("Form.Text", "Förvaltningen ställer sig bakom.")]);
        await MeetingAsync(id, "FollowUpMeeting", Stage.AgreementDrafting);

        using var asked = await _api.PostAsJsonAsync($"/api/cases/{id}/requests/procurement-opinion", new { });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var procurementRequest = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var procurement = (await CaseAsync(id)).GetProperty("state").GetProperty("file").GetProperty("requests").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == procurementRequest).GetProperty("addressee");
        await AnswerAsync(id, procurementRequest, procurement, [new("Form.Choice", "NoMarket"), new("Form.Text", "Det finns ingen marknad för verksamheten.")]);

        await CommandAsync(id, "agreement/terms", new
        {
            targetGroup = "Äldre som lever i ofrivillig ensamhet",
            municipalitySignatory = "Kommunstyrelsens ordförande",
            organisationSignatory = "Ordförande",
            termStart = "2026-07-01",
            termEnd = "2029-06-30",
            coFinancing = new object[] { new { party = "Municipality", year = 2026, amountSek = 553200m }, new { party = "Organisation", year = 2026, amountSek = 0m, inKind = "Ideell tid, 1 200 timmar" } },
        }, Stage.AgreementDrafting, HttpMethod.Put);
        using var early = await _api.PostAsJsonAsync($"/api/cases/{id}/agreement/submit", new { });
        Assert.Equal("agreement.sections-unwritten", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        foreach (var section in policy.GetProperty("agreementSections").EnumerateArray().Select(s => s.GetProperty("id").GetString()))
        {
            await CommandAsync(id, $"agreement/sections/{section}", new { text = "Parterna har skrivit avsnittet tillsammans." }, Stage.AgreementDrafting, HttpMethod.Put);
        }

        using var draft = await _api.GetAsync(new Uri($"/api/cases/{id}/agreement/document", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", draft.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await draft.Content.ReadAsByteArrayAsync())[..2]);

        await CommandAsync(id, "agreement/submit", new { }, Stage.CommitteeDecision);
        await AnswerAsync(id, "decision-1-socialnamnden", social.GetProperty("secretary"), [new("Form.Choice", "yes"), new("Form.MeetingDate", "2026-03-02"), new("Form.Paragraph", "§ 19")]);

        await CommandAsync(id, "agreement/signatures", new { party = "Municipality", signerName = "Anna Andersson", signerRole = "Kommunstyrelsens ordförande", signedOn = "2026-03-02" }, Stage.CommitteeDecision);
        await CommandAsync(id, "agreement/signatures", new { party = "Organisation", signerName = "Karin Ek", signerRole = "Ordförande", signedOn = "2026-03-02" }, Stage.Active);

        var history = await _api.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/events");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("by").GetString() == "Diariets integration");
        var work = await _api.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/work");
        Assert.Empty(work.GetProperty("workflowFailures").EnumerateArray());
    }

    private async Task<JsonElement> CaseAsync(string id) => await _api.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

    /// <summary>Sends a command at the version just read, and checks where the case stands after it.</summary>
    private async Task CommandAsync(string id, string path, object body, Stage? expect, HttpMethod? method = null)
    {
        var version = (await CaseAsync(id)).GetProperty("version").GetInt32();
        var json = JsonSerializer.SerializeToElement(body);
        var withVersion = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        withVersion["expectedVersion"] = version;
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, $"/api/cases/{id}/{path}") { Content = JsonContent.Create(withVersion) };
        using var response = await _api.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {path} answered {(int)response.StatusCode}: {answer}");
        if (expect is { } stage)
        {
            Assert.Equal(stage.ToString(), JsonDocument.Parse(answer).RootElement.GetProperty("stage").GetString());
        }
    }

    /// <summary>Books the stage's meeting an hour ahead, lets the hour pass and records it as held.</summary>
    private async Task MeetingAsync(string id, string kind, Stage expect)
    {
        var start = _app.Time.GetUtcNow().AddHours(1);
        using var booked = await _api.PostAsJsonAsync($"/api/cases/{id}/meetings", new
        {
            kind,
            start,
            end = start.AddHours(1),
            location = "Stadshuset, sal 2",
            attendees = new[] { new { name = "Karin Ek", email = "karin.ek@navet.example" } },
        });
        var answer = await booked.Content.ReadAsStringAsync();
        Assert.True(booked.StatusCode == HttpStatusCode.Created, $"Booking {kind} answered {(int)booked.StatusCode}: {answer}");
        var meeting = JsonDocument.Parse(answer).RootElement.GetProperty("id").GetString();
        _app.Time.Advance(TimeSpan.FromHours(2));
        await CommandAsync(id, $"meetings/{meeting}/held", new { notes = "Mötet hölls." }, expect);
    }

    /// <summary>The official answers from the link their e-mail carries, signed in as themselves.</summary>
    private async Task AnswerAsync(string id, string requestId, JsonElement official, KeyValuePair<string, string>[] answer)
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync(Name(official), Email(official));
        var link = OfficialsCases.Link(_app, CaseId.Parse(id), requestId);
        using var answered = await client.PostFormAsync(link, link + "/Answer", answer);
        Assert.True(answered.IsSuccessStatusCode, $"Answering {requestId} answered {(int)answered.StatusCode}: {await answered.Content.ReadAsStringAsync()}");
    }

    private static string Name(JsonElement person) => person.GetProperty("name").GetString()!;

    private static string Email(JsonElement person) => person.GetProperty("email").GetString()!;
}
