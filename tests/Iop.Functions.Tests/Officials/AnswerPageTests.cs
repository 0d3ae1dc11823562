using System.Net;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Officials;

/// <summary>The officials' answer links: signed, per person, single-use; GET and HEAD never decide.</summary>
[Collection("Azurite")]
public sealed class AnswerPageTests(AzuriteFixture azurite) : IDisposable
{
    private const string Head = "helena.sjoberg@mora.example";
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private async Task<PageClient> SignedInAsync(string name, string email)
    {
        var client = _app.Pages();
        await client.SignInAsCoordinatorAsync(name, email);
        return client;
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Fact]
    public async Task The_addressee_sees_the_question_and_neither_GET_nor_HEAD_changes_the_case()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var before = await OfficialsCases.LoadAsync(_app, id);
        var link = OfficialsCases.Link(_app, id, "staffing-socialnamnden");
        var client = await SignedInAsync("Helena Sjöberg", Head);

        var html = await client.GetStringAsync(link);
        using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));
        using var anonymous = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(new Uri(link, UriKind.Relative));

        Assert.Contains("Bekräftelse av bemanning", html, StringComparison.Ordinal);
        Assert.Contains("Föreningen Navet", html, StringComparison.Ordinal);
        Assert.Contains("Ofrivillig ensamhet bland äldre.", html, StringComparison.Ordinal);
        // Times are Swedish, never "UTC" as a word (a random anti-forgery token may hold the letters).
        Assert.DoesNotMatch(@"(?<![A-Za-z0-9])UTC(?![A-Za-z0-9])", html);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/logga-in", anonymous.Headers.Location!.IsAbsoluteUri ? anonymous.Headers.Location.AbsolutePath : anonymous.Headers.Location.OriginalString.Split('?')[0]);
        var after = await OfficialsCases.LoadAsync(_app, id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
    }

    [Fact]
    public async Task A_confirmation_is_recorded_with_who_when_and_which_link_and_the_link_is_then_spent()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden", "morastrand");
        var link = OfficialsCases.Link(_app, id, "staffing-socialnamnden");
        var client = await SignedInAsync("Helena Sjöberg", Head);
        KeyValuePair<string, string>[] answer =
            [Field("Form.Choice", "yes"), Field("Form.OfficialNames[0]", "Tomas Persson"), Field("Form.OfficialEmails[0]", "tomas.persson@mora.example")];

        var open = await client.GetStringAsync(link);
        using var posted = await client.PostFormAsync(link, link + "/Answer", answer);

        // The due date is a day: no clock time of when the request happened to be sent.
        Assert.Matches(@"Svara senast <strong>\d{1,2} \p{L}+ \d{4}</strong>\.", open);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var request = (await OfficialsCases.LoadAsync(_app, id)).State.File.Requests.Single(r => r.Id == "staffing-socialnamnden");
        Assert.Equal(OfficialRequestStatus.Answered, request.Status);
        Assert.Equal(new Person("Helena Sjöberg", Head), request.Answer!.By);
        Assert.Equal("staffing-socialnamnden.1", request.Answer.LinkId);
        Assert.Equal(_app.Time.GetUtcNow(), request.Answer.At);
        Assert.Equal(new StaffingAnswer(true, Common.ValueList.Of(new Person("Tomas Persson", "tomas.persson@mora.example")), null), request.Answer.Content);
        var spent = await client.GetStringAsync(link);
        Assert.Contains("Tack för ditt svar!", spent, StringComparison.Ordinal);
        Assert.DoesNotContain("Skicka svaret", spent, StringComparison.Ordinal);

        var version = (await OfficialsCases.LoadAsync(_app, id)).Version;
        using var replay = await client.Http.PostAsync(new Uri(link + "/Answer", UriKind.Relative), new FormUrlEncodedContent([.. answer, Field("__RequestVerificationToken", PageClient.AntiforgeryToken(await client.GetStringAsync("/logga-in")))]));
        Assert.Equal(version, (await OfficialsCases.LoadAsync(_app, id)).Version);
    }

    [Fact]
    public async Task Someone_else_signed_in_cannot_answer_and_is_told_why()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var link = OfficialsCases.Link(_app, id, "staffing-socialnamnden");
        var stranger = await SignedInAsync("Kalle Annan", "kalle.annan@mora.example");
        var before = await OfficialsCases.LoadAsync(_app, id);

        using var shown = await stranger.Http.GetAsync(new Uri(link, UriKind.Relative));
        var html = await shown.Content.ReadAsStringAsync();
        using var posted = await stranger.Http.PostAsync(
            new Uri(link + "/Answer", UriKind.Relative),
            new FormUrlEncodedContent([Field("Form.Choice", "no"), Field("Form.Text", "Nej."), Field("__RequestVerificationToken", PageClient.AntiforgeryToken(html))]));

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        Assert.Contains("Bara mottagaren kan svara", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(before.Version, (await OfficialsCases.LoadAsync(_app, id)).Version);
    }

    [Fact]
    public async Task After_the_answer_only_the_addressee_and_coordinators_read_it_and_anyone_else_learns_only_that_it_is_closed()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var link = OfficialsCases.Link(_app, id, "staffing-socialnamnden");
        var head = await SignedInAsync("Helena Sjöberg", Head);
        using var answered = await head.PostFormAsync(link, link + "/Answer", [Field("Form.Choice", "no"), Field("Form.Text", "Vi har ingen personal över i år.")]);
        var colleague = _app.Pages();
        using var signIn = await colleague.PostFormAsync($"/logga-in?ReturnUrl={link}", "/logga-in", [Field("Name", "Kalle Annan"), Field("Email", "kalle.annan@mora.example"), Field("AsCoordinator", "false")]);
        var coordinator = await SignedInAsync("Saga Samordnare", "saga@mora.example");

        var byColleague = await colleague.GetStringAsync(link);
        var byHead = await head.GetStringAsync(link);
        var byCoordinator = await coordinator.GetStringAsync(link);

        Assert.Contains("Förfrågan är besvarad och stängd", byColleague, StringComparison.Ordinal);
        Assert.All(["Föreningen Navet", "Helena Sjöberg", "ingen personal", "Socialnämnden", "KS 20"], secret => Assert.DoesNotContain(secret, byColleague, StringComparison.Ordinal));
        Assert.Contains("Vi har ingen personal över i år.", byHead, StringComparison.Ordinal);
        Assert.Contains("Föreningen Navet", byCoordinator, StringComparison.Ordinal);
        Assert.Contains("Helena Sjöberg", byCoordinator, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=b0undary", "--another\r\nContent-Disposition: form-data; name=\"Form.Choice\"\r\n\r\nyes\r\n--another--\r\n", "Formuläret kunde inte tas emot")]
    [InlineData("multipart/form-data; boundary=b0undary", "--b0undary\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 cut short", "Formuläret kunde inte tas emot")]
    [InlineData("multipart/form-data", "--b0undary--\r\n", "Formuläret kunde inte tas emot")]
    [InlineData("application/x-www-form-urlencoded", "Form.Choice=%ZZ%&&&=", "Välj ett svar")]
    public async Task A_broken_answer_body_is_a_clear_400_and_changes_nothing(string contentType, string body, string message)
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var link = OfficialsCases.Link(_app, id, "staffing-socialnamnden");
        var client = await SignedInAsync("Helena Sjöberg", Head);
        var token = PageClient.AntiforgeryToken(await client.GetStringAsync(link));
        var before = await OfficialsCases.LoadAsync(_app, id);
        using var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, link + "/Answer") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await OfficialsCases.LoadAsync(_app, id)).Version);
    }

    [Fact]
    public async Task Forged_and_expired_links_say_so_and_offer_nothing()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var client = await SignedInAsync("Helena Sjöberg", Head);
        var genuine = OfficialsCases.Link(_app, id, "staffing-socialnamnden");
        var forged = genuine[..^3] + (genuine[^3] == 'A' ? "B" : "A") + genuine[^2..];
        var expired = OfficialsCases.Link(_app, id, "staffing-socialnamnden", expires: _app.Time.GetUtcNow().AddMinutes(-1));
        var portalToken = (await VettingCases.StartAsync(_app)).Token;

        using var forgedResponse = await client.Http.GetAsync(new Uri(forged, UriKind.Relative));
        using var expiredResponse = await client.Http.GetAsync(new Uri(expired, UriKind.Relative));
        using var portalResponse = await client.Http.GetAsync(new Uri("/svar/" + portalToken, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expiredResponse.StatusCode);
        Assert.Contains("Länken har slutat gälla", await expiredResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" enctype", await expiredResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, portalResponse.StatusCode);
    }

    [Fact]
    public async Task A_head_delegates_and_only_the_colleagues_new_link_answers()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden");
        var link = OfficialsCases.Link(_app, id, "staffing-socialnamnden");
        var head = await SignedInAsync("Helena Sjöberg", Head);

        using var bad = await head.PostFormAsync(link, link + "/Delegate", [Field("Delegation.Name", "Vera"), Field("Delegation.Email", "vera@")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("giltig e-postadress", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var delegated = await head.PostFormAsync(link, link + "/Delegate", [Field("Delegation.Name", "Vera Vikarie"), Field("Delegation.Email", "vera.vikarie@mora.example"), Field("Delegation.Reason", "Semester.")]);

        var request = (await OfficialsCases.LoadAsync(_app, id)).State.File.Requests.Single();
        Assert.Equal((new Person("Vera Vikarie", "vera.vikarie@mora.example"), 2), (request.Addressee, request.Issue));
        Assert.Contains("lämnats över till någon annan", await head.GetStringAsync(link), StringComparison.Ordinal);
        var colleague = await SignedInAsync("Vera Vikarie", "vera.vikarie@mora.example");
        var newLink = OfficialsCases.Link(_app, id, "staffing-socialnamnden", issue: 2);
        using var answered = await colleague.PostFormAsync(newLink, newLink + "/Answer", [Field("Form.Choice", "no"), Field("Form.Text", "Vi har ingen personal i vår.")]);
        Assert.Equal(OfficialRequestStatus.Answered, (await OfficialsCases.LoadAsync(_app, id)).State.File.Requests.Single().Status);
    }

    [Fact]
    public async Task A_committee_decision_without_paragraph_is_refused_in_Swedish_and_changes_nothing()
    {
        var id = await OfficialsCases.AtCommitteeDecisionAsync(_app);
        var secretary = new Person("Lena Åberg, nämndsekreterare", "lena.aberg@mora.example");
        var link = OfficialsCases.Link(_app, id, "decision-1-socialnamnden");
        var client = await SignedInAsync(secretary.Name, secretary.Email);
        var before = await OfficialsCases.LoadAsync(_app, id);

        using var refused = await client.PostFormAsync(link, link + "/Answer", [Field("Form.Choice", "yes"), Field("Form.MeetingDate", "2026-02-26"), Field("Form.Paragraph", " ")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ange protokollsparagrafen", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The outbox may record the meetings' calendar events meanwhile; the decision itself must be untouched.
        Assert.Equal(before.State.File.Requests, (await OfficialsCases.LoadAsync(_app, id)).State.File.Requests);

        using var agreement = await client.Http.GetAsync(new Uri(link + "?handler=Agreement", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", agreement.Content.Headers.ContentType!.MediaType);
        var outbox = _app.Services.GetRequiredService<Iop.Functions.Outbox.LocalOutbox.LocalOutboxStore>();
        Iop.Functions.Outbox.LocalOutbox.LocalOutboxMessage? request = null;
        for (var attempt = 0; attempt < 40 && request is null; attempt++)
        {
            await Task.Delay(250);
            request = (await outbox.ListAsync(Iop.Functions.Outbox.LocalOutbox.LocalOutboxStore.MailPartition, 500, CancellationToken.None))
                .FirstOrDefault(m => m.Subject.StartsWith("Registrera nämndens beslut", StringComparison.Ordinal) && m.IdempotencyKey.StartsWith(id.ToString(), StringComparison.Ordinal));
        }

        Assert.Matches(@"^overenskommelse-KS-\d{4}-\d+\.docx \([\d  ,.]+ byte\)$", request?.Attachments);

        using var accepted = await client.PostFormAsync(link, link + "/Answer", [Field("Form.Choice", "yes"), Field("Form.MeetingDate", "2026-02-26"), Field("Form.Paragraph", "§ 19")]);
        var state = Assert.IsType<AwaitingCommitteeDecision>((await OfficialsCases.LoadAsync(_app, id)).State);
        Assert.True(state.Approved);
    }
}
