using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Storage;
using Iop.Functions.Timers;
using Iop.Messaging;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Triggers;

/// <summary>
/// Tells the coordinator, in Swedish, that a queue message failed for good: which case (when the message names one)
/// and what may not have happened. Once per message: the idempotency key is the queue and the message id.
/// </summary>
internal sealed class PoisonNotices(
    ICaseStore cases,
    ICoordinatorNotifier notifier,
    IOptions<StorageOptions> storage,
    IOptions<IopOptions> options,
    ILogger<PoisonNotices> logger)
{
    public async Task NotifyAsync(string sourceQueue, string messageText, string? messageId, CancellationToken cancellationToken)
    {
        var caseId = CaseOf(sourceQueue, messageText);
        var number = caseId is { } id ? (await cases.LoadAsync(id, cancellationToken).ConfigureAwait(false))?.State.File.Number.Value : null;
        var notification = Compose(sourceQueue, caseId, number);
        var key = $"poison/{sourceQueue}/{messageId ?? Hash(messageText)}";
        logger.LogError("A message on {Queue} failed repeatedly (case {CaseId}); notifying the coordinator.", sourceQueue, caseId?.ToString() ?? "unknown");
        await notifier.NotifyAsync(notification, key, cancellationToken).ConfigureAwait(false);
    }

    private CoordinatorNotification Compose(string sourceQueue, CaseId? caseId, string? number)
    {
        var baseUrl = options.Value.PublicBaseUrl!;
        var url = caseId is { } id && number is not null ? new Uri(baseUrl, $"/arenden/{id}") : new Uri(baseUrl, "/arenden");
        var which = number is null ? "ett ärende som inte kunde identifieras" : $"ärende {number}";
        var (title, text) = sourceQueue == storage.Value.TimersQueue
            ? (
                $"En bevakning har fastnat – {number ?? "okänt ärende"}",
                $"Tidsbevakningen för {which} kunde inte köras trots upprepade försök. Påminnelser eller eskaleringar kan ha uteblivit: kontrollera ärendet och kontakta IT-stödet. (Kö: {sourceQueue}.)")
            : (
                $"Utskick har fastnat – {number ?? "okänt ärende"}",
                $"Meddelanden för {which} kunde inte skickas trots upprepade försök. E-post eller notiser kan ha uteblivit: kontrollera ärendet och kontakta IT-stödet. (Kö: {sourceQueue}.)");
        return new CoordinatorNotification(title, text, number ?? "", url);
    }

    private CaseId? CaseOf(string sourceQueue, string messageText)
    {
        if (CaseId.TryParse(messageText, out var id))
        {
            return id;
        }

        if (sourceQueue != storage.Value.TimersQueue)
        {
            return null;
        }

        try
        {
            var timer = JsonSerializer.Deserialize<TimerMessage>(messageText, StorageJson.Options);
            return CaseId.TryParse(timer?.Case, out var timerCase) ? timerCase : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
