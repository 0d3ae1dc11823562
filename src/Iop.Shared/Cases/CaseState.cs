using System.Text.Json.Serialization;
using Iop.Common;

namespace Iop.Cases;

/// <summary>
/// Where a case stands. Each stage is its own type carrying exactly what that stage knows, so a state
/// that the process cannot reach cannot be written down. The discriminators are stored in snapshots: never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "state")]
[JsonDerivedType(typeof(NoCase), "none")]
[JsonDerivedType(typeof(Received), "received")]
[JsonDerivedType(typeof(InScreening), "screening")]
[JsonDerivedType(typeof(AtFirstMeeting), "first-meeting")]
[JsonDerivedType(typeof(InPartnerVetting), "partner-vetting")]
[JsonDerivedType(typeof(InScoping), "scoping")]
[JsonDerivedType(typeof(AtStakeholderMeeting), "stakeholder-meeting")]
[JsonDerivedType(typeof(InInternalDiscussion), "internal-discussion")]
[JsonDerivedType(typeof(AtFollowUpMeeting), "follow-up-meeting")]
[JsonDerivedType(typeof(InAgreementDrafting), "agreement-drafting")]
[JsonDerivedType(typeof(AwaitingCommitteeDecision), "committee-decision")]
[JsonDerivedType(typeof(ActivePartnership), "active")]
[JsonDerivedType(typeof(EndedPartnership), "ended")]
[JsonDerivedType(typeof(Discontinued), "discontinued")]
public abstract record CaseState
{
    /// <summary>The state before anything happened: no initiative yet.</summary>
    public static CaseState Initial { get; } = new NoCase();
}

/// <summary>No initiative has been submitted under this id.</summary>
public sealed record NoCase : CaseState;

/// <summary>A case that exists: it has a registration number and a dossier.</summary>
public abstract record RegisteredCase(CaseFile File) : CaseState
{
    /// <summary>The stage this state belongs to.</summary>
    [JsonIgnore]
    public abstract Stage Stage { get; }

    /// <summary>Whether the case has reached an end (discontinued or an ended partnership).</summary>
    [JsonIgnore]
    public bool IsClosed => Stage is Stage.Discontinued or Stage.Ended;
}

/// <summary>Registered and waiting to be screened.</summary>
public sealed record Received(CaseFile File) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.Received;
}

/// <summary>The coordinator has started assessing the checklist; <paramref name="Draft"/> holds the assessments saved so far.</summary>
public sealed record InScreening(CaseFile File, ValueList<Screening.CriterionAssessment> Draft) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.Screening;
}

/// <summary>Screened as viable; waiting for the first meeting with the initiators.</summary>
public sealed record AtFirstMeeting(CaseFile File) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.FirstMeeting;
}

/// <summary>The organisation is being vetted: documents, the values declaration and the portal link.</summary>
public sealed record InPartnerVetting(CaseFile File, Vetting.Vetting Vetting) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.PartnerVetting;
}

/// <summary>The affected committees and companies are being identified.</summary>
public sealed record InScoping(CaseFile File) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.Scoping;
}

/// <summary>Waiting for the stakeholder meeting with the affected organisations.</summary>
public sealed record AtStakeholderMeeting(CaseFile File) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.StakeholderMeeting;
}

/// <summary>The affected organisations discuss internally.</summary>
public sealed record InInternalDiscussion(CaseFile File) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.InternalDiscussion;
}

/// <summary>Waiting for the follow-up meeting with the officials.</summary>
public sealed record AtFollowUpMeeting(CaseFile File) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.FollowUpMeeting;
}

/// <summary>The agreement is being written.</summary>
public sealed record InAgreementDrafting(CaseFile File) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.AgreementDrafting;
}

/// <summary>Waiting for the committees' decisions; <paramref name="Approved"/> once they have approved and signatures remain.</summary>
public sealed record AwaitingCommitteeDecision(CaseFile File, bool Approved) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.CommitteeDecision;
}

/// <summary>A signed, running partnership.</summary>
public sealed record ActivePartnership(CaseFile File, PartnershipTerm Term) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.Active;

    /// <summary>When the agreement was signed (null in snapshots written before it was kept).</summary>
    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The keys of the term's reminder steps already taken.</summary>
    public ValueList<string> StepsTaken { get; init; } = ValueList<string>.Empty;

    /// <summary>What the coordinator chose for the end of the term, once chosen.</summary>
    public Partnerships.TermChoice? Choice { get; init; }

    /// <summary>A party's notice of termination, once given: the partnership ends when the notice period has run.</summary>
    public Partnerships.TerminationNotice? Notice { get; init; }
}

/// <summary>A partnership that has ended.</summary>
public sealed record EndedPartnership(CaseFile File, PartnershipTerm Term, string Reason, DateTimeOffset EndedAt) : RegisteredCase(File)
{
    /// <summary>The day the agreement ended (its last day), when recorded; otherwise the day it was recorded as ended.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>How it ended, when recorded.</summary>
    public Partnerships.EndingKind? Kind { get; init; }

    /// <inheritdoc />
    public override Stage Stage => Stage.Ended;
}

/// <summary>A case whose process towards an IOP was stopped.</summary>
public sealed record Discontinued(CaseFile File, Discontinuation Discontinuation) : RegisteredCase(File)
{
    /// <inheritdoc />
    public override Stage Stage => Stage.Discontinued;
}

/// <summary>The agreement term (avtalstid), inclusive dates.</summary>
public sealed record PartnershipTerm(DateOnly Start, DateOnly End);
