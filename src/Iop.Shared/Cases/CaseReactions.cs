using Iop.Common;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Cases;

/// <summary>The third pure function of the case: what must happen in the world because of new events.</summary>
public static class CaseReactions
{
    /// <summary>The effects of one event, given the state the event led to.</summary>
    public static IEnumerable<Effect> To(CaseEvent @event, CaseState after, PolicyProfile policy)
    {
        if (after is not RegisteredCase { File: var file })
        {
            yield break;
        }

        var contact = file.Initiative.Contact;
        var organisation = file.Initiative.OrganisationName;
        NotifyCoordinator Notify(CoordinatorNotice notice, IEnumerable<string>? items = null) =>
            new(file.Id, file.Number, notice, organisation, items?.ToValueList());

        switch (@event)
        {
            case InitiativeSubmitted:
                yield return new MailToInitiator(file.Id, file.Number, contact.Name, contact.Email, organisation, InitiatorMessage.Acknowledgement);
                yield return Notify(CoordinatorNotice.NewInitiative);
                break;
            case CaseDiscontinued e:
                yield return new MailToInitiator(file.Id, file.Number, contact.Name, contact.Email, organisation, InitiatorMessage.Discontinued, e.Reason, e.Alternative);
                break;
            case PartnerVettingCompleted:
                yield return Notify(CoordinatorNotice.VettingCompleted);
                break;
        }

        if (after is not InPartnerVetting { Vetting: var vetting })
        {
            yield break;
        }

        var link = vetting.Link;
        switch (@event)
        {
            case PartnerVettingStarted or PortalLinkIssued:
                yield return new SendPortalLink(file.Id, file.Number, contact.Name, contact.Email, organisation, link.TokenId, link.ExpiresAt);
                break;
            case DocumentUploaded e:
                yield return Notify(CoordinatorNotice.DocumentAnswered, [e.DocumentId]);
                break;
            case DocumentMarkedNotExisting e:
                yield return Notify(CoordinatorNotice.DocumentAnswered, [e.DocumentId]);
                break;
            case DeclarationSigned:
                yield return Notify(CoordinatorNotice.DeclarationSigned);
                break;
            case DocumentCompletionRequested e:
                yield return new AskForCompletion(file.Id, file.Number, contact.Name, contact.Email, organisation, e.DocumentId, e.Comment, e.DueAt, link.TokenId, link.ExpiresAt);
                break;
            case ReminderSent:
                var missing = vetting.Outstanding().Select(o => new ItemDue(o.Item, o.DueAt)).ToValueList();
                yield return new RemindInitiator(file.Id, file.Number, contact.Name, contact.Email, organisation, missing, link.TokenId, link.ExpiresAt);
                break;
            case OverdueEscalated e:
                yield return Notify(CoordinatorNotice.Overdue, e.Items);
                break;
        }

        // Whatever changed the schedule arms the timer for its next step; a timer that finds nothing due does nothing.
        if (@event is PartnerVettingStarted or DocumentCompletionRequested or DocumentDueDateChanged or ReminderSent or OverdueEscalated
            && ReminderSchedule.Next(vetting, policy.Reminders, @event.At) is { } next)
        {
            yield return new ScheduleDeadline(file.Id, file.Number, next);
        }
    }
}
