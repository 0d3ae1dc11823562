namespace Iop.Officials;

/// <summary>The stable codes of the rules on requests to officials; the app words them for users.</summary>
public static class OfficialsRules
{
    /// <summary>The case has no such request.</summary>
    public const string UnknownRequest = "request.unknown";

    /// <summary>The request is already answered.</summary>
    public const string AlreadyAnswered = "request.already-answered";

    /// <summary>The request was withdrawn.</summary>
    public const string Withdrawn = "request.withdrawn";

    /// <summary>The request has moved to someone else since this link was sent.</summary>
    public const string Moved = "request.moved";

    /// <summary>The person signed in is not the addressee.</summary>
    public const string NotAddressee = "request.not-addressee";

    /// <summary>The answer is of the wrong kind for the request.</summary>
    public const string WrongAnswer = "request.wrong-answer";

    /// <summary>A written opinion, reason or statement is required.</summary>
    public const string TextRequired = "request.text-required";

    /// <summary>The guideline asks for exactly one named contact person per administration.</summary>
    public const string OneContact = "request.one-contact";

    /// <summary>A confirmation must name at least one official.</summary>
    public const string OfficialRequired = "request.official-required";

    /// <summary>A committee decision needs its meeting date.</summary>
    public const string MeetingDateRequired = "request.meeting-date-required";

    /// <summary>A committee decision needs its protocol paragraph.</summary>
    public const string ParagraphRequired = "request.paragraph-required";

    /// <summary>The decision's meeting date lies in the future.</summary>
    public const string MeetingDateInFuture = "request.meeting-date-in-future";

    /// <summary>An e-mail address is not valid.</summary>
    public const string InvalidAddress = "request.invalid-address";

    /// <summary>Delegation to the person who already has the request.</summary>
    public const string SamePerson = "request.same-person";

    /// <summary>A procurement opinion is already being waited for.</summary>
    public const string OpinionPending = "procurement.opinion-pending";

    /// <summary>The agreement cannot go to the committees before the procurement unit's opinion.</summary>
    public const string OpinionRequired = "procurement.opinion-required";

    /// <summary>The procurement unit found a market situation: not an IOP.</summary>
    public const string MarketSituation = "procurement.market-situation";

    /// <summary>Revision needs a committee's rejection.</summary>
    public const string NothingRejected = "agreement.nothing-rejected";

    /// <summary>Procurement opinions are asked before the committees decide.</summary>
    public const string TooLateForOpinion = "procurement.too-late";

    /// <summary>The longest short text (a name, a paragraph).</summary>
    public const int MaxShortText = 200;
}
