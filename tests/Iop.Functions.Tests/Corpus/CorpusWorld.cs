using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Iop.Functions.Portal;
using Iop.Functions.Tests.Infrastructure;
using Iop.Officials;
using Iop.Screening;
using Iop.Vetting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Corpus;

/// <summary>Who sends a corpus request.</summary>
public enum Caller
{
    /// <summary>Nobody signed in: the public form, the organisation's portal.</summary>
    Anonymous,

    /// <summary>The IOP coordinator.</summary>
    Coordinator,

    /// <summary>The head of Socialnämnden, asked to confirm staffing on <see cref="CorpusWorld.Scoped"/>.</summary>
    Addressee,

    /// <summary>The secretary of Socialnämnden, asked for the committee's decision on <see cref="CorpusWorld.Decision"/>.</summary>
    Secretary,

    /// <summary>The procurement unit, asked for its opinion on <see cref="CorpusWorld.Scoped"/>.</summary>
    Procurement,

    /// <summary>A member of staff without the coordinator role, whom nobody asked anything.</summary>
    OtherStaff,
}

/// <summary>
/// The app in the web role (no workflow writes behind the corpus's back) on storage of its own, with a case in every
/// stage the corpus needs, a signed-in client per <see cref="Caller"/> and its anti-forgery token. Set up once per run;
/// the corpus never changes it (that is what it checks), except the cases named for the entries that may.
/// </summary>
public abstract partial class CorpusWorld(AzuriteFixture azurite, bool production) : IAsyncLifetime
{
    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private readonly Dictionary<Caller, string> _tokens = [];
    private readonly Dictionary<string, CaseId> _cases = [];

    public const string Document = "statutes";

    /// <summary>Upload limit of this app: small, so "too large" costs little.</summary>
    public const long MaxFileBytes = 256 * 1024;

    public bool Production => production;

    public IopAppFactory App { get; private set; } = null!;

    public CaseService Service => App.Services.GetRequiredService<CaseService>();

    public ICaseStore Store => App.Services.GetRequiredService<ICaseStore>();

    internal PortalTokens Tokens => App.Services.GetRequiredService<PortalTokens>();

    /// <summary>Just submitted.</summary>
    public CaseId Received => _cases[nameof(Received)];

    /// <summary>Screened and continued: at the first meeting, before vetting.</summary>
    public CaseId FirstMeeting => _cases[nameof(FirstMeeting)];

    /// <summary>Discontinued at screening: every command is in the wrong stage.</summary>
    public CaseId Discontinued => _cases[nameof(Discontinued)];

    /// <summary>In partner vetting, with two files uploaded through the portal under hostile names.</summary>
    public CaseId Vetting => _cases[nameof(Vetting)];

    /// <summary>Vetted and scoped to Socialnämnden: its head is asked to confirm staffing, the procurement unit for its opinion.</summary>
    public CaseId Scoped => _cases[nameof(Scoped)];

    /// <summary>The agreement is being drafted.</summary>
    public CaseId Drafting => _cases[nameof(Drafting)];

    /// <summary>Waiting for the committee's decision; the staffing request is answered.</summary>
    public CaseId Decision => _cases[nameof(Decision)];

    /// <summary>A received case that the contention entry may change.</summary>
    public CaseId Crowded => _cases[nameof(Crowded)];

    /// <summary>In partner vetting, for the entry that uploads too many files.</summary>
    public CaseId Limits => _cases[nameof(Limits)];

    /// <summary>A signed, running partnership (its term ends in 2029).</summary>
    public CaseId Active => _cases[nameof(Active)];

    /// <summary>
    /// A running partnership whose term began in 2025, with a dispute in dialogue (<c>dispute-1</c>): notice, rescission
    /// and the dispute's steps are accepted on it from that day to today.
    /// </summary>
    public CaseId Disputed => _cases[nameof(Disputed)];

    /// <summary>In partner vetting with a snapshot a file short of the 1 MiB row limit.</summary>
    public CaseId Heavy => _cases[nameof(Heavy)];

    public IReadOnlyDictionary<string, CaseId> Cases => _cases;

    public string PortalToken { get; private set; } = "";

    public string PortalTokenId { get; private set; } = "";

    public string LimitsToken { get; private set; } = "";

    /// <summary>The organisation's open link to its yearly report for 2026 on <see cref="Active"/>.</summary>
    public string ReportToken { get; private set; } = "";

    public string HeavyToken { get; private set; } = "";

    /// <summary>The head's open link to confirm staffing on <see cref="Scoped"/>.</summary>
    public string StaffingLink { get; private set; } = "";

    /// <summary>The procurement unit's open link to give its opinion on <see cref="Scoped"/>.</summary>
    public string ProcurementLink { get; private set; } = "";

    /// <summary>The head's link on <see cref="Decision"/>, whose request is answered.</summary>
    public string AnsweredLink { get; private set; } = "";

    /// <summary>The secretary's open link to record the committee's decision on <see cref="Decision"/>.</summary>
    public string DecisionLink { get; private set; } = "";

    public Person Head { get; private set; } = null!;

    public Person Secretary { get; private set; } = null!;

    /// <summary>Socialnämnden's contact, named in the head's answer on <see cref="Decision"/>.</summary>
    public Person Contact { get; private set; } = null!;

    public Person ProcurementUnit { get; private set; } = null!;

    /// <summary>A PDF uploaded as <c>poly.html</c>.</summary>
    public UploadedFile Polyglot { get; private set; } = null!;

    /// <summary>A PDF uploaded with a right-to-left override in its name.</summary>
    public UploadedFile Reversed { get; private set; } = null!;

    public HttpClient Client(Caller caller) => _clients[caller];

    public string AntiforgeryToken(Caller caller) => _tokens[caller];

    public async Task InitializeAsync()
    {
        App = Configure(new IopAppFactory(azurite.ConnectionString)
            .WithOwnStorage(AzuriteFixture.UniqueName("c")[..12])
            .WithSetting(IopRoles.Key, "Web")
            .WithMaxFileBytes(MaxFileBytes)
            .WithServices(services =>
            {
                FailingCaseStore.Register(services);
                ConfigureServices(services);
            }));
        var directory = App.Services.GetRequiredService<OrganisationDirectory>();
        var social = directory.Find("socialnamnden")!;
        (Head, Secretary, Contact, ProcurementUnit) = (social.Head, social.Secretary, social.Contact, directory.Procurement);

        await CreateCasesAsync();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            _clients[caller] = caller switch
            {
                Caller.Anonymous => NewClient(),
                Caller.Coordinator => await SignedInClientAsync("Saga Samordnare", "saga@mora.example"),
                Caller.Addressee => await SignedInClientAsync(Head.Name, Head.Email),
                Caller.Secretary => await SignedInClientAsync(Secretary.Name, Secretary.Email),
                Caller.Procurement => await SignedInClientAsync(ProcurementUnit.Name, ProcurementUnit.Email),
                _ => await SignedInClientAsync("Olle Obehörig", "olle.obehorig@mora.example", coordinator: false),
            };
            _tokens[caller] = await TokenFromAsync(_clients[caller], caller switch
            {
                Caller.Anonymous => $"/portal/{PortalToken}",
                Caller.Addressee => StaffingLink,
                Caller.Secretary => DecisionLink,
                Caller.Procurement => ProcurementLink,
                Caller.Coordinator => "/arenden",
                _ => "/initiativ/nytt",
            });
        }

        (Polyglot, Reversed) = (await UploadAsync("poly.html"), await UploadAsync("invoice\u202Efdp.exe"));
        await KeepPristineAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The environment's own configuration of the app.</summary>
    protected abstract IopAppFactory Configure(IopAppFactory app);

    /// <summary>The environment's own services, replacing the app's.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A client of its own, without redirects followed (the corpus looks at every answer as it is).</summary>
    public HttpClient NewClient() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// A client signed in as a member of staff: by the development sign-in, or with the cookie a sign-in ends with where
    /// the development sign-in cannot give it: in Production (the Entra ID round trip is Microsoft's, not ours to test)
    /// and for staff without the coordinator role (the development sign-in makes everyone a coordinator).
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string name, string email, bool coordinator = true)
    {
        var client = NewClient();
        if (production || !coordinator)
        {
            var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
            var options = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
            List<Claim> claims = [new(ClaimTypes.NameIdentifier, email), new(ClaimTypes.Email, email), new("preferred_username", email), new("name", name)];
            if (coordinator)
            {
                claims.Add(new(ClaimTypes.Role, Security.StaffPolicies.CoordinatorRole));
            }

            // Behind OpenID Connect, the cookie's ticket names the scheme that issued it, as the OIDC handler's sign-in does.
            var properties = new AuthenticationProperties();
            properties.Items[".AuthScheme"] = Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme;
            var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)), properties, scheme);
            client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
            return client;
        }

        var token = await TokenFromAsync(client, "/logga-in");
        using var signIn = await client.PostAsync(
            new Uri("/logga-in", UriKind.Relative),
            new FormUrlEncodedContent([new("Name", name), new("Email", email), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    /// <summary>The anti-forgery token of the form on <paramref name="page"/>, for the client's own cookie and identity.</summary>
    public static async Task<string> TokenFromAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page} answered {(int)response.StatusCode}.");
        return PageClient.AntiforgeryToken(html);
    }

    private async Task CreateCasesAsync()
    {
        var service = Service;
        var coordinator = VettingCases.Coordinator;
        var all = service.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();

        _cases[nameof(Received)] = await SubmitAsync();
        _cases[nameof(Crowded)] = await SubmitAsync();
        _cases[nameof(FirstMeeting)] = await SubmitAsync();
        await OfficialsCases.Accept(service, FirstMeeting, new CompleteScreening(all, ScreeningOutcome.Continue, null, Alternative.None, coordinator));
        _cases[nameof(Discontinued)] = await SubmitAsync();
        await OfficialsCases.Accept(service, Discontinued, new CompleteScreening(all, ScreeningOutcome.Discontinue, "Ingen samverkan.", Alternative.None, coordinator));

        (_cases[nameof(Vetting)], PortalToken, PortalTokenId) = await VettingCases.StartAsync(App);
        (_cases[nameof(Limits)], LimitsToken, _) = await VettingCases.StartAsync(App);
        (_cases[nameof(Heavy)], HeavyToken) = await NearTheRowLimitAsync();

        _cases[nameof(Scoped)] = await OfficialsCases.ScopedAsync(App, "socialnamnden");
        StaffingLink = OfficialsCases.Link(App, Scoped, "staffing-socialnamnden");
        await OfficialsCases.Accept(service, Scoped, new RequestProcurementOpinion(App.Services.GetRequiredService<OrganisationDirectory>().Procurement, coordinator));
        ProcurementLink = OfficialsCases.Link(App, Scoped, "procurement-1");
        _cases[nameof(Drafting)] = await OfficialsCases.AtAgreementDraftingAsync(App);
        _cases[nameof(Decision)] = await OfficialsCases.AtCommitteeDecisionAsync(App);
        _cases[nameof(Active)] = await OfficialsCases.ActiveAsync(App, "Partnerskapet i korpusen");
        var today = Common.SwedishClock.LocalDate(App.Time.GetUtcNow());
        await OfficialsCases.Accept(service, Active, new Partnerships.RequestYearlyReport(2026, today.AddDays(30), coordinator));
        var report = (await Store.LoadAsync(Active, CancellationToken.None))!.State.File.YearlyReports.Single();
        ReportToken = Tokens.CreateReportLink(Active, report.Year, report.Issue, report.LinkExpiresAt);
        _cases[nameof(Disputed)] = await OfficialsCases.ActiveAsync(App, "Tvisten i korpusen", term: new PartnershipTerm(new DateOnly(2025, 9, 1), new DateOnly(2028, 8, 31)));
        await OfficialsCases.Accept(service, Disputed, new Iop.Partnerships.RaiseDispute(Iop.Agreements.Party.Organisation, new DateOnly(2026, 2, 2), "Oenighet om lokalen.", coordinator));
        AnsweredLink = OfficialsCases.Link(App, Decision, "staffing-socialnamnden");
        DecisionLink = OfficialsCases.Link(App, Decision, "decision-1-socialnamnden");
    }

    private async Task<CaseId> SubmitAsync()
    {
        var id = CaseId.New();
        Assert.IsType<Accepted>(await Service.SubmitAsync(id, TestCases.Initiative(), CancellationToken.None));
        return id;
    }

    /// <summary>A PDF uploaded through the portal of <see cref="Vetting"/> under <paramref name="name"/>.</summary>
    private async Task<UploadedFile> UploadAsync(string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(VettingCases.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        using var response = await Client(Caller.Anonymous).PostAsync(new Uri($"/portal/{PortalToken}/upload?document={Document}", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.IsType<InPartnerVetting>((await Store.LoadAsync(Vetting, CancellationToken.None))!.State);
        return stored.Vetting.Find(Document)!.Files[^1];
    }
}

/// <summary>The corpus in the Development environment, as the tests and <c>dotnet run</c> host the app.</summary>
public sealed class DevelopmentWorld(AzuriteFixture azurite) : CorpusWorld(azurite, production: false)
{
    protected override IopAppFactory Configure(IopAppFactory app) => app;
}
