using System.Net;
using Iop.Cases;
using Iop.Functions.Microsoft365;
using Iop.Functions.Outbox;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Microsoft365;

/// <summary>A permanent Graph error on the app's real outbox: failed at once, the coordinator told, shown with a retry.</summary>
[Collection("Azurite")]
public sealed class GraphFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_403_from_sendMail_fails_the_effect_once_tells_the_coordinator_in_Teams_and_the_case_page_retries_it()
    {
        var graph = new GraphStub { Otherwise = (_, _) => GraphStub.Response(HttpStatusCode.Forbidden, GraphStub.Error("ErrorAccessDenied", "Access is denied. Check credentials and try again.")) };
        var options = Options.Create(new Microsoft365Options { Mode = Microsoft365Mode.Graph, Mailbox = "iop@mora.example", CoordinatorUserId = "coordinator" });
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Guid.NewGuid().ToString("N")[..8]).WithServices(services => services.AddSingleton<IMailer>(new GraphMailer(graph.Client(), options)));
        var client = app.Pages();
        await client.SignInAsCoordinatorAsync();
        var id = CaseId.New();
        await app.Services.GetRequiredService<CaseService>().SubmitAsync(id, TestCases.Initiative("Behörighetsföreningen"), CancellationToken.None);
        var outbox = app.Services.GetRequiredService<OutboxStore>();

        var failed = await Eventually.WaitForAsync(() => outbox.FailedAsync(id, CancellationToken.None), f => f.Count > 0, "the mail to fail");

        var delivery = Assert.Single(failed);
        Assert.IsType<MailToInitiator>(delivery.Effect);
        Assert.Equal((1, "ErrorAccessDenied: Access is denied. Check credentials and try again."), (delivery.Attempts, delivery.Error));
        Assert.Single(graph.Requests);
        var notices = await Eventually.WaitForAsync(
            () => app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.NotificationPartition, 100, CancellationToken.None),
            n => n.Any(x => x.Subject.StartsWith("Kunde inte skickas", StringComparison.Ordinal)),
            "the coordinator to be told");
        Assert.Contains(notices, n => n.Subject == "Kunde inte skickas: e-post till Karin Ek (karin.ek@navet.example)" && n.Text.Contains("ErrorAccessDenied", StringComparison.Ordinal));

        var page = await client.GetStringAsync($"/arenden/{id}");
        Assert.Contains("Meddelanden som inte kunde skickas", page, StringComparison.Ordinal);
        Assert.Contains("ErrorAccessDenied", page, StringComparison.Ordinal);

        // The administrator grants the permission; the coordinator tries again from the case page.
        graph.Otherwise = (_, _) => new HttpResponseMessage(HttpStatusCode.Accepted);
        using var retried = await client.PostFormAsync($"/arenden/{id}", $"/arenden/{id}?handler=RetryDelivery", [new("delivery", delivery.RowKey)]);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Empty(await outbox.FailedAsync(id, CancellationToken.None));
        await Eventually.WaitForAsync(() => Task.FromResult(graph.Requests.Count), count => count == 2, "the mail to be sent again");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, graph.Requests.Count);
        Assert.DoesNotContain("Meddelanden som inte kunde skickas", await client.GetStringAsync($"/arenden/{id}"), StringComparison.Ordinal);
    }
}
