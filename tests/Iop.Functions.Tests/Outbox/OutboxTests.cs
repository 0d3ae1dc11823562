using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Tests.Outbox;

[Collection("Azurite")]
public sealed class OutboxTests(AzuriteFixture azurite)
{
    private readonly TestCases _cases = new(azurite);

    private LocalOutboxStore LocalOutbox => new(_cases.Tables, _cases.Options, _cases.Time);

    private OutboxDispatcher Dispatcher(IMailer? mailer = null, OutboxOptions? options = null) => new(
        _cases.Tables,
        _cases.Options,
        Options.Create(options ?? new OutboxOptions()),
        new EffectDelivery(_cases.Composer, mailer ?? new LocalMailer(LocalOutbox), new LocalCoordinatorNotifier(LocalOutbox), new LocalCalendar(LocalOutbox, _cases.Time), _cases.Timers, _cases.Service, _cases.Store, NullLogger<EffectDelivery>.Instance),
        _cases.Time,
        NullLogger<OutboxDispatcher>.Instance);

    private async Task<List<TableEntity>> OutboxRowsAsync(CaseId id)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _cases.CasesTable.QueryAsync<TableEntity>(e => e.PartitionKey == id.ToString()))
        {
            if (row.RowKey.StartsWith(OutboxRows.Prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Fact]
    public async Task A_new_initiative_is_acknowledged_to_the_initiator_and_announced_to_the_coordinator()
    {
        var id = await _cases.SubmitAsync();
        var number = (await _cases.Store.LoadAsync(id, CancellationToken.None))!.State.File.Number;

        var delivered = await Dispatcher().DispatchCaseAsync(id, CancellationToken.None);

        Assert.Equal(2, delivered);
        var mail = Assert.Single(await LocalOutbox.ListAsync(LocalOutboxStore.MailPartition, 10, CancellationToken.None));
        Assert.Equal($"Vi har tagit emot ert IOP-initiativ – {number}", mail.Subject);
        Assert.Equal("Karin Ek <karin.ek@navet.example>", mail.To);
        Assert.Equal("IOP-samordnaren <iop@mora.example>", mail.ReplyTo);
        Assert.Contains($"diarienummer {number}", mail.Text, StringComparison.Ordinal);
        var notice = Assert.Single(await LocalOutbox.ListAsync(LocalOutboxStore.NotificationPartition, 10, CancellationToken.None));
        Assert.Equal("Nytt IOP-initiativ: Föreningen Navet", notice.Subject);
        Assert.Equal($"http://localhost/arenden/{id}", notice.CaseUrl);
        Assert.All(await OutboxRowsAsync(id), row => Assert.Equal("Sent", row.GetString("Status")));
    }

    [Fact]
    public async Task Dispatching_again_or_concurrently_sends_each_message_once()
    {
        var id = await _cases.SubmitAsync();

        await Task.WhenAll(Dispatcher().DispatchCaseAsync(id, CancellationToken.None), Dispatcher().DispatchCaseAsync(id, CancellationToken.None));
        var again = await Dispatcher().DispatchCaseAsync(id, CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Single(await LocalOutbox.ListAsync(LocalOutboxStore.MailPartition, 10, CancellationToken.None));
        Assert.Single(await LocalOutbox.ListAsync(LocalOutboxStore.NotificationPartition, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_delivery_backs_off_records_the_error_and_succeeds_later()
    {
        var id = await _cases.SubmitAsync();
        var mailer = new FlakyMailer(new LocalMailer(LocalOutbox), failures: 1);
        var dispatcher = Dispatcher(mailer, new OutboxOptions { FirstBackoff = TimeSpan.FromMinutes(1) });

        await dispatcher.DispatchCaseAsync(id, CancellationToken.None);
        var failed = (await OutboxRowsAsync(id)).Single(r => r.GetString("Type") == "mail-to-initiator");
        var tooEarly = await dispatcher.DispatchCaseAsync(id, CancellationToken.None);
        _cases.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await dispatcher.DispatchCaseAsync(id, CancellationToken.None);

        Assert.Equal("Pending", failed.GetString("Status"));
        Assert.Equal(1, failed.GetInt32("Attempts"));
        Assert.Contains("Graph was busy", failed.GetString("LastError"), StringComparison.Ordinal);
        Assert.Equal(0, tooEarly);
        Assert.Equal(1, later);
        Assert.Single(await LocalOutbox.ListAsync(LocalOutboxStore.MailPartition, 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_effect_that_keeps_failing_is_marked_failed_not_retried_forever()
    {
        var id = await _cases.SubmitAsync();
        var dispatcher = Dispatcher(new FlakyMailer(new LocalMailer(LocalOutbox), failures: int.MaxValue), new OutboxOptions { MaxAttempts = 3, FirstBackoff = TimeSpan.FromSeconds(1) });

        for (var i = 0; i < 5; i++)
        {
            await dispatcher.DispatchCaseAsync(id, CancellationToken.None);
            _cases.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var mail = (await OutboxRowsAsync(id)).Single(r => r.GetString("Type") == "mail-to-initiator");
        Assert.Equal("Failed", mail.GetString("Status"));
        Assert.Equal(3, mail.GetInt32("Attempts"));
    }

    [Fact]
    public async Task The_sweep_delivers_effects_whose_signal_was_lost()
    {
        var id = await _cases.SubmitAsync();
        var queue = await _cases.Signal.QueueAsync();
        await queue.ClearMessagesAsync();

        var delivered = await Dispatcher().SweepAsync(CancellationToken.None);

        Assert.Equal(2, delivered);
        Assert.All(await OutboxRowsAsync(id), row => Assert.Equal("Sent", row.GetString("Status")));
    }

    [Fact]
    public async Task Committing_effects_signals_the_outbox_queue()
    {
        var id = await _cases.SubmitAsync();

        var messages = (await (await _cases.Signal.QueueAsync()).ReceiveMessagesAsync(10)).Value;

        Assert.Contains(messages, m => m.MessageText == id.ToString());
    }

    private sealed class FlakyMailer(IMailer inner, int failures) : IMailer
    {
        private int _failures = failures;

        public Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failures) >= 0
                ? throw new HttpRequestException("Graph was busy (503).")
                : inner.SendAsync(message, idempotencyKey, cancellationToken);
    }
}
