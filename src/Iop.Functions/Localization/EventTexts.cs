using Iop.Cases;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Localization;

/// <summary>One line per event in the case's timeline (the public-records history).</summary>
internal static class EventTexts
{
    public static string Describe(CaseEvent e) => e switch
    {
        InitiativeSubmitted s => T($"Initiativet kom in och registrerades som {s.Number}.", $"The initiative arrived and was registered as {s.Number}."),
        CriteriaAssessed a => T($"Bedömning sparad för {a.Assessments.Count} kriterier.", $"Assessment saved for {a.Assessments.Count} criteria."),
        ScreeningCompleted { Outcome: ScreeningOutcome.Continue } => T("Bedömningen klar: ärendet går vidare till första möte.", "Screening completed: the case continues to a first meeting."),
        ScreeningCompleted => T("Bedömningen klar: ärendet ska avslutas.", "Screening completed: the case is to be discontinued."),
        CaseDiscontinued d => T($"Ärendet avslutades. Skäl: {d.Reason}", $"The case was discontinued. Reason: {d.Reason}")
            + (d.Alternative == Screening.Alternative.None ? "" : T($" Hänvisning: {Texts.AlternativeName(d.Alternative)}.", $" Referred to: {Texts.AlternativeName(d.Alternative)}.")),
        PartnerVettingStarted => T("Kontroll av organisationen påbörjades.", "Partner vetting started."),
        PartnerVettingCompleted => T("Kontrollen av organisationen är klar.", "Partner vetting completed."),
        ScopeConfirmed s => T($"Berörda nämnder och bolag: {string.Join(", ", s.AffectedOrganisations)}.", $"Affected committees and companies: {string.Join(", ", s.AffectedOrganisations)}."),
        StakeholderMeetingHeld => T("Dialogmötet hölls.", "The stakeholder meeting was held."),
        InternalPositionsReported => T("Berörda organisationer har lämnat sina ställningstaganden.", "The affected organisations reported their positions."),
        FollowUpMeetingHeld => T("Uppföljningsmötet hölls.", "The follow-up meeting was held."),
        AgreementSubmittedForDecision => T("Avtalsförslaget skickades till nämnderna för beslut.", "The draft agreement went to the committees for decision."),
        CommitteeDecisionRecorded { Approved: true } => T("Nämnderna godkände avtalet.", "The committees approved the agreement."),
        CommitteeDecisionRecorded => T("Nämnderna avslog avtalet.", "The committees rejected the agreement."),
        AgreementSigned s => T($"Avtalet undertecknades för perioden {s.Term.Start:yyyy-MM-dd}–{s.Term.End:yyyy-MM-dd}.", $"The agreement was signed for {s.Term.Start:yyyy-MM-dd}–{s.Term.End:yyyy-MM-dd}."),
        PartnershipEnded p => T($"Partnerskapet avslutades. Skäl: {p.Reason}", $"The partnership ended. Reason: {p.Reason}"),
        _ => e.GetType().Name,
    };
}
