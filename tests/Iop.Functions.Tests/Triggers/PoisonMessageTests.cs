using Iop.Cases;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Triggers;

/// <summary>Locally, as under the host: a queue message that failed five times is removed and the coordinator hears of it.</summary>
[Collection("Azurite")]
public sealed class PoisonMessageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_timer_message_that_failed_five_times_is_removed_and_the_coordinator_is_told()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var queue = azurite.Queues().GetQueueClient("timers" + suffix);
        await queue.CreateAsync();
        var lost = CaseId.New();
        await queue.SendMessageAsync($$"""{"case":"{{lost}}","at":"2026-03-20T08:00:00+00:00"}""");
        for (var i = 0; i < 5; i++)
        {
            // Five failed attempts: each receive counts, and the message is visible again at once.
            var message = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix);
        var outbox = app.Services.GetRequiredService<LocalOutboxStore>();
        _ = app.Services.GetRequiredService<TimerQueue>();

        var notice = await WaitForAsync(async () => (await outbox.ListAsync(LocalOutboxStore.NotificationPartition, 50, CancellationToken.None)) is [var first, ..] ? first : null);

        Assert.Equal("En bevakning har fastnat – okänt ärende", notice.Subject);
        Assert.Contains("Påminnelser eller eskaleringar kan ha uteblivit", notice.Text, StringComparison.Ordinal);
        Assert.Equal("http://localhost/arenden", notice.CaseUrl);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The coordinator was not told.");
    }
}
