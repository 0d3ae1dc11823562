using System.Text;
using Azure;
using Azure.Data.Tables;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Iop.Messaging;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Outbox.LocalOutbox;

/// <summary>
/// The local stand-in for Microsoft 365: every mail and coordinator notification is kept in a table that
/// <c>/dev/outbox</c> shows. Keyed by the idempotency key, so a retried delivery never shows twice.
/// </summary>
internal sealed class LocalOutboxStore(TableServiceClient tables, IOptions<StorageOptions> options, TimeProvider time)
{
    public const string MailPartition = "mail";
    public const string NotificationPartition = "notification";
    public const string CalendarPartition = "calendar";

    private readonly CreatedOnFirstUse<TableClient> _table = new(async () =>
    {
        var table = tables.GetTableClient(options.Value.LocalOutboxTable);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    });

    /// <summary>A mail, with the exact MIME a mail server would get (<paramref name="eml"/>, 7-bit) for the <c>.eml</c> download.</summary>
    public Task AddMailAsync(MailMessage mail, byte[] eml, string idempotencyKey, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(MailPartition, RowKey(idempotencyKey))
        {
            ["To"] = string.Join(", ", mail.To.Select(t => $"{t.Name} <{t.Address}>")),
            ["ReplyTo"] = mail.ReplyTo is { } r ? $"{r.Name} <{r.Address}>" : null,
            ["Subject"] = mail.Subject,
            ["Text"] = mail.TextBody,
            ["Html"] = mail.HtmlBody,
            ["Headers"] = $"{MailMessage.AutoSubmitted.Name}: {MailMessage.AutoSubmitted.Value}",
            ["Attachments"] = string.Join(", ", mail.Attachments.Select(a => $"{a.FileName} ({a.Content.Length:N0} byte)")),
        };
        LargeText.Write(entity, "Eml", Encoding.ASCII.GetString(eml));
        return AddAsync(entity, cancellationToken);
    }

    /// <summary>One stored mail's MIME (<c>.eml</c>), by its row key.</summary>
    public async Task<byte[]?> FindMailAsync(string? rowKey, CancellationToken cancellationToken) =>
        await FindAsync(MailPartition, rowKey, cancellationToken).ConfigureAwait(false) is { } row && row.ContainsKey("EmlChunks")
            ? Encoding.ASCII.GetBytes(LargeText.Read(row, "Eml"))
            : null;

    public Task AddNotificationAsync(CoordinatorNotification notification, string idempotencyKey, CancellationToken cancellationToken) =>
        AddAsync(new TableEntity(NotificationPartition, RowKey(idempotencyKey))
        {
            ["Subject"] = notification.Title,
            ["Text"] = notification.Text,
            ["CaseNumber"] = notification.CaseNumber,
            ["CaseUrl"] = notification.CaseUrl.ToString(),
        }, cancellationToken);

    /// <summary>An invitation, update or cancellation as the attendees' calendars would receive it (an iTIP <c>.ics</c>).</summary>
    /// <summary>Whether a notification with this idempotency key is in the outbox (e.g. this week's digest).</summary>
    public async Task<bool> HasNotificationAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await FindAsync(NotificationPartition, RowKey(idempotencyKey), cancellationToken).ConfigureAwait(false) is not null;

    public Task AddInvitationAsync(CalendarInvitation invitation, string ics, string method, string idempotencyKey, CancellationToken cancellationToken) =>
        AddAsync(new TableEntity(CalendarPartition, RowKey(idempotencyKey))
        {
            ["To"] = string.Join(", ", invitation.Attendees.Select(t => $"{t.Name} <{t.Address}>")),
            ["ReplyTo"] = $"{invitation.Organizer.Name} <{invitation.Organizer.Address}>",
            ["Subject"] = invitation.Subject,
            ["Text"] = invitation.TextBody,
            ["Ics"] = ics,
            ["Method"] = method,
            ["Uid"] = invitation.Uid,
            ["Sequence"] = invitation.Sequence,
            ["Start"] = invitation.Start,
            ["End"] = invitation.End,
        }, cancellationToken);

    /// <summary>One stored invitation's <c>.ics</c>, by its row key.</summary>
    public async Task<string?> FindInvitationAsync(string? rowKey, CancellationToken cancellationToken) =>
        (await FindAsync(CalendarPartition, rowKey, cancellationToken).ConfigureAwait(false))?.GetString("Ics");

    /// <summary>One stored message by its row key, as a link names it.</summary>
    private async Task<TableEntity?> FindAsync(string partition, string? rowKey, CancellationToken cancellationToken)
    {
        // Keys are the hex of an idempotency key: anything else (a link edited by hand) names no row.
        if (rowKey is not { Length: > 0 and <= 512 } || rowKey.Length % 2 != 0 || !rowKey.All(char.IsAsciiHexDigitUpper))
        {
            return null;
        }

        var table = await _table.Value.ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The newest messages first.</summary>
    public async Task<IReadOnlyList<LocalOutboxMessage>> ListAsync(string partition, int take, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var messages = new List<LocalOutboxMessage>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new LocalOutboxMessage(
                row.GetString("IdempotencyKey"),
                row.GetDateTimeOffset("SentAt")!.Value,
                row.GetString("To"),
                row.GetString("ReplyTo"),
                row.GetString("Subject"),
                row.GetString("Text"),
                row.GetString("CaseUrl"))
            {
                RowKey = row.RowKey,
                Method = row.GetString("Method"),
                Headers = row.GetString("Headers"),
                Attachments = row.GetString("Attachments"),
                Start = row.GetDateTimeOffset("Start"),
                End = row.GetDateTimeOffset("End"),
                Sequence = row.GetInt32("Sequence"),
            });
        }

        return [.. messages.OrderByDescending(m => m.SentAt).Take(take)];
    }

    private async Task AddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        entity["SentAt"] = time.GetUtcNow();
        entity["IdempotencyKey"] = Encoding.UTF8.GetString(Convert.FromHexString(entity.RowKey));
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Delivered before: the retry of an effect whose "sent" mark was lost.
        }
    }

    /// <summary>Idempotency keys hold '/', which row keys may not: hex keeps them unique and reversible.</summary>
    private static string RowKey(string idempotencyKey) => Convert.ToHexString(Encoding.UTF8.GetBytes(idempotencyKey));
}

/// <summary>One message in the local outbox.</summary>
internal sealed record LocalOutboxMessage(string IdempotencyKey, DateTimeOffset SentAt, string? To, string? ReplyTo, string Subject, string Text, string? CaseUrl)
{
    public string RowKey { get; init; } = "";

    /// <summary>For mail: the attached files' names and sizes.</summary>
    public string? Attachments { get; init; }

    /// <summary>For mail: the extra headers it carries.</summary>
    public string? Headers { get; init; }

    /// <summary>For invitations: REQUEST or CANCEL.</summary>
    public string? Method { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public int? Sequence { get; init; }
}
