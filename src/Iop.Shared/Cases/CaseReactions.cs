namespace Iop.Cases;

/// <summary>The third pure function of the case: what must happen in the world because of new events.</summary>
public static class CaseReactions
{
    /// <summary>The effects of one event, given the state the event led to.</summary>
    public static IEnumerable<Effect> To(CaseEvent @event, CaseState after)
    {
        if (after is not RegisteredCase { File: var file })
        {
            yield break;
        }

        var contact = file.Initiative.Contact;
        switch (@event)
        {
            case InitiativeSubmitted:
                yield return new MailToInitiator(file.Id, file.Number, contact.Name, contact.Email, file.Initiative.OrganisationName, InitiatorMessage.Acknowledgement);
                yield return new NotifyCoordinator(file.Id, file.Number, CoordinatorNotice.NewInitiative, file.Initiative.OrganisationName);
                break;
            case CaseDiscontinued e:
                yield return new MailToInitiator(file.Id, file.Number, contact.Name, contact.Email, file.Initiative.OrganisationName, InitiatorMessage.Discontinued, e.Reason, e.Alternative);
                break;
        }
    }
}
