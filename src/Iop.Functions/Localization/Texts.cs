using Iop.Cases;
using Iop.Common;
using Iop.Screening;
using Iop.Vetting;
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

    /// <summary>One party a case waits on: "IOP-samordnaren", "Organisationen (Anna Berg)", "Helena Sjöberg, Socialnämnden".</summary>
    public static string AwaitedName(Awaited awaited) => awaited.Kind switch
    {
        PartyKind.Coordinator => T("IOP-samordnaren", "The IOP coordinator"),
        PartyKind.Organisation => T($"Organisationen ({awaited.Name})", $"The organisation ({awaited.Name})"),
        _ => string.IsNullOrEmpty(awaited.Organisation) ? awaited.Name : $"{awaited.Name}, {awaited.Organisation}",
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

    /// <summary>Why a command was not carried out when the case was too busy (503).</summary>
    /// <summary>A change the case's storage cannot hold: nothing was saved.</summary>
    public static string CaseFullMessage => T(
        "Ärendet rymmer inte den här ändringen och inget har sparats. Korta texten, eller kontakta IOP-samordnaren om ärendet behöver fler filer.",
        "The case cannot hold this change and nothing was saved. Shorten the text, or contact the IOP coordinator if the case needs more files.");

    public static string BusyMessage => T(
        "Ärendet ändras av många samtidigt just nu. Inget har sparats – försök igen om en stund.",
        "The case is being changed by many at once right now. Nothing was saved – try again in a moment.");

    /// <summary>Why an uploaded file was not taken, for the person who sent it.</summary>
    public static string UploadMessage(Storage.Documents.UploadRejection rejection, long maxFileBytes) => rejection switch
    {
        Storage.Documents.UploadRejection.Empty => T("Filen är tom. Välj filen igen.", "The file is empty. Choose the file again."),
        Storage.Documents.UploadRejection.TooLarge => T($"Filen är för stor. Största tillåtna storlek är {maxFileBytes / (1024 * 1024)} MB.", $"The file is too large. The largest allowed size is {maxFileBytes / (1024 * 1024)} MB."),
        Storage.Documents.UploadRejection.UnsoundPackage => T(
            "Filen ser ut som ett Word-, Excel- eller OpenDocument-dokument men går inte att läsa som ett sådant, eller innehåller program eller makron. Spara dokumentet på nytt, eller skicka det som PDF.",
            "The file looks like a Word, Excel or OpenDocument file but cannot be read as one, or holds programs or macros. Save the document again, or send it as a PDF."),
        Storage.Documents.UploadRejection.UnsupportedType => T("Filtypen tas inte emot. Skicka PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT) eller en bild (JPG, PNG).", "The file type is not accepted. Send PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT) or an image (JPG, PNG)."),
        _ => T("Välj en fil att skicka.", "Choose a file to send."),
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
        VettingRules.LinkRevoked => T("Länken har ersatts av en nyare. Använd länken i det senaste mejlet.", "The link has been replaced by a newer one. Use the link in the latest e-mail."),
        VettingRules.LinkExpired => T("Länken har slutat gälla. Be IOP-samordnaren om en ny.", "The link has expired. Ask the IOP coordinator for a new one."),
        VettingRules.SignerInvalid => T("Namn, roll eller organisation innehåller tecken som inte kan användas, t.ex. styrtecken eller tecken som vänder textens riktning.", "The name, role or organisation contains characters that cannot be used, such as control characters or characters that reverse the text's direction."),
        VettingRules.NoFiles => T("Välj en fil att skicka.", "Choose a file to send."),
        VettingRules.TooManyFilesForDocument => T("Dokumentet har redan så många filer som ett dokument får ha. Samla gärna flera sidor i en PDF, eller kontakta samordnaren.", "The document already has as many files as one document may have. Gather several pages in one PDF, or contact the coordinator."),
        VettingRules.TooManyFilesForCase => T("Ärendet har redan så många filer som ett ärende får ha. Kontakta samordnaren.", "The case already has as many files as one case may have. Contact the coordinator."),
        VettingRules.CaseStorageFull => T("Ärendets filer tar redan så mycket plats som ett ärende får använda. Kontakta samordnaren.", "The case's files already take as much space as one case may use. Contact the coordinator."),
        VettingRules.NotRequested => T("Det dokumentet har kommunen inte begärt.", "The municipality has not requested that document."),
        VettingRules.AlreadyAccepted => T("Dokumentet är redan godkänt.", "The document is already accepted."),
        VettingRules.MustExist => T("Det här dokumentet måste finnas; riktlinjen kräver det.", "This document must exist; the guideline requires it."),
        VettingRules.ExplanationRequired => T("Förklara varför dokumentet inte finns.", "Explain why the document does not exist."),
        VettingRules.NoDeclaration => T("Riktlinjen ber inte om någon undertecknad värdegrund.", "The guideline asks for no signed values declaration."),
        Partnerships.TermRules.NewEndInvalid => T("Den nya sista dagen måste ligga efter nuvarande avtalstids slut och högst tio år fram.", "The new last day must lie after the current term's end and at most ten years ahead."),
        Partnerships.TermRules.DecisionRequired => T("Riktlinjen kräver nämndernas beslut för att förlänga: ange beslutet (till exempel KS 2029-05-12 § 44).", "The guideline needs the committees' decision to extend: give it (e.g. KS 2029-05-12 § 44)."),
        Partnerships.TermRules.ReasonRequired => T("Skriv vad som ska omförhandlas.", "Write what is to be renegotiated."),
        Partnerships.FollowUpRules.HeldOnInvalid => T("Dialogens datum måste ligga mellan avtalstidens start och i dag.", "The dialogue's date must lie between the term's start and today."),
        Partnerships.FollowUpRules.TextRequired => T("Skriv vad som har gjorts och båda parternas bedömning.", "Write what was done and both parties' assessments."),
        Partnerships.FollowUpRules.ContributionInvalid => T("Bidragen: ange år inom partnerskapet, belopp från 0 kronor och en rad per part och år. Ett bidrag är pengar, något annat som getts, eller båda.", "Contributions: give years within the partnership, amounts from 0 kronor, and one row per party and year. A contribution is money, something given in kind, or both."),
        Partnerships.FollowUpRules.MeetingInvalid => T("Mötet måste vara en genomförd uppföljningsdialog i ärendet som inte redan är dokumenterad.", "The meeting must be a held follow-up dialogue of the case not recorded before."),
        Partnerships.YearlyReportRules.YearInvalid => T("Välj ett av partnerskapets år, till och med i år.", "Choose one of the partnership's years, up to this year."),
        Partnerships.YearlyReportRules.DueInvalid => T("Sista dagen måste ligga efter i dag och högst ett år fram.", "The due date must lie after today and at most a year ahead."),
        Partnerships.YearlyReportRules.LinkRevoked => T("Länken har ersatts av en nyare. Använd länken i det senaste mejlet.", "The link has been replaced by a newer one. Use the link in the latest e-mail."),
        Partnerships.YearlyReportRules.LinkExpired => T("Länken har slutat gälla. Be IOP-samordnaren om en ny.", "The link has expired. Ask the IOP coordinator for a new one."),
        Partnerships.YearlyReportRules.ActivityRequired => T("Skriv några rader om vad ni har gjort under året.", "Write a few lines about what you did during the year."),
        Partnerships.YearlyReportRules.TooManyFiles => T($"En rapport kan ha högst {Partnerships.YearlyReportRules.MaxFiles} filer.", $"A report can have at most {Partnerships.YearlyReportRules.MaxFiles} files."),
        Checks.CheckRules.Unknown => T("Riktlinjen har ingen sådan kontroll.", "The guideline has no such check."),
        Checks.CheckRules.MotivationRequired => T("Skriv en motivering: vad bygger bedömningen på?", "Write a motivation: what does the finding rest on?"),
        Checks.CheckRules.TooLate => T("Riktlinjens kontroller görs innan överenskommelsen går till nämnderna.", "The guideline's checks are made before the agreement goes to the committees."),
        Checks.CheckRules.Required => T("Riktlinjens kontroller behöver en bedömning innan förslaget går till nämnderna.", "The guideline's checks need a finding before the draft goes to the committees."),
        Checks.CheckRules.NotFulfilled => T("En kontroll som riktlinjen kräver är inte uppfylld, så förslaget kan inte gå till nämnderna.", "A check the guideline requires is not fulfilled, so the draft cannot go to the committees."),
        VettingRules.AlreadySigned => T("Värdegrunden är redan undertecknad.", "The values declaration is already signed."),
        VettingRules.SignerRequired => T("Fyll i namn, roll och organisation för den som undertecknar.", "Enter the signer's name, role and organisation."),
        VettingRules.ConfirmationRequired => T("Kryssa i rutan för att intyga värdegrunden.", "Tick the box to certify the values declaration."),
        VettingRules.DeclarationChanged => T("Värdegrundens text har ändrats sedan sidan visades. Läs den igen och underteckna.", "The declaration's text has changed since the page was shown. Read it again and sign."),
        VettingRules.NothingToReview => T("Det finns inget nytt att granska för dokumentet.", "There is nothing new to review for the document."),
        VettingRules.CommentRequired => T("Skriv vad som behöver kompletteras.", "Write what needs completing."),
        VettingRules.DueDateTooFar => T("Datumet kan ligga högst ett år fram i tiden.", "The date can be at most a year ahead."),
        VettingRules.DueDateInPast => T("Datumet har redan passerat. Välj ett senare datum.", "The date has passed. Choose a later date."),
        VettingRules.NothingDue => T("Inget är försenat.", "Nothing is overdue."),
        Partnerships.EndingRules.DateInvalid => T("Datumet måste ligga mellan avtalstidens första dag och i dag.", "The date must lie between the term's first day and today."),
        Partnerships.EndingRules.NoticeGiven => T("Avtalet är redan uppsagt och upphör när uppsägningstiden har löpt ut; avtalstiden kan inte längre ändras.", "Notice has already been given: the agreement ends when the notice period has run, and its term can no longer be changed."),
        Partnerships.EndingRules.UnknownDispute => T("Tvisten finns inte i ärendet eller är redan avgjord.", "The case has no such dispute, or it is already settled."),
        Partnerships.EndingRules.LadderEnd => T("Tvisten ligger hos ansvarig nämnd, trappans sista steg. Registrera nämndens avgörande.", "The dispute is with the responsible committee, the ladder's last step. Record the committee's outcome."),
        Partnerships.EndingRules.StepBeforePrevious => T("Datumet får inte ligga före tvistens föregående steg.", "The date must not lie before the dispute's previous step."),
        _ => OfficialTexts.RuleMessage(error) ?? error.Message,
    };

    public static string RequestStatusName(RequestStatus status, bool notExisting) => (status, notExisting) switch
    {
        (RequestStatus.Open, _) => T("Ej inskickat", "Not sent"),
        (RequestStatus.Submitted, true) => T("Anmält som saknas – granskas", "Reported as not existing – under review"),
        (RequestStatus.Submitted, false) => T("Inskickat – granskas", "Sent – under review"),
        (RequestStatus.NeedsCompletion, _) => T("Behöver kompletteras", "Needs completion"),
        (RequestStatus.Accepted, true) => T("Godkänt som saknat", "Accepted as not existing"),
        (RequestStatus.Accepted, false) => T("Godkänt", "Accepted"),
        _ => status.ToString(),
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
        FieldRule.InvalidCharacters => T($"{label} innehåller tecken som inte kan användas, t.ex. styrtecken eller tecken som vänder textens riktning.", $"{label} contains characters that cannot be used, such as control characters or characters that reverse the text's direction."),
        _ => error.Rule.ToString(),
    };
}
