namespace Iop.Cases;

/// <summary>The stages of an IOP case (Mora's arbetsgång), in the order a case passes them.</summary>
public enum Stage
{
    /// <summary>Registered, waiting for the coordinator to screen it (inkommet).</summary>
    Received,

    /// <summary>The coordinator is assessing it against the checklist (bedömning).</summary>
    Screening,

    /// <summary>Screened as viable; the initiators are invited to a first meeting (första möte).</summary>
    FirstMeeting,

    /// <summary>The organisation's documents and values declaration are requested and reviewed (kontroll av organisationen).</summary>
    PartnerVetting,

    /// <summary>The affected committees and companies are being identified (berörda nämnder och bolag).</summary>
    Scoping,

    /// <summary>Initiators and affected organisations meet; heads confirm staffing (dialogmöte).</summary>
    StakeholderMeeting,

    /// <summary>Each affected organisation discusses internally and reports its position (intern diskussion).</summary>
    InternalDiscussion,

    /// <summary>The officials plan the rest of the process (uppföljningsmöte).</summary>
    FollowUpMeeting,

    /// <summary>The written partnership is drafted (avtalsskrivning).</summary>
    AgreementDrafting,

    /// <summary>Every affected committee or board decides (nämndbeslut).</summary>
    CommitteeDecision,

    /// <summary>The agreement is signed and the partnership runs (aktivt partnerskap).</summary>
    Active,

    /// <summary>The partnership's term has ended or it was terminated (avslutat partnerskap).</summary>
    Ended,

    /// <summary>The process towards an IOP was stopped (avslutat ärende).</summary>
    Discontinued,
}
