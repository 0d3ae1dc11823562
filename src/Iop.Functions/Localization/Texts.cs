using Iop.Cases;
using Iop.Common;
using Iop.Screening;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Localization;

/// <summary>The words users see for the domain's stages, rules and choices, in the current language.</summary>
internal static class Texts
{
    public static string StageName(Stage stage) => stage switch
    {
        Stage.Received => T("Inkommet", "Received"),
        Stage.Screening => T("Bedömning", "Screening"),
        Stage.FirstMeeting => T("Första möte", "First meeting"),
        Stage.PartnerVetting => T("Kontroll av organisationen", "Partner vetting"),
        Stage.Scoping => T("Berörda nämnder och bolag", "Scoping"),
        Stage.StakeholderMeeting => T("Dialogmöte", "Stakeholder meeting"),
        Stage.InternalDiscussion => T("Intern diskussion", "Internal discussion"),
        Stage.FollowUpMeeting => T("Uppföljningsmöte", "Follow-up meeting"),
        Stage.AgreementDrafting => T("Avtalsskrivning", "Agreement drafting"),
        Stage.CommitteeDecision => T("Nämndbeslut", "Committee decision"),
        Stage.Active => T("Aktivt partnerskap", "Active partnership"),
        Stage.Ended => T("Avslutat partnerskap", "Ended partnership"),
        Stage.Discontinued => T("Avslutat ärende", "Discontinued"),
        _ => stage.ToString(),
    };

    public static string AssessmentName(Assessment assessment) => assessment switch
    {
        Assessment.Met => T("Stämmer", "Met"),
        Assessment.NotMet => T("Stämmer inte", "Not met"),
        Assessment.Unclear => T("Oklart", "Unclear"),
        _ => assessment.ToString(),
    };

    public static string AlternativeName(Alternative alternative) => alternative switch
    {
        Alternative.None => T("Ingen hänvisning", "No referral"),
        Alternative.AssociationGrant => T("Föreningsbidrag", "Association grant"),
        Alternative.Procurement => T("Upphandling", "Procurement"),
        _ => alternative.ToString(),
    };

    /// <summary>What a broken rule means, said to the person who tried.</summary>
    public static string RuleMessage(DomainError error) => error.Rule switch
    {
        CaseRules.WrongStage => T("Det går inte att göra det i ärendets nuvarande steg.", "That cannot be done at the case's current stage."),
        CaseRules.NoSuchCase => T("Ärendet finns inte.", "The case does not exist."),
        CaseRules.AlreadySubmitted => T("Initiativet är redan inskickat.", "The initiative has already been submitted."),
        CaseRules.PolicyMismatch => T("Ärendet följer en annan riktlinje än den som gäller nu.", "The case follows another guideline than the one in force."),
        CaseRules.Closed => T("Ärendet är avslutat och kan inte ändras.", "The case is closed and cannot be changed."),
        CaseRules.UnknownCriterion => T("Bedömningen gäller ett kriterium som inte finns i checklistan.", "The assessment names a criterion that is not in the checklist."),
        CaseRules.DuplicateCriterion => T("Ett kriterium är bedömt två gånger.", "A criterion is assessed twice."),
        CaseRules.NoteRequired => T("Skriv en kommentar för varje kriterium som inte stämmer eller är oklart.", "Write a note for every criterion that is not met or unclear."),
        CaseRules.NoteTooLong => T($"En kommentar får vara högst {CaseRules.MaxTextLength} tecken.", $"A note may be at most {CaseRules.MaxTextLength} characters."),
        CaseRules.AllCriteriaAssessed => T("Alla kriterier i checklistan måste bedömas innan ärendet kan gå vidare.", "Every checklist criterion must be assessed before the case can continue."),
        CaseRules.AllCriteriaMustHold => T("Alla kriterier måste stämma för att gå vidare mot ett IOP. Avsluta ärendet eller ändra bedömningen.", "All criteria must hold to continue towards an IOP. Discontinue the case or change the assessment."),
        CaseRules.ReasonRequired => T("Ange ett skäl.", "Give a reason."),
        CaseRules.ReasonTooLong => T($"Skälet får vara högst {CaseRules.MaxTextLength} tecken.", $"The reason may be at most {CaseRules.MaxTextLength} characters."),
        CaseRules.CannotDiscontinueActive => T("Ett undertecknat partnerskap avslutas, det avbryts inte.", "A signed partnership is ended, not discontinued."),
        CaseRules.ScopeRequired => T("Välj minst en berörd nämnd eller ett bolag.", "Choose at least one affected committee or company."),
        CaseRules.NotApproved => T("Avtalet kan inte undertecknas innan nämnderna har godkänt det.", "The agreement cannot be signed before the committees approved it."),
        CaseRules.InvalidTerm => T("Avtalstiden slutar innan den börjar.", "The agreement term ends before it starts."),
        _ => error.Message,
    };

    public static string StaleMessage => T(
        "Ärendet har ändrats av någon annan sedan du öppnade sidan. Sidan visar nu det senaste läget; dina uppgifter finns kvar i formuläret – kontrollera och skicka igen.",
        "Someone else changed the case after you opened the page. The page now shows the latest state; your input is still in the form – check it and send again.");

    public static string FieldMessage(FieldError error, string label) => error.Rule switch
    {
        FieldRule.Required => T($"Fyll i {label.ToLowerInvariant()}.", $"Enter {label.ToLowerInvariant()}."),
        FieldRule.TooLong => T($"{label} får vara högst {error.Limit} tecken.", $"{label} may be at most {error.Limit} characters."),
        FieldRule.InvalidOrganisationNumber => T("Organisationsnumret är inte giltigt. Skriv tio siffror, t.ex. 802012-3456, och kontrollera sista siffran.", "The organisation number is not valid. Enter ten digits, e.g. 802012-3456, and check the last digit."),
        FieldRule.InvalidEmail => T("E-postadressen är inte giltig. Skriv den som namn@exempel.se.", "The e-mail address is not valid. Write it as name@example.com."),
        FieldRule.InvalidPhone => T("Telefonnumret är inte giltigt. Skriv 6–15 siffror, t.ex. 0250-123 45.", "The phone number is not valid. Enter 6–15 digits, e.g. 0250-123 45."),
        FieldRule.InvalidChoice => T($"Välj ett av alternativen för {label.ToLowerInvariant()}.", $"Choose one of the options for {label.ToLowerInvariant()}."),
        _ => error.Rule.ToString(),
    };
}
