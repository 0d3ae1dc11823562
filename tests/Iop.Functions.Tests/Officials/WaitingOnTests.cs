using Iop.Cases;
using Iop.Functions.Digest;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Officials;

/// <summary>The weekly digest names the officials a case waits on.</summary>
[Collection("Azurite")]
public sealed class WaitingOnTests(AzuriteFixture azurite) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_scoped_case_waits_on_each_head_by_name_and_due_date()
    {
        var id = await OfficialsCases.ScopedAsync(_app, "socialnamnden", "morastrand");

        var phrase = WaitingPhrase.Describe((RegisteredCase)(await OfficialsCases.LoadAsync(_app, id)).State);

        Assert.Equal(
            "IOP-samordnaren: dialogmöte med berörda; väntar på svar från Helena Sjöberg, förvaltningschef (bekräftelse av bemanning, Socialnämnden, senast 23 mars 2026), "
            + "Björn Wallin, VD (bekräftelse av bemanning, Morastrand AB, senast 23 mars 2026)",
            phrase);
    }
}
