using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Vetting;

namespace Iop.Functions.Pages.Cases;

/// <summary>The summary at the top of the case page: whom the case waits on, by when, and what moves it on.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>Whom the case waits on, each with its due date.</summary>
    public ValueList<Awaited> WaitingOn => Iop.Cases.WaitingOn.Of(Case.State, Policy.Reminders);

    /// <summary>The one or two actions that move the case on, as links to their forms further down the page.</summary>
    public IReadOnlyList<(string Anchor, string Label)> NextActions()
    {
        var state = Case.State;
        var file = state.File;
        bool Booked(MeetingKind kind) => file.Meetings.Any(m => m.Kind == kind && m.IsScheduled);
        return state switch
        {
            Received or InScreening => [("#screening", T("Bedöm initiativet mot checklistan", "Screen the initiative against the checklist"))],
            AtFirstMeeting when !Booked(MeetingKind.FirstMeeting) && !file.Meetings.Any(m => m.Kind == MeetingKind.FirstMeeting && m.Status == MeetingStatus.Held) =>
                [("#meetings", T("Boka första mötet", "Book the first meeting")), ("#record-meeting", T("Registrera ett möte som redan hållits", "Record a meeting already held"))],
            AtFirstMeeting => [("#vetting", T("Starta kontroll av organisationen", "Start partner vetting"))],
            InPartnerVetting { Vetting: var vetting } when vetting.Requests.Any(r => r.Status == RequestStatus.Submitted) =>
                [("#vetting", T("Granska inskickade dokument", "Review submitted documents"))],
            InPartnerVetting => [("#vetting", T("Se vad organisationen har kvar att skicka", "See what the organisation has left to send"))],
            InScoping => [("#scoping", T("Välj berörda nämnder och bolag", "Choose the affected committees and companies"))],
            AtStakeholderMeeting or AtFollowUpMeeting => [("#meetings", T("Möten", "Meetings")), ("#requests", T("Förfrågningar till tjänstepersoner", "Requests to officials"))],
            InInternalDiscussion => [("#requests", T("Förfrågningar till tjänstepersoner", "Requests to officials"))],
            InAgreementDrafting when OutstandingChecks.Count > 0 =>
                [("#agreement", T("Skriv överenskommelsen", "Write the agreement")), ("#checks", T("Gör riktlinjens kontroller", "Make the guideline's checks"))],
            InAgreementDrafting => [("#agreement", T("Skriv överenskommelsen", "Write the agreement"))],
            AwaitingCommitteeDecision { Approved: true } => [("#agreement", T("Registrera underskrifterna", "Record the signatures"))],
            AwaitingCommitteeDecision => [("#requests", T("Följ nämndernas beslut", "Follow the committees' decisions"))],
            ActivePartnership when TermDecisionDue => [("#term", T("Bestäm om avtalstidens slut", "Decide on the end of the term"))],
            _ => [],
        };
    }
}
