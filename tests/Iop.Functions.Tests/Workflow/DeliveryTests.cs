using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Workflow.Relay;
using Iop.Messaging;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Workflow;

/// <summary>Committed effects reach the world through the case's lifecycle on the local durable backend, on Azurite.</summary>
[Collection("Azurite")]
public sealed class DeliveryTests(AzuriteFixture azurite)
{
    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<TableEntity>> OutboxRowsAsync(TestCases cases, CaseId id)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in cases.CasesTable.QueryAsync<TableEntity>(e => e.PartitionKey == id.ToString()))
        {
            if (row.RowKey.StartsWith(OutboxRows.Prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static async Task<CaseId> SubmitAsync(IopAppFactory app)
    {
        var id = CaseId.New();
        Assert.IsType<Accepted>(await app.Services.GetRequiredService<CaseService>().SubmitAsync(id, TestCases.Initiative(), CancellationToken.None));
        return id;
    }

    private static Task<List<TableEntity>> AllSentAsync(TestCases cases, CaseId id) =>
        Eventually.WaitForAsync(() => OutboxRowsAsync(cases, id), r => r.Count > 0 && r.All(x => x.GetString("Status") == "Sent"), "the effects to be sent");

    private static Task<IReadOnlyList<LocalOutboxMessage>> MailAsync(IopAppFactory app) =>
        app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.MailPartition, 100, CancellationToken.None);

    [Fact]
    public async Task A_new_initiative_is_acknowledged_and_announced_through_the_cases_lifecycle()
    {
        var suffix = Suffix();
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix);
        var cases = new TestCases(azurite, suffix: suffix);
        var id = await SubmitAsync(app);

        var rows = await AllSentAsync(cases, id);

        var mail = Assert.Single(await MailAsync(app));
        Assert.StartsWith("Vi har tagit emot ert IOP-initiativ – ", mail.Subject, StringComparison.Ordinal);
        Assert.Equal($"{id}/1/0", mail.IdempotencyKey);
        var notice = Assert.Single(await app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.NotificationPartition, 10, CancellationToken.None));
        Assert.Equal("Nytt IOP-initiativ: Föreningen Navet", notice.Subject);
        Assert.Equal(2, rows.Count);
        var lifecycle = await app.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(id.ToString());
        Assert.Equal(OrchestrationRuntimeStatus.Running, lifecycle?.RuntimeStatus);
    }

    [Fact]
    public async Task Rows_relayed_again_after_a_crash_are_delivered_once()
    {
        var suffix = Suffix();
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix);
        var cases = new TestCases(azurite, suffix: suffix);
        var id = await SubmitAsync(app);
        await AllSentAsync(cases, id);

        // As if the relay had died between handing the rows over and marking them: they are pending again.
        foreach (var row in await OutboxRowsAsync(cases, id))
        {
            row["Status"] = "Pending";
            await cases.CasesTable.UpdateEntityAsync(row, row.ETag);
        }

        var relay = app.Services.GetRequiredService<OutboxRelay>();
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        await Task.WhenAll(relay.RelayAsync(client, id, includeStale: false, CancellationToken.None), relay.RelayAsync(client, id, includeStale: false, CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Single(await MailAsync(app));
        Assert.Single(await app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.NotificationPartition, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_delivery_is_retried_and_then_sent_once()
    {
        var suffix = Suffix();
        FlakyMailer? mailer = null;
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix)
            .WithSetting("Workflow:FirstRetry", "00:00:00.200")
            .WithServices(services => services.AddSingleton<IMailer>(sp => mailer = new FlakyMailer(ActivatorUtilities.CreateInstance<LocalMailer>(sp), failures: 2)));
        var cases = new TestCases(azurite, suffix: suffix);
        var id = await SubmitAsync(app);

        await AllSentAsync(cases, id);

        Assert.Equal(3, mailer!.Calls);
        Assert.Single(await MailAsync(app));
    }

    [Fact]
    public async Task An_effect_that_keeps_failing_is_recorded_as_failed_and_the_coordinator_is_told()
    {
        var suffix = Suffix();
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix)
            .WithSetting("Workflow:FirstRetry", "00:00:00.100")
            .WithSetting("Workflow:DeliveryAttempts", "3")
            .WithServices(services => services.AddSingleton<IMailer>(sp => new FlakyMailer(ActivatorUtilities.CreateInstance<LocalMailer>(sp), failures: int.MaxValue)));
        var cases = new TestCases(azurite, suffix: suffix);
        var id = await SubmitAsync(app);

        var rows = await Eventually.WaitForAsync(() => OutboxRowsAsync(cases, id), r => r.Any(x => x.GetString("Status") == "Failed"), "the mail to fail");

        var mail = rows.Single(r => r.GetString("Type") == "mail-to-initiator");
        Assert.Contains("Graph was busy", mail.GetString("LastError"), StringComparison.Ordinal);
        var failed = Assert.Single(await app.Services.GetRequiredService<OutboxStore>().FailedAsync(id, CancellationToken.None));
        Assert.IsType<MailToInitiator>(failed.Effect);
        var notices = await Eventually.WaitForAsync(
            () => app.Services.GetRequiredService<LocalOutboxStore>().ListAsync(LocalOutboxStore.NotificationPartition, 10, CancellationToken.None),
            n => n.Any(x => x.Subject.StartsWith("Kunde inte skickas", StringComparison.Ordinal)),
            "the coordinator to be told");
        Assert.Single(notices, n => n.Subject.StartsWith("Kunde inte skickas", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sweep_relays_rows_whose_signal_was_lost()
    {
        var suffix = Suffix();
        var cases = new TestCases(azurite, suffix: suffix);
        var id = await cases.SubmitAsync();
        await (await cases.Signal.QueueAsync()).ClearMessagesAsync();

        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix).WithSetting("Workflow:SweepGrace", "00:00:00");
        app.StartServer();

        await AllSentAsync(cases, id);
        Assert.Single(await MailAsync(app));
    }

    [Fact]
    public async Task Committing_effects_signals_the_relay_queue()
    {
        var cases = new TestCases(azurite);
        var id = await cases.SubmitAsync();

        var messages = (await (await cases.Signal.QueueAsync()).ReceiveMessagesAsync(10)).Value;

        Assert.Contains(messages, m => m.MessageText == id.ToString());
    }

    private sealed class FlakyMailer(IMailer inner, int failures) : IMailer
    {
        private int _failures = failures;
        private int _calls;

        public int Calls => _calls;

        public Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Interlocked.Decrement(ref _failures) >= 0
                ? throw new HttpRequestException("Graph was busy (503).")
                : inner.SendAsync(message, idempotencyKey, cancellationToken);
        }
    }
}
