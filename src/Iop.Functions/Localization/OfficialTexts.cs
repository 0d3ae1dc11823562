using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Localization;

/// <summary>The words for requests to officials and meetings, and the messages of their rules.</summary>
internal static class OfficialTexts
{
    public static string KindName(RequestKind kind) => kind switch
    {
        RequestKind.ProcurementOpinion => T("Yttrande från upphandlingsenheten", "Procurement unit's opinion"),
        RequestKind.StaffingConfirmation => T("Bekräftelse av bemanning", "Staffing confirmation"),
        RequestKind.InternalPosition => T("Ställningstagande efter intern diskussion", "Position after internal discussion"),
        RequestKind.CommitteeDecision => T("Beslut om överenskommelsen", "Decision on the agreement"),
        _ => kind.ToString(),
    };

    public static string StatusName(OfficialRequest request, DateTimeOffset now) => request.Status switch
    {
        OfficialRequestStatus.Answered => T("Besvarad", "Answered"),
        OfficialRequestStatus.Withdrawn => T("Återkallad", "Withdrawn"),
        _ when request.DueAt < now => T("Försenad", "Overdue"),
        _ => T("Väntar på svar", "Waiting for an answer"),
    };

    public static string MeetingName(MeetingKind kind) => kind switch
    {
        MeetingKind.FirstMeeting => T("Första möte", "First meeting"),
        MeetingKind.StakeholderMeeting => T("Dialogmöte med berörda nämnder och bolag", "Stakeholder meeting"),
        MeetingKind.FollowUpMeeting => T("Uppföljningsmöte med tjänstepersonerna", "Follow-up meeting with the officials"),
        MeetingKind.PartnershipDialogue => T("Uppföljningsdialog i partnerskapet", "The partnership's follow-up dialogue"),
        _ => kind.ToString(),
    };

    public static string MeetingStatusName(MeetingStatus status) => status switch
    {
        MeetingStatus.Scheduled => T("Inbokat", "Scheduled"),
        MeetingStatus.Held => T("Genomfört", "Held"),
        MeetingStatus.Cancelled => T("Inställt", "Cancelled"),
        _ => status.ToString(),
    };

    public static string SituationName(MarketSituation situation) => situation switch
    {
        MarketSituation.NoMarket => T("Det finns ingen marknads- eller konkurrenssituation", "There is no market or competition situation"),
        MarketSituation.Market => T("Det finns en marknads- eller konkurrenssituation", "There is a market or competition situation"),
        MarketSituation.Unclear => T("Oklart", "Unclear"),
        _ => situation.ToString(),
    };

    public static string PositionName(Position position) => position switch
    {
        Position.Supports => T("Ställer sig bakom ett partnerskap", "Supports a partnership"),
        Position.SupportsWithConditions => T("Ställer sig bakom med villkor", "Supports it on conditions"),
        Position.DoesNotSupport => T("Ställer sig inte bakom", "Does not support it"),
        _ => position.ToString(),
    };

    /// <summary>The answer in one line, as the case page and the timeline show it.</summary>
    public static string AnswerSummary(OfficialAnswer answer) => answer switch
    {
        ProcurementOpinion a => $"{SituationName(a.Situation)}. {a.Opinion}",
        StaffingAnswer { Confirmed: true } a => T("Bemanning bekräftad: ", "Staffing confirmed: ") + string.Join(", ", a.Officials.Select(p => $"{p.Name} ({p.Email})")),
        StaffingAnswer a => T($"Bemanning nekad: {a.Reason}", $"Staffing declined: {a.Reason}"),
        PositionAnswer a => $"{PositionName(a.Position)}. {a.Statement}",
        CommitteeDecision a => (a.Approved ? T("Godkänd", "Approved") : T("Avslagen", "Rejected")) + T($" vid sammanträdet {a.MeetingDate:yyyy-MM-dd}, {a.Paragraph}.", $" at the meeting on {a.MeetingDate:yyyy-MM-dd}, {a.Paragraph}."),
        _ => answer.GetType().Name,
    };

    /// <summary>The timeline line of a request or meeting event; null for other events.</summary>
    public static string? Describe(CaseEvent e, CaseFile? file)
    {
        string Request(string id) => file?.Requests.FirstOrDefault(r => r.Id == id) is { } r ? $"{KindName(r.Kind)} – {r.OrganisationName}" : id;
        string Meeting(string id) => file?.Meetings.FirstOrDefault(m => m.Id == id) is { } m ? MeetingName(m.Kind) : id;
        return e switch
        {
            RequestsSent s => T("Förfrågan skickades: ", "Request sent: ") + string.Join("; ", s.Requests.Select(r => $"{KindName(r.Kind)} – {r.OrganisationName} ({r.Addressee.Name}, {T("svar senast", "due")} {SwedishTime.FormatDate(r.DueAt)})")),
            RequestAnswered a => T($"{Request(a.RequestId)}: svar från {a.Answer.By.Name} ({a.Answer.By.Email}) via länk {a.Answer.LinkId}. ", $"{Request(a.RequestId)}: answer from {a.Answer.By.Name} ({a.Answer.By.Email}) via link {a.Answer.LinkId}. ") + AnswerSummary(a.Answer.Content),
            RequestTransferred t => (t.Transfer.ByCoordinator ? T("Omfördelad", "Reassigned") : T("Delegerad", "Delegated"))
                + T($": {Request(t.RequestId)} från {t.Transfer.From.Name} till {t.Transfer.To.Name} ({t.Transfer.To.Email}).", $": {Request(t.RequestId)} from {t.Transfer.From.Name} to {t.Transfer.To.Name} ({t.Transfer.To.Email}).")
                + (t.Transfer.Reason is { } reason ? T($" Skäl: {reason}", $" Reason: {reason}") : ""),
            RequestsWithdrawn w => T($"Återkallade förfrågningar: {string.Join("; ", w.RequestIds.Select(Request))}. Skäl: {w.Reason}", $"Withdrawn requests: {string.Join("; ", w.RequestIds.Select(Request))}. Reason: {w.Reason}"),
            RequestReminded r => T($"Påminnelse skickades: {Request(r.RequestId)}.", $"Reminder sent: {Request(r.RequestId)}."),
            RequestEscalated r => T($"Samordnaren underrättades om försening: {Request(r.RequestId)}.", $"The coordinator was told of delay: {Request(r.RequestId)}."),
            InternalDiscussionStarted => T("Dialogmötet är hållet och bemanningen bekräftad: de berörda organisationerna diskuterar internt.", "The stakeholder meeting is held and staffing confirmed: the organisations discuss internally."),
            CommitteesApproved => T("Alla berörda nämnder och styrelser har godkänt överenskommelsen.", "Every affected committee and board approved the agreement."),
            AgreementRevisionStarted r => T($"Överenskommelsen tas tillbaka för omarbetning: {r.Reason}", $"The agreement is taken back for revision: {r.Reason}"),
            MeetingScheduled s => T($"{MeetingName(s.Meeting.Kind)} bokades {SwedishTime.Format(s.Meeting.Start)}–{SwedishTime.FormatClock(s.Meeting.End)}, {Place(s.Meeting.Location, s.Meeting.Online)}; {s.Meeting.Attendees.Count} inbjudna.", $"{MeetingName(s.Meeting.Kind)} scheduled {SwedishTime.Format(s.Meeting.Start)}–{SwedishTime.FormatClock(s.Meeting.End)}, {Place(s.Meeting.Location, s.Meeting.Online)}; {s.Meeting.Attendees.Count} invited."),
            MeetingRescheduled s => T($"{Meeting(s.MeetingId)} flyttades till {SwedishTime.Format(s.Start)}–{SwedishTime.FormatClock(s.End)}, {Place(s.Location, s.Online)}.", $"{Meeting(s.MeetingId)} moved to {SwedishTime.Format(s.Start)}–{SwedishTime.FormatClock(s.End)}, {Place(s.Location, s.Online)}."),
            MeetingCancelled c => T($"{Meeting(c.MeetingId)} ställdes in: {c.Reason}", $"{Meeting(c.MeetingId)} was cancelled: {c.Reason}"),
            MeetingRecorded r => T(
                $"{MeetingName(r.Meeting.Kind)} hölls {SwedishTime.Format(r.Meeting.Start)}–{SwedishTime.FormatClock(r.Meeting.End)}, {Place(r.Meeting.Location, r.Meeting.Online)}, och registrerades i efterhand (ingen inbjudan skickades); {r.Meeting.Attendees.Count} deltog.",
                $"{MeetingName(r.Meeting.Kind)} was held {SwedishTime.Format(r.Meeting.Start)}–{SwedishTime.FormatClock(r.Meeting.End)}, {Place(r.Meeting.Location, r.Meeting.Online)}, and recorded afterwards (no invitation was sent); {r.Meeting.Attendees.Count} took part.")
                + (r.Meeting.Notes is { } recordedNotes ? T($" Anteckningar: {recordedNotes}", $" Notes: {recordedNotes}") : ""),
            MeetingHeld h => T($"{Meeting(h.MeetingId)} hölls.", $"{Meeting(h.MeetingId)} was held.") + (h.Notes is { } notes ? T($" Anteckningar: {notes}", $" Notes: {notes}") : ""),
            CalendarEventRecorded c => T($"Kalenderinbjudan för {Meeting(c.MeetingId).ToLowerInvariant()} skickades.", $"The calendar invitation for the {Meeting(c.MeetingId).ToLowerInvariant()} went out."),
            Iop.Agreements.AgreementTermsSet t => T($"Överenskommelsens villkor sattes: avtalstid {t.Draft.Terms.Term.Start:yyyy-MM-dd}–{t.Draft.Terms.Term.End:yyyy-MM-dd}, {t.Draft.Terms.CoFinancing.Count} insatser.", $"The agreement's terms were set: term {t.Draft.Terms.Term.Start:yyyy-MM-dd}–{t.Draft.Terms.Term.End:yyyy-MM-dd}, {t.Draft.Terms.CoFinancing.Count} contributions."),
            Iop.Agreements.AgreementSignedByParty x => T($"Undertecknat för {PartyName(x.Signature.Party)} av {x.Signature.SignerName}, {x.Signature.SignerRole}, {x.Signature.SignedOn:yyyy-MM-dd}.", $"Signed for {PartyName(x.Signature.Party)} by {x.Signature.SignerName}, {x.Signature.SignerRole}, {x.Signature.SignedOn:yyyy-MM-dd}."),
            _ => null,
        };
    }

    public static string PartyName(Iop.Agreements.Party party) => party == Iop.Agreements.Party.Municipality ? T("kommunen", "the municipality") : T("organisationen", "the organisation");

    public static string Place(string? location, bool online) => (location, online) switch
    {
        (null, _) => T("digitalt (Teams)", "online (Teams)"),
        (_, true) => T($"{location} och digitalt (Teams)", $"{location} and online (Teams)"),
        _ => location,
    };

    public static string? RuleMessage(DomainError error) => error.Rule switch
    {
        OfficialsRules.UnknownRequest => T("Förfrågan finns inte i ärendet.", "The case has no such request."),
        OfficialsRules.AlreadyAnswered => T("Förfrågan är redan besvarad. Tack!", "The request has already been answered. Thank you!"),
        OfficialsRules.Withdrawn => T("Förfrågan har återkallats och behöver inte besvaras.", "The request has been withdrawn and needs no answer."),
        OfficialsRules.Moved => T("Förfrågan har lämnats över till någon annan sedan länken skickades. Den här länken gäller inte längre.", "The request has been passed to someone else since this link was sent. This link no longer works."),
        OfficialsRules.NotAddressee => T("Förfrågan är ställd till en annan person. Bara mottagaren kan svara; be IOP-samordnaren att lämna över den om den ska besvaras av dig.", "The request is addressed to someone else. Only the addressee can answer; ask the IOP coordinator to pass it to you if you are to answer it."),
        OfficialsRules.WrongAnswer => T("Välj ett svar.", "Choose an answer."),
        OfficialsRules.TextRequired => T("Skriv ett svar.", "Write an answer."),
        OfficialsRules.OneContact => T("Riktlinjen ber om en namngiven kontaktperson per förvaltning: ange en, med namn och e-postadress.", "The guideline asks for one named contact person per administration: give one, with an e-mail address."),
        OfficialsRules.OfficialRequired => T("Ange minst en tjänsteperson som deltar, med namn och e-postadress.", "Name at least one official who takes part, with an e-mail address."),
        OfficialsRules.MeetingDateRequired => T("Ange sammanträdets datum.", "Enter the date of the meeting."),
        OfficialsRules.ParagraphRequired => T("Ange protokollsparagrafen, till exempel § 19.", "Enter the protocol paragraph, for example § 19."),
        OfficialsRules.MeetingDateInFuture => T("Sammanträdets datum ligger i framtiden.", "The meeting date lies in the future."),
        OfficialsRules.InvalidAddress => T("Ange namn och en giltig e-postadress.", "Enter a name and a valid e-mail address."),
        OfficialsRules.SamePerson => T("Förfrågan ligger redan hos den personen.", "The request is already with that person."),
        OfficialsRules.OpinionPending => T("Upphandlingsenheten har redan fått frågan och inte svarat ännu.", "The procurement unit has already been asked and has not answered yet."),
        OfficialsRules.OpinionRequired => T("Upphandlingsenhetens yttrande behövs innan nämnderna kan besluta.", "The procurement unit's opinion is needed before the committees decide."),
        OfficialsRules.MarketSituation => T("Upphandlingsenheten har funnit en marknads- eller konkurrenssituation. Avsluta ärendet med hänvisning till upphandling, eller begär ett nytt yttrande.", "The procurement unit found a market or competition situation. Discontinue the case referring to procurement, or ask for a new opinion."),
        OfficialsRules.NothingRejected => T("Ingen nämnd har avslagit överenskommelsen.", "No committee has rejected the agreement."),
        OfficialsRules.TooLateForOpinion => T("Yttrandet begärs innan nämnderna beslutar.", "The opinion is asked for before the committees decide."),
        Iop.Agreements.AgreementRules.SectionsUnwritten => T("Några avsnitt innehåller bara riktlinjens fråga. Skriv dem innan förslaget skickas till nämnderna.", "Some sections hold only the guideline's question. Write them before the draft goes to the committees."),
        Iop.Agreements.AgreementRules.TermsRequired => T("Fyll i överenskommelsens villkor först.", "Fill in the agreement's terms first."),
        Iop.Agreements.AgreementRules.TargetGroupRequired => T("Beskriv målgruppen.", "Describe the target group."),
        Iop.Agreements.AgreementRules.SignatoryRequired => T("Ange vem som undertecknar för varje part (roll).", "Enter who signs for each party (role)."),
        Iop.Agreements.AgreementRules.BothPartiesFinance => T("Båda parter ska bidra, med pengar eller på annat sätt.", "Both parties must contribute, with money or otherwise."),
        Iop.Agreements.AgreementRules.InvoiceAddressTooLong => T("Fakturaadressen får vara högst 500 tecken.", "The invoice address may be at most 500 characters."),
        Iop.Agreements.AgreementRules.InvalidContribution => T("Varje insats behöver ett belopp (0 eller mer) eller en beskrivning av insatsen i annan form, för ett år inom avtalstiden.", "Each contribution needs an amount (0 or more) or a description of the contribution in kind, for a year within the term."),
        Iop.Agreements.AgreementRules.TermTooLong => T("Avtalstiden får vara högst tio år.", "The term may be at most ten years."),
        Iop.Agreements.AgreementRules.UnknownSection => T("Avsnittet finns inte i riktlinjen.", "The guideline has no such section."),
        Iop.Agreements.AgreementRules.SectionTextRequired => T("Skriv text i avsnittet.", "Write text in the section."),
        Iop.Agreements.AgreementRules.AlreadySigned => T("Den parten har redan undertecknat.", "That party has already signed."),
        Iop.Agreements.AgreementRules.InvalidSignature => T("Ange namn, roll och ett datum som inte ligger i framtiden.", "Enter name, role and a date not in the future."),
        MeetingRules.UnknownMeeting => T("Mötet finns inte i ärendet.", "The case has no such meeting."),
        MeetingRules.WrongStage => T("Det mötet bokas inte i ärendets nuvarande steg.", "That meeting is not scheduled at the case's current stage."),
        MeetingRules.AlreadyScheduled => T(
            "Mötet är redan inbokat. Flytta det eller registrera det som genomfört – hölls det vid en annan tid, ställ in bokningen och registrera mötet i efterhand.",
            "The meeting is already scheduled. Move it or record it as held – if it was held at another time, cancel the booking and record the meeting afterwards."),
        MeetingRules.InPast => T("Mötet skulle börja i det förflutna. Välj en senare tid, eller registrera ett möte som redan hållits.", "The meeting would start in the past. Choose a later time, or record a meeting already held."),
        MeetingRules.NotInPast => T("Mötet har inte börjat ännu. Boka det i stället.", "The meeting has not started yet. Schedule it instead."),
        MeetingRules.TooLongAgo => T("Mötet hölls för mer än ett år sedan. Kontrollera årtalet.", "The meeting was held more than a year ago. Check the year."),
        MeetingRules.EndBeforeStart => T("Mötet måste sluta efter att det börjar.", "The meeting must end after it starts."),
        MeetingRules.TooLong => T("Ett möte får vara högst tio timmar.", "A meeting may last at most ten hours."),
        MeetingRules.TooFarAhead => T("Mötet ligger mer än två år fram i tiden. Kontrollera årtalet.", "The meeting is more than two years ahead. Check the year."),
        MeetingRules.PlaceRequired => T("Ange en plats (högst 200 tecken) eller gör mötet digitalt.", "Give a place (at most 200 characters) or make the meeting online."),
        MeetingRules.AttendeeRequired => T("Bjud in minst en person.", "Invite at least one person."),
        MeetingRules.InvalidAttendee => T("Varje inbjuden behöver namn och en giltig e-postadress.", "Every invited person needs a name and a valid e-mail address."),
        MeetingRules.NotScheduled => T("Mötet är redan genomfört eller inställt.", "The meeting has already been held or cancelled."),
        MeetingRules.NotYetStarted => T("Mötet har inte börjat ännu.", "The meeting has not started yet."),
        MeetingRules.EventKnown => T("Kalenderinbjudan är redan registrerad.", "The calendar invitation is already recorded."),
        _ => null,
    };
}
