using System.Net;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Http;

[Collection("Azurite")]
public sealed class InitiativePageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private Task<StoredCase?> LoadAsync(Guid id) =>
        _app.Services.GetRequiredService<ICaseStore>().LoadAsync(new CaseId(id), CancellationToken.None);

    [Fact]
    public async Task The_form_is_in_Swedish_and_lists_the_checklist_for_self_assessment()
    {
        var html = await _app.Pages().GetStringAsync("/initiativ/nytt");

        Assert.Contains("<html lang=\"sv\"", html, StringComparison.Ordinal);
        Assert.Contains("Organisationsnummer", html, StringComparison.Ordinal);
        Assert.Contains("Det finns inte en marknad eller en konkurrenssituation att vårda.", html, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(PageClient.HiddenValue(html, "Input.SubmissionId"), out _));
    }

    [Fact]
    public async Task A_valid_initiative_is_registered_and_the_receipt_shows_its_registration_number()
    {
        var id = Guid.NewGuid();
        var client = _app.Pages();

        using var response = await client.PostFormAsync("/initiativ/nytt", "/initiativ/nytt", Initiatives.ValidForm(id));
        var receipt = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/initiativ/kvitto/{id:N}", response.RequestMessage!.RequestUri!.AbsolutePath);
        var stored = await LoadAsync(id);
        Assert.NotNull(stored);
        Assert.IsType<Received>(stored.State);
        Assert.Matches(@"^KS \d{4}/\d+$", stored.State.File.Number.Value);
        Assert.Contains(stored.State.File.Number.Value, receipt, StringComparison.Ordinal);
        Assert.Equal("802012-3454", stored.State.File.Initiative.OrganisationNumber);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_registers_one_case()
    {
        var id = Guid.NewGuid();
        var client = _app.Pages();

        using var first = await client.PostFormAsync("/initiativ/nytt", "/initiativ/nytt", Initiatives.ValidForm(id));
        using var second = await client.PostFormAsync("/initiativ/nytt", "/initiativ/nytt", Initiatives.ValidForm(id));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.RequestMessage!.RequestUri, second.RequestMessage!.RequestUri);
        Assert.Equal(1, (await LoadAsync(id))!.Version);
    }

    [Theory]
    [InlineData("Input.OrganisationNumber", "802012-3456", "Organisationsnumret är inte giltigt")]
    [InlineData("Input.OrganisationNumber", "12345", "Organisationsnumret är inte giltigt")]
    [InlineData("Input.ContactEmail", "karin.ek@", "E-postadressen är inte giltig")]
    [InlineData("Input.ContactEmail", "", "Fyll i e-postadress.")]
    [InlineData("Input.OrganisationName", "   ", "Fyll i organisationens namn.")]
    [InlineData("Input.ContactPhone", "ring mig", "Telefonnumret är inte giltigt")]
    [InlineData("Input.SelfAssessment[no-market]", "Kanske", "Välj ett av alternativen")]
    public async Task Bad_input_is_explained_in_Swedish_and_nothing_is_registered(string field, string value, string message)
    {
        var id = Guid.NewGuid();
        var form = Initiatives.ValidForm(id);
        form[field] = value;

        using var response = await _app.Pages().PostFormAsync("/initiativ/nytt", "/initiativ/nytt", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Det finns fel att rätta", html, StringComparison.Ordinal);
        Assert.Contains(Initiatives.ValidForm(id)["Input.Challenge"], html, StringComparison.Ordinal);
        Assert.Null(await LoadAsync(id));
    }

    [Fact]
    public async Task An_over_long_description_is_refused_with_its_limit()
    {
        var id = Guid.NewGuid();
        var form = Initiatives.ValidForm(id);
        form["Input.Idea"] = new string('x', 8001);

        using var response = await _app.Pages().PostFormAsync("/initiativ/nytt", "/initiativ/nytt", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Er idé får vara högst 8000 tecken.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await LoadAsync(id));
    }

    [Fact]
    public async Task A_forged_anti_forgery_token_gets_a_Swedish_error_page_and_registers_nothing()
    {
        var id = Guid.NewGuid();
        var client = _app.Pages();
        await client.GetStringAsync("/initiativ/nytt");

        using var response = await client.Http.PostAsync(
            new Uri("/initiativ/nytt", UriKind.Relative),
            new FormUrlEncodedContent([.. Initiatives.ValidForm(id), new("__RequestVerificationToken", "CfDJ8forged")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sidan kunde inte skickas", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await LoadAsync(id));
    }

    [Fact]
    public async Task A_replayed_token_from_another_browser_session_is_refused()
    {
        var id = Guid.NewGuid();
        var tokenFromOtherSession = PageClient.AntiforgeryToken(await _app.Pages().GetStringAsync("/initiativ/nytt"));
        var client = _app.Pages();
        await client.GetStringAsync("/initiativ/nytt");

        using var response = await client.Http.PostAsync(
            new Uri("/initiativ/nytt", UriKind.Relative),
            new FormUrlEncodedContent([.. Initiatives.ValidForm(id), new("__RequestVerificationToken", tokenFromOtherSession)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await LoadAsync(id));
    }

    [Fact]
    public async Task An_unknown_receipt_is_not_found()
    {
        using var response = await _app.Pages().Http.GetAsync(new Uri($"/initiativ/kvitto/{Guid.NewGuid():N}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_available_in_English()
    {
        var html = await _app.Pages().GetStringAsync("/initiativ/nytt?culture=en-GB");

        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Organisation number", html, StringComparison.Ordinal);
    }
}
