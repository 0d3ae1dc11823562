using Iop.Common;
using Iop.Intake;
using Iop.Meetings;
using Iop.Officials;
using Iop.Screening;

namespace Iop.Cases;

/// <summary>What a case knows whatever its stage: the dossier (akt) that every stage carries forward.</summary>
/// <param name="Id">The case.</param>
/// <param name="Number">Its registration number (diarienummer).</param>
/// <param name="PolicyId">The policy profile the case follows, fixed at intake.</param>
/// <param name="PolicyVersion">The profile's version, fixed at intake (null for cases received before versions were kept).</param>
/// <param name="Initiative">The initiative as submitted.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Screening">The completed screening, once there is one.</param>
/// <param name="Vetting">The completed partner vetting: the accepted documents and the signed declaration.</param>
public sealed record CaseFile(
    CaseId Id,
    RegistrationNumber Number,
    string PolicyId,
    Initiative Initiative,
    DateTimeOffset ReceivedAt,
    ScreeningRecord? Screening,
    Vetting.Vetting? Vetting = null,
    string? PolicyVersion = null)
{
    /// <summary>The findings on the guideline's checks, one per check (the latest).</summary>
    public ValueList<Checks.CheckFinding> Checks { get; init; } = ValueList<Checks.CheckFinding>.Empty;

    /// <summary>The committees and companies the case concerns, once scoped (berörda nämnder och bolag).</summary>
    public ValueList<ScopedOrganisation> Organisations { get; init; } = ValueList<ScopedOrganisation>.Empty;

    /// <summary>Every request to officials, open or not, in the order sent.</summary>
    public ValueList<OfficialRequest> Requests { get; init; } = ValueList<OfficialRequest>.Empty;

    /// <summary>Every meeting, in the order scheduled.</summary>
    public ValueList<Meeting> Meetings { get; init; } = ValueList<Meeting>.Empty;

    /// <summary>The agreement draft, once its terms are set.</summary>
    public Agreements.AgreementDraft? Agreement { get; init; }

    /// <summary>The parties' signatures on the approved agreement.</summary>
    public ValueList<Agreements.Signature> Signatures { get; init; } = ValueList<Agreements.Signature>.Empty;

    /// <summary>The running partnership's follow-up dialogues, in the order recorded (kept through a renegotiation).</summary>
    public ValueList<Partnerships.FollowUpRecord> FollowUps { get; init; } = ValueList<Partnerships.FollowUpRecord>.Empty;

    /// <summary>The organisation's yearly reports asked for, by year.</summary>
    public ValueList<Partnerships.YearlyReport> YearlyReports { get; init; } = ValueList<Partnerships.YearlyReport>.Empty;

    /// <summary>The disputes between the parties, in the order raised.</summary>
    public ValueList<Partnerships.Dispute> Disputes { get; init; } = ValueList<Partnerships.Dispute>.Empty;
}
