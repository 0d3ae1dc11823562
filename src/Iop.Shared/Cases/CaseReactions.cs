using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Vetting;
using Iop.Waiting;

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
        var organisation = file.Initiative.OrganisationName;
        NotifyCoordinator Notify(CoordinatorNotice notice, IEnumerable<string>? items = null) =>
            new(file.Id, file.Number, notice, organisation, items?.ToValueList(), file.PolicyId, file.PolicyVersion);

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
            case CommitteesApproved:
                yield return Notify(CoordinatorNotice.CommitteesApproved);
                break;
            case AgreementSigned:
                yield return new MailToInitiator(file.Id, file.Number, contact.Name, contact.Email, organisation, InitiatorMessage.PartnershipActive);
                yield return Notify(CoordinatorNotice.PartnershipActive);
                break;
            case Partnerships.TermEndingReminded e:
                yield return Notify(CoordinatorNotice.TermEnding, [e.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
                break;
            case PartnershipEnded:
                yield return Notify(CoordinatorNotice.PartnershipEnded);
                break;
            case Partnerships.FollowUpReminded e:
                yield return Notify(e.Late ? CoordinatorNotice.FollowUpLate : CoordinatorNotice.FollowUpDue, [e.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
                break;
            case Partnerships.YearlyReportRequested or Partnerships.YearlyReportReminded:
                var year = @event is Partnerships.YearlyReportRequested requested ? requested.Year : ((Partnerships.YearlyReportReminded)@event).Year;
                var report = file.YearlyReports.First(r => r.Year == year);
                yield return new SendReportLink(file.Id, file.Number, contact.Name, contact.Email, organisation, report.Year, report.Issue, report.DueAt, report.LinkExpiresAt, @event is Partnerships.YearlyReportReminded);
                break;
            case Partnerships.YearlyReportSubmitted e:
                yield return Notify(CoordinatorNotice.YearlyReportSubmitted, [e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                break;
            case Partnerships.YearlyReportEscalated e:
                yield return Notify(CoordinatorNotice.YearlyReportOverdue, [e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                break;
        }

        foreach (var effect in ToOfficials(@event, file).Concat(ToMeetings(@event, file)))
        {
            yield return effect;
        }

        if (after is not InPartnerVetting { Vetting: var vetting })
        {
            yield break;
        }

        var link = vetting.Link;
        switch (@event)
        {
            case PartnerVettingStarted or PortalLinkIssued:
                yield return new SendPortalLink(file.Id, file.Number, contact.Name, contact.Email, organisation, link.TokenId, link.ExpiresAt, file.PolicyId, file.PolicyVersion);
                break;
            case DocumentUploaded e:
                yield return Notify(CoordinatorNotice.DocumentAnswered, [e.DocumentId]);
                break;
            case DocumentFilesUploaded e:
                // One notice per upload, however many files it holds.
                yield return Notify(CoordinatorNotice.DocumentAnswered, [e.DocumentId]);
                break;
            case DocumentMarkedNotExisting e:
                yield return Notify(CoordinatorNotice.DocumentAnswered, [e.DocumentId]);
                break;
            case DeclarationSigned:
                yield return Notify(CoordinatorNotice.DeclarationSigned);
                break;
            case DocumentCompletionRequested e:
                yield return new AskForCompletion(file.Id, file.Number, contact.Name, contact.Email, organisation, e.DocumentId, e.Comment, e.DueAt, link.TokenId, link.ExpiresAt, file.PolicyId, file.PolicyVersion);
                break;
            case ReminderSent:
                var missing = vetting.Outstanding().Select(o => new ItemDue(o.Item, o.DueAt)).ToValueList();
                yield return new RemindInitiator(file.Id, file.Number, contact.Name, contact.Email, organisation, missing, link.TokenId, link.ExpiresAt, file.PolicyId, file.PolicyVersion);
                break;
            case OverdueEscalated e:
                yield return Notify(CoordinatorNotice.Overdue, e.Items);
                break;
        }
    }

    /// <summary>
    /// Once per command: when what the case waits for changed (a request sent, answered, moved or withdrawn; a document
    /// answered or a due date moved), the workflow is told which waits are open now.
    /// </summary>
    public static IEnumerable<Effect> ToWaits(CaseState before, CaseState after)
    {
        if (after is not RegisteredCase { File: var file })
        {
            yield break;
        }

        var open = Waits.Keys(after);
        if (!open.SequenceEqual(Waits.Keys(before)))
        {
            yield return new WaitsChanged(file.Id, file.Number, open);
        }
    }

    private static IEnumerable<Effect> ToOfficials(CaseEvent @event, CaseFile file)
    {
        var organisation = file.Initiative.OrganisationName;
        OfficialRequest Find(string id) => file.Requests.First(r => r.Id == id);
        MailToOfficial Mail(OfficialRequest r, bool reminder) =>
            new(file.Id, file.Number, r.Id, r.Kind, r.Issue, r.Addressee.Name, r.Addressee.Email, organisation, r.OrganisationName, r.DueAt, r.LinkExpiresAt, reminder,
                r.Kind == RequestKind.CommitteeDecision && file.Checks.Count > 0 ? file.Checks : null, file.PolicyId, file.PolicyVersion);
        NotifyAboutRequest Notify(CoordinatorNotice notice, OfficialRequest r, Person person) =>
            new(file.Id, file.Number, notice, organisation, r.Kind, r.OrganisationName, person.Name);

        switch (@event)
        {
            case RequestsSent e:
                foreach (var r in e.Requests)
                {
                    yield return Mail(Find(r.Id), reminder: false);
                }

                break;
            case RequestTransferred e:
                yield return Mail(Find(e.RequestId), reminder: false);
                break;
            case RequestReminded e:
                yield return Mail(Find(e.RequestId), reminder: true);
                break;
            case RequestEscalated e:
                yield return Notify(CoordinatorNotice.RequestOverdue, Find(e.RequestId), Find(e.RequestId).Addressee);
                break;
            case RequestAnswered e:
                yield return Notify(e.Answer.Content.IsNegative ? CoordinatorNotice.AnswerNegative : CoordinatorNotice.AnswerReceived, Find(e.RequestId), e.Answer.By);
                break;
        }
    }

    private static IEnumerable<Effect> ToMeetings(CaseEvent @event, CaseFile file)
    {
        (string Id, string? Reason)? changed = @event switch
        {
            MeetingScheduled e => (e.Meeting.Id, null),
            MeetingRescheduled e => (e.MeetingId, null),
            MeetingCancelled e => (e.MeetingId, e.Reason),
            _ => null,
        };
        if (changed is not { } c)
        {
            yield break;
        }

        var m = file.Meetings.First(m => m.Id == c.Id);
        yield return new SendInvitation(
            file.Id, file.Number, file.Initiative.OrganisationName, m.Id, m.Kind, m.Sequence, m.Start, m.End, m.Location, m.Online, m.Attendees, c.Reason);
    }
}
