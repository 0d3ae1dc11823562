using Iop.Cases;
using Iop.Common;
using Iop.Functions.Mail;
using Iop.Messaging;

namespace Iop.Functions.Outbox;

/// <summary>Carries one effect out through the ports: mail to people, notices to the coordinator, invitations.</summary>
internal sealed class EffectDelivery(MailComposer composer, IMailer mailer, ICoordinatorNotifier notifier, ICalendar calendar, CaseService cases, ICaseStore store, ILogger<EffectDelivery> logger)
{
    /// <summary>
    /// Tells the coordinator that an effect failed for good, through the other channel: by mail when a Teams notice
    /// failed, in Teams when a mail or an invitation failed. Best effort: the failure also shows on the case page.
    /// </summary>
    public async Task ReportFailureAsync(Effect effect, string error, string idempotencyKey, CancellationToken cancellationToken)
    {
        var notice = composer.ComposeFailure(effect, error);
        try
        {
            if (effect is NotifyCoordinator or NotifyAboutRequest)
            {
                await mailer.SendAsync(composer.ToCoordinator(notice), idempotencyKey, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await notifier.NotifyAsync(notice, idempotencyKey, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not tell the coordinator that {Key} failed; the case page shows it.", idempotencyKey);
        }
    }

    /// <summary>Sends a mail effect.</summary>
    public Task SendMailAsync(Effect effect, string idempotencyKey, CancellationToken cancellationToken) => effect switch
    {
        MailToInitiator mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        SendPortalLink mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        RemindInitiator mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        AskForCompletion mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        SendReportLink mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        MailToOfficial { Kind: Officials.RequestKind.CommitteeDecision, Reminder: false } mail => SendWithAgreementAsync(mail, idempotencyKey, cancellationToken),
        MailToOfficial mail => mailer.SendAsync(composer.Compose(mail), idempotencyKey, cancellationToken),
        _ => throw new InvalidOperationException($"{effect.GetType().Name} is not a mail."),
    };

    /// <summary>Sends a notice to the coordinator.</summary>
    public Task NotifyAsync(Effect effect, string idempotencyKey, CancellationToken cancellationToken) => effect switch
    {
        NotifyCoordinator notice => notifier.NotifyAsync(composer.Compose(notice), idempotencyKey, cancellationToken),
        NotifyAboutRequest notice => notifier.NotifyAsync(composer.Compose(notice), idempotencyKey, cancellationToken),
        _ => throw new InvalidOperationException($"{effect.GetType().Name} is not a notice."),
    };

    /// <summary>
    /// Sends, updates or cancels the calendar event. Returns the calendar's event id when the case does not know it yet
    /// (the workflow records it). An update fails (and is retried) until the first invitation's event id is known, so an
    /// update never creates a second event.
    /// </summary>
    public async Task<string?> InviteAsync(SendInvitation meeting, string idempotencyKey, CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(meeting.Case, cancellationToken).ConfigureAwait(false);
        var eventId = stored?.State.File.Meetings.FirstOrDefault(m => m.Id == meeting.MeetingId)?.CalendarEventId;
        if (eventId is null && meeting.Sequence > 0)
        {
            throw new InvalidOperationException($"The meeting {meeting.MeetingId} has no calendar event yet; the update waits for the invitation.");
        }

        var invitation = composer.Compose(meeting);
        if (meeting.CancellationReason is { } reason)
        {
            await calendar.CancelAsync(invitation, eventId, reason, idempotencyKey, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var created = await calendar.SendAsync(invitation, eventId, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return created == eventId ? null : created;
    }

    /// <summary>The committee's secretary gets the agreement draft as it reads now, to bring to the committee.</summary>
    private async Task SendWithAgreementAsync(MailToOfficial mail, string idempotencyKey, CancellationToken cancellationToken)
    {
        var message = composer.Compose(mail);
        if ((await store.LoadAsync(mail.Case, cancellationToken).ConfigureAwait(false))?.State.File is { Agreement: not null } file)
        {
            var name = $"overenskommelse-{file.Number.Value.Replace(' ', '-').Replace('/', '-')}.docx";
            message = message with { Attachments = ValueList.Of(new MailAttachment(name, Agreements.AgreementDocument.ContentType, Api.DocumentDownloads.AgreementFile(file, cases.Policies.For(file)))) };
        }

        await mailer.SendAsync(message, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }
}
