using System.Text.Json.Serialization;
using Iop.Common;
using Iop.Officials;

namespace Iop.Meetings;

/// <summary>The meetings of the process.</summary>
public enum MeetingKind
{
    /// <summary>The first meeting with the initiators (första möte).</summary>
    FirstMeeting,

    /// <summary>The stakeholder meeting with the affected committees and companies (dialogmöte).</summary>
    StakeholderMeeting,

    /// <summary>The follow-up meeting with the officials (uppföljningsmöte).</summary>
    FollowUpMeeting,

    /// <summary>A running partnership's follow-up dialogue between the parties (uppföljningsdialog), on the partnership's calendar.</summary>
    PartnershipDialogue,
}

/// <summary>Where a meeting stands.</summary>
public enum MeetingStatus
{
    /// <summary>Invitations sent; not yet held.</summary>
    Scheduled,

    /// <summary>Held; notes may be recorded.</summary>
    Held,

    /// <summary>Cancelled; attendees were told.</summary>
    Cancelled,
}

/// <summary>A meeting in the case, sent as a calendar invitation.</summary>
/// <param name="Id">Unique in the case, e.g. <c>stakeholder-1</c>; with the case id it is the invitation's UID.</param>
/// <param name="Kind">Which meeting of the process.</param>
/// <param name="Start">Start.</param>
/// <param name="End">End (after the start).</param>
/// <param name="Location">A room or address; null for an online-only meeting.</param>
/// <param name="Online">Whether it is (also) online (a Teams meeting in Microsoft 365).</param>
/// <param name="Attendees">The invited people.</param>
/// <param name="Sequence">The invitation's sequence: 0, then one more for every update and the cancellation.</param>
/// <param name="Status">Scheduled, held or cancelled.</param>
/// <param name="CalendarEventId">The calendar's id for the event, once the invitation went out.</param>
/// <param name="Notes">The minutes or notes recorded after the meeting.</param>
public sealed record Meeting(
    string Id,
    MeetingKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Location,
    bool Online,
    ValueList<Person> Attendees,
    int Sequence,
    MeetingStatus Status,
    string? CalendarEventId,
    string? Notes)
{
    /// <summary>Whether the meeting still lies ahead (scheduled, not held or cancelled).</summary>
    [JsonIgnore]
    public bool IsScheduled => Status == MeetingStatus.Scheduled;
}
