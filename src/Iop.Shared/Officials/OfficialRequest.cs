using System.Text.Json.Serialization;
using Iop.Common;

namespace Iop.Officials;

/// <summary>What an official is asked for by e-mail.</summary>
public enum RequestKind
{
    /// <summary>The procurement unit's opinion on criterion 7: is there a market or competition situation? (yttrande)</summary>
    ProcurementOpinion,

    /// <summary>The head of an affected administration or company confirms the staff who take part (bemanning).</summary>
    StaffingConfirmation,

    /// <summary>An affected organisation reports its position after its internal discussion (ställningstagande).</summary>
    InternalPosition,

    /// <summary>A committee's or board's decision on the agreement, recorded by its secretary (beslut).</summary>
    CommitteeDecision,
}

/// <summary>Where a request stands.</summary>
public enum OfficialRequestStatus
{
    /// <summary>Sent and waiting for an answer.</summary>
    Open,

    /// <summary>Answered; the answer is recorded.</summary>
    Answered,

    /// <summary>Withdrawn by the process (e.g. the agreement went back for revision); its link is dead.</summary>
    Withdrawn,
}

/// <summary>
/// A question to one named official, answered from a link in an e-mail. The link names the request and its
/// <see cref="Issue"/>: moving the request to another person issues it anew, so the old link no longer answers it.
/// </summary>
/// <param name="Id">Unique in the case, e.g. <c>staffing-socialnamnden</c>.</param>
/// <param name="Kind">What is asked.</param>
/// <param name="OrganisationId">The affected organisation the request concerns, or null for the procurement unit.</param>
/// <param name="OrganisationName">The organisation's name, for people.</param>
/// <param name="Addressee">Who is asked now.</param>
/// <param name="Issue">1 for the first addressee, one more each time the request moves.</param>
/// <param name="SentAt">When it was first sent.</param>
/// <param name="DueAt">When the answer is due.</param>
/// <param name="Status">Open, answered or withdrawn.</param>
/// <param name="Answer">The answer, once given.</param>
/// <param name="Transfers">Every move to another person (delegation or reassignment), oldest first.</param>
/// <param name="StepsTaken">The reminder steps already taken (keys from the reminder schedule).</param>
public sealed record OfficialRequest(
    string Id,
    RequestKind Kind,
    string? OrganisationId,
    string OrganisationName,
    Person Addressee,
    int Issue,
    DateTimeOffset SentAt,
    DateTimeOffset DueAt,
    OfficialRequestStatus Status,
    RecordedAnswer? Answer,
    ValueList<RequestTransfer> Transfers,
    ValueList<string> StepsTaken)
{
    /// <summary>For committee decisions, the round: 1, then one more each time a revised agreement goes back to the committees.</summary>
    public int Round { get; init; } = 1;

    /// <summary>The link's identity, recorded with the answer: the request and its issue.</summary>
    [JsonIgnore]
    public string LinkId => $"{Id}.{Issue}";

    /// <summary>Whether the request waits for an answer.</summary>
    [JsonIgnore]
    public bool IsOpen => Status == OfficialRequestStatus.Open;

    /// <summary>Until when the request's links work: long enough past the due date for reminders to be answered.</summary>
    [JsonIgnore]
    public DateTimeOffset LinkExpiresAt => DueAt.AddDays(60);

    /// <summary>A new open request.</summary>
    public static OfficialRequest Open(string id, RequestKind kind, string? organisationId, string organisationName, Person addressee, DateTimeOffset now, DateTimeOffset dueAt) =>
        new(id, kind, organisationId, organisationName, addressee, 1, now, dueAt, OfficialRequestStatus.Open, null, ValueList<RequestTransfer>.Empty, ValueList<string>.Empty);
}

/// <summary>A request moved from one person to another.</summary>
/// <param name="From">Who had it.</param>
/// <param name="To">Who has it now.</param>
/// <param name="Reason">Why, if given.</param>
/// <param name="ByName">Who moved it: the addressee delegating or the coordinator reassigning.</param>
/// <param name="ByCoordinator">Whether the coordinator reassigned it (rather than the addressee delegating).</param>
/// <param name="At">When.</param>
public sealed record RequestTransfer(Person From, Person To, string? Reason, string ByName, bool ByCoordinator, DateTimeOffset At);

/// <summary>An answer as recorded: what was answered, by whom, when, from which link.</summary>
/// <param name="Content">The answer.</param>
/// <param name="By">The person who answered (signed in as the addressee).</param>
/// <param name="LinkId">The link the answer came from (<see cref="OfficialRequest.LinkId"/>).</param>
/// <param name="At">When.</param>
public sealed record RecordedAnswer(OfficialAnswer Content, Person By, string LinkId, DateTimeOffset At);

/// <summary>An official's answer; one kind per <see cref="RequestKind"/>. Discriminators are stored: never rename them.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ProcurementOpinion), "procurement-opinion")]
[JsonDerivedType(typeof(StaffingAnswer), "staffing")]
[JsonDerivedType(typeof(PositionAnswer), "position")]
[JsonDerivedType(typeof(CommitteeDecision), "committee-decision")]
public abstract record OfficialAnswer
{
    /// <summary>The request kind this answer answers.</summary>
    [JsonIgnore]
    public abstract RequestKind Answers { get; }

    /// <summary>Whether the answer says no: a declined staffing, a negative position, a rejection.</summary>
    [JsonIgnore]
    public abstract bool IsNegative { get; }
}

/// <summary>Whether the procurement unit finds a market or competition situation (criterion 7).</summary>
public enum MarketSituation
{
    /// <summary>No market or competition situation: the criterion holds.</summary>
    NoMarket,

    /// <summary>There is a market or competition situation: an IOP is not the right form; procurement may be.</summary>
    Market,

    /// <summary>The unit cannot tell; the coordinator weighs the written opinion.</summary>
    Unclear,
}

/// <summary>The procurement unit's written opinion (yttrande), optionally with a file.</summary>
public sealed record ProcurementOpinion(MarketSituation Situation, string Opinion, Vetting.UploadedFile? Attachment) : OfficialAnswer
{
    /// <inheritdoc />
    public override RequestKind Answers => RequestKind.ProcurementOpinion;

    /// <inheritdoc />
    public override bool IsNegative => Situation == MarketSituation.Market;
}

/// <summary>A head's staffing confirmation: the officials who take part, or a refusal with a reason.</summary>
public sealed record StaffingAnswer(bool Confirmed, ValueList<Person> Officials, string? Reason) : OfficialAnswer
{
    /// <inheritdoc />
    public override RequestKind Answers => RequestKind.StaffingConfirmation;

    /// <inheritdoc />
    public override bool IsNegative => !Confirmed;
}

/// <summary>An organisation's position after its internal discussion.</summary>
public enum Position
{
    /// <summary>It supports a partnership.</summary>
    Supports,

    /// <summary>It supports a partnership on conditions, stated in the text.</summary>
    SupportsWithConditions,

    /// <summary>It does not support a partnership.</summary>
    DoesNotSupport,
}

/// <summary>An affected organisation's position (ställningstagande) with its statement.</summary>
public sealed record PositionAnswer(Position Position, string Statement) : OfficialAnswer
{
    /// <inheritdoc />
    public override RequestKind Answers => RequestKind.InternalPosition;

    /// <inheritdoc />
    public override bool IsNegative => Position == Position.DoesNotSupport;
}

/// <summary>A committee's or board's decision: approved or rejected, at which meeting, under which paragraph (e.g. "§ 19").</summary>
public sealed record CommitteeDecision(bool Approved, DateOnly MeetingDate, string Paragraph, Vetting.UploadedFile? Extract) : OfficialAnswer
{
    /// <inheritdoc />
    public override RequestKind Answers => RequestKind.CommitteeDecision;

    /// <inheritdoc />
    public override bool IsNegative => !Approved;
}
