using Iop.Common;
using Iop.Meetings;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Cases;

/// <summary>Who has the next move in a case.</summary>
public enum PartyKind
{
    /// <summary>The municipality's IOP coordinator (IOP-samordnaren).</summary>
    Coordinator,

    /// <summary>The initiating organisation, through its contact person.</summary>
    Organisation,

    /// <summary>An official asked for an answer: a head of administration, the procurement unit, a committee secretary.</summary>
    Official,
}

/// <summary>One party a case waits on (väntar på), with what it owes by when.</summary>
/// <param name="Kind">Who it is.</param>
/// <param name="Name">The person: the contact person, the addressee, or empty for the coordinator.</param>
/// <param name="Organisation">The organisation, committee or company the person answers for, if any.</param>
/// <param name="DueAt">When the party's next step is due, if it has a due date.</param>
public sealed record Awaited(PartyKind Kind, string Name, string? Organisation, DateTimeOffset? DueAt);

/// <summary>Whom a case waits on at every stage, read from the record: the case list's and the case page's "väntar på".</summary>
public static class WaitingOn
{
    /// <summary>
    /// The organisation while it owes documents or its declaration, every official with an open request, and the
    /// coordinator when the move is theirs: screening, reviewing what was submitted, holding a booked meeting, or
    /// whenever nobody else is waited on in an open case. Closed cases wait on no one.
    /// </summary>
    public static ValueList<Awaited> Of(RegisteredCase state, ReminderCadence cadence)
    {
        if (!CaseListQuery.IsOpen(state.Stage))
        {
            return ValueList<Awaited>.Empty;
        }

        var file = state.File;
        var others = new List<Awaited>();
        if (state is InPartnerVetting { Vetting: var owed } && owed.Outstanding().ToList() is { Count: > 0 } outstanding)
        {
            others.Add(new Awaited(PartyKind.Organisation, file.Initiative.Contact.Name, file.Initiative.OrganisationName, outstanding.Min(o => o.DueAt)));
        }

        others.AddRange(file.Requests.Where(r => r.IsOpen).OrderBy(r => r.DueAt).Select(r => new Awaited(PartyKind.Official, r.Addressee.Name, r.OrganisationName, r.DueAt)));

        var coordinator = CoordinatorsMove(state, cadence, others.Count > 0);
        return (coordinator is null ? others : others.Prepend(coordinator)).ToValueList();
    }

    /// <summary>The earliest due date among the parties waited on.</summary>
    public static DateTimeOffset? NextDue(IEnumerable<Awaited> waitingOn) => waitingOn.Min(a => a.DueAt);

    private static Awaited? CoordinatorsMove(RegisteredCase state, ReminderCadence cadence, bool othersWaitedOn)
    {
        var file = state.File;
        DateTimeOffset? due = state switch
        {
            Received or InScreening => cadence.ScreeningDueAfter(file.ReceivedAt),
            AtFirstMeeting => Booked(file, MeetingKind.FirstMeeting),
            AtStakeholderMeeting => Booked(file, MeetingKind.StakeholderMeeting),
            AtFollowUpMeeting => Booked(file, MeetingKind.FollowUpMeeting),
            _ => null,
        };
        var hasMove = due is not null
            || state is Received or InScreening
            || state is InPartnerVetting { Vetting: var vetting } && vetting.Requests.Any(r => r.Status == RequestStatus.Submitted);
        return hasMove || !othersWaitedOn ? new Awaited(PartyKind.Coordinator, "", null, due) : null;
    }

    /// <summary>The start of the stage's meeting still to be held, if one is booked.</summary>
    private static DateTimeOffset? Booked(CaseFile file, MeetingKind kind) =>
        file.Meetings.Where(m => m.Kind == kind && m.IsScheduled).Select(m => (DateTimeOffset?)m.Start).Min();
}
