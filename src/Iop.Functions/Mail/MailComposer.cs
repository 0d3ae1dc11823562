using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Iop.Functions.Portal;
using Iop.Meetings;
using Iop.Messaging;
using Iop.Officials;
using Iop.Policies;
using Iop.Screening;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Mail;

/// <summary>
/// Writes the messages the case sends, in Swedish (the initiator's and the coordinator's language): plain text and an
/// HTML mail with the same words (<see cref="MailLayout"/>), the registration number in every subject and footer, the
/// action as a link, replies to the coordinator.
/// </summary>
internal sealed class MailComposer(IOptions<IopOptions> options, PolicyCatalog policies, PortalTokens tokens)
{
    private IopOptions Settings => options.Value;

    public MailMessage Compose(MailToInitiator mail) => mail.Message switch
    {
        InitiatorMessage.Acknowledgement => Message(
            mail.ToName,
            mail.ToEmail,
            $"Vi har tagit emot ert IOP-initiativ – {mail.Number}",
            mail.Number.Value,
            [
                $"Tack för initiativet från {mail.OrganisationName}. Det har registrerats hos {Settings.Municipality} med diarienummer {mail.Number}. Ange gärna diarienumret när ni kontaktar oss om initiativet.",
                "IOP-samordnaren går nu igenom initiativet mot kommunens checklista för idéburet offentligt partnerskap och hör av sig till er om ett första möte.",
            ]),
        InitiatorMessage.Discontinued => Message(
            mail.ToName,
            mail.ToEmail,
            $"Ert IOP-initiativ går inte vidare – {mail.Number}",
            mail.Number.Value,
            [
                $"Vi har gått igenom initiativet från {mail.OrganisationName} (diarienummer {mail.Number}) och kommit fram till att en fortsatt process mot ett idéburet offentligt partnerskap inte är aktuell.",
                $"Skäl: {mail.Reason}",
                AlternativeAdvice(mail.Alternative),
            ]),
        InitiatorMessage.PartnershipActive => Message(
            mail.ToName,
            mail.ToEmail,
            $"Partnerskapet har börjat – {mail.Number}",
            mail.Number.Value,
            [
                $"Överenskommelsen om idéburet offentligt partnerskap mellan {Settings.Municipality} och {mail.OrganisationName} (diarienummer {mail.Number}) är nu undertecknad av båda parter, och partnerskapet har börjat.",
                "Vi ser fram emot samarbetet och hör av oss om den första gemensamma uppföljningen.",
            ]),
        _ => throw new InvalidOperationException($"No text for {mail.Message}."),
    };

    public MailMessage Compose(SendPortalLink mail) => Message(
        mail.ToName,
        mail.ToEmail,
        $"Uppgifter om er organisation – {mail.Number}",
        mail.Number.Value,
        [
            $"Initiativet från {mail.OrganisationName} (diarienummer {mail.Number}) går vidare. Innan dialogen inleds behöver kommunen några uppgifter om er organisation{(Policy(mail.PolicyId, mail.PolicyVersion).Declaration is null ? "" : ", och att en företrädare undertecknar kommunens värdegrund")}.",
            "Vi ber om:\n" + string.Join("\n", Policy(mail.PolicyId, mail.PolicyVersion).Documents.Select(d => "– " + d.Name.Sv)) + (Policy(mail.PolicyId, mail.PolicyVersion).Declaration is null ? "" : "\n– Undertecknad värdegrund"),
            "Finns något av dokumenten inte hos er kan ni ange det på sidan och förklara varför. Allt gör ni på er egen sida, från dator eller mobil.",
        ],
        new MailAction("Öppna er sida", PortalUrl(mail.Case, mail.TokenId, mail.ExpiresAt)),
        $"Länken är personlig och gäller till och med {SwedishDate(mail.ExpiresAt)}. Dela den inte; be oss om en ny om den slutar fungera.");

    public MailMessage Compose(RemindInitiator mail) => Message(
        mail.ToName,
        mail.ToEmail,
        $"Påminnelse: uppgifter som saknas – {mail.Number}",
        mail.Number.Value,
        [
            $"Vi saknar fortfarande följande för initiativet från {mail.OrganisationName} (diarienummer {mail.Number}):",
            string.Join("\n", mail.Missing.Select(m => $"– {ItemName(m.Item, mail.PolicyId, mail.PolicyVersion)} (senast {SwedishDate(m.DueAt)})")),
            "Lämna dem på er sida.",
        ],
        new MailAction("Öppna er sida", PortalUrl(mail.Case, mail.TokenId, mail.ExpiresAt)),
        "Hör av er om ni behöver mer tid eller har frågor.");

    public MailMessage Compose(AskForCompletion mail) => Message(
        mail.ToName,
        mail.ToEmail,
        $"Komplettering behövs: {ItemName(mail.DocumentId, mail.PolicyId, mail.PolicyVersion)} – {mail.Number}",
        mail.Number.Value,
        [
            $"Vi har gått igenom \"{ItemName(mail.DocumentId, mail.PolicyId, mail.PolicyVersion)}\" för initiativet från {mail.OrganisationName} och behöver en komplettering:",
            mail.Comment,
            $"Lämna den senast {SwedishDate(mail.DueAt)} på er sida.",
        ],
        new MailAction("Öppna er sida", PortalUrl(mail.Case, mail.TokenId, mail.ExpiresAt)));

    /// <summary>The organisation's yearly report: the request, or a reminder of it, with the link to its report page.</summary>
    public MailMessage Compose(SendReportLink mail) => Message(
        mail.ToName,
        mail.ToEmail,
        $"{(mail.Reminder ? "Påminnelse: " : "")}Årsrapport för {mail.Year} – {mail.Number}",
        mail.Number.Value,
        [
            mail.Reminder
                ? $"Vi har ännu inte fått årsrapporten för {mail.Year} om partnerskapet med {mail.OrganisationName} (diarienummer {mail.Number}). Den skulle ha lämnats senast {SwedishDate(mail.DueAt)}."
                : $"Partnerskapet mellan {Settings.Municipality} och {mail.OrganisationName} (diarienummer {mail.Number}) följs upp varje år. Vi ber er om en årsrapport för {mail.Year} senast {SwedishDate(mail.DueAt)}.",
            "Rapporten är kort: vad ni har gjort under året, och vad parterna faktiskt har bidragit med – pengar och annat, till exempel ideell tid eller lokaler. Bifoga gärna verksamhetsberättelsen. Allt gör ni på en sida, från dator eller mobil.",
        ],
        new MailAction("Lämna årsrapporten", ReportUrl(mail.Case, mail.Year, mail.Issue, mail.ExpiresAt)),
        $"Länken är personlig och gäller till och med {SwedishDate(mail.ExpiresAt)}. Dela den inte; be oss om en ny om den slutar fungera.");

    public CoordinatorNotification Compose(NotifyCoordinator notice)
    {
        var items = string.Join(", ", (notice.Items ?? ValueList<string>.Empty).Select(item => ItemName(item, notice.PolicyId, notice.PolicyVersion)));
        var (title, text) = notice.Notice switch
        {
            CoordinatorNotice.NewInitiative => ($"Nytt IOP-initiativ: {notice.OrganisationName}", $"Initiativet har registrerats som {notice.Number} och väntar på bedömning mot checklistan."),
            CoordinatorNotice.DocumentAnswered => ($"Att granska: {items} – {notice.OrganisationName}", $"Organisationen har svarat på begäran om {items} i ärende {notice.Number}."),
            CoordinatorNotice.DeclarationSigned => ($"Värdegrunden undertecknad – {notice.OrganisationName}", $"Värdegrunden är undertecknad i ärende {notice.Number}."),
            CoordinatorNotice.Overdue => ($"Försenat: {items} – {notice.OrganisationName}", $"Begäran om {items} i ärende {notice.Number} är försenad trots påminnelser. Kontakta organisationen eller flytta datumet."),
            CoordinatorNotice.VettingCompleted => ($"Kontrollen klar – {notice.OrganisationName}", $"Alla dokument är godkända{(Policy(notice.PolicyId, notice.PolicyVersion).Declaration is null ? "" : " och värdegrunden undertecknad")} i ärende {notice.Number}. Nästa steg: berörda nämnder och bolag."),
            CoordinatorNotice.CommitteesApproved => ($"Nämnderna har godkänt – {notice.OrganisationName}", $"Alla berörda nämnder och styrelser har godkänt överenskommelsen i ärende {notice.Number}. Nästa steg: underskrifter."),
            CoordinatorNotice.TermEnding => ($"Avtalstiden slutar snart – {notice.OrganisationName}", $"Partnerskapet i ärende {notice.Number} gäller till och med {First(notice)}. Bestäm om det ska förlängas, omförhandlas eller avslutas när avtalstiden löper ut."),
            CoordinatorNotice.PartnershipEnded => ($"Partnerskapet har avslutats – {notice.OrganisationName}", $"Partnerskapet i ärende {notice.Number} är avslutat."),
            CoordinatorNotice.FollowUpDue => ($"Dags för uppföljningsdialog – {notice.OrganisationName}", $"Partnerskapets uppföljning i ärende {notice.Number} ska hållas senast {First(notice)}. Boka dialogen med organisationen och dokumentera den i ärendet."),
            CoordinatorNotice.FollowUpLate => ($"Uppföljningen är sen – {notice.OrganisationName}", $"Uppföljningen i ärende {notice.Number} skulle ha hållits senast {First(notice)} och är inte dokumenterad."),
            CoordinatorNotice.YearlyReportSubmitted => ($"Årsrapport inlämnad – {notice.OrganisationName}", $"Organisationen har lämnat årsrapporten för {First(notice)} i ärende {notice.Number}."),
            CoordinatorNotice.YearlyReportOverdue => ($"Försenad årsrapport – {notice.OrganisationName}", $"Årsrapporten för {First(notice)} i ärende {notice.Number} är försenad trots påminnelser. Kontakta organisationen eller begär den på nytt med ett senare datum."),
            CoordinatorNotice.PartnershipActive => ($"Partnerskapet har börjat – {notice.OrganisationName}", $"Överenskommelsen i ärende {notice.Number} är undertecknad av alla parter och partnerskapet är aktivt."),
            _ => throw new InvalidOperationException($"No text for {notice.Notice}."),
        };
        return new CoordinatorNotification(title, text, notice.Number.Value, CaseUrl(notice.Case));
    }

    public CoordinatorNotification Compose(NotifyAboutRequest notice)
    {
        var what = $"{KindName(notice.Kind)} – {notice.AffectedOrganisation}";
        var (title, text) = notice.Notice switch
        {
            CoordinatorNotice.AnswerReceived => ($"Svar: {what}", $"{notice.PersonName} har svarat i ärende {notice.Number} ({notice.OrganisationName})."),
            CoordinatorNotice.AnswerNegative => ($"Nej-svar: {what}", $"{notice.PersonName} har svarat nej i ärende {notice.Number} ({notice.OrganisationName}). Se svaret och bestäm hur ärendet ska gå vidare."),
            CoordinatorNotice.RequestOverdue => ($"Försenat svar: {what}", $"{notice.PersonName} har inte svarat i ärende {notice.Number} ({notice.OrganisationName}) trots påminnelser. Kontakta personen eller lämna över förfrågan till någon annan."),
            _ => throw new InvalidOperationException($"No text for {notice.Notice} about a request."),
        };
        return new CoordinatorNotification(title, text, notice.Number.Value, CaseUrl(notice.Case));
    }

    public MailMessage Compose(MailToOfficial mail)
    {
        var link = new Uri(Settings.PublicBaseUrl!, $"/svar/{tokens.CreateAnswerLink(mail.Case, mail.RequestId, mail.Issue, mail.ExpiresAt)}");
        var (subject, question) = mail.Kind switch
        {
            RequestKind.ProcurementOpinion => ("Yttrande om marknadssituation", $"Kommunen prövar ett idéburet offentligt partnerskap med {mail.OrganisationName}. Enligt riktlinjen{ProcurementCriterion(mail)} får det inte finnas en marknads- eller konkurrenssituation att skydda. Vi ber upphandlingsenheten om ett skriftligt yttrande: finns det en sådan situation?"),
            RequestKind.StaffingConfirmation => ("Bekräfta bemanning", $"{mail.AffectedOrganisation} berörs av ett initiativ till idéburet offentligt partnerskap med {mail.OrganisationName}. Vi ber dig som chef bekräfta vilken eller vilka tjänstepersoner som deltar i dialogen och i dialogmötet – eller svara att ni inte kan delta och varför. Du kan också lämna över frågan till en kollega."),
            RequestKind.InternalPosition => ("Ert ställningstagande", $"Efter dialogmötet om initiativet från {mail.OrganisationName} ber vi {mail.AffectedOrganisation} att efter intern diskussion lämna sitt ställningstagande till ett partnerskap."),
            RequestKind.CommitteeDecision => ("Registrera nämndens beslut", $"Förslaget till överenskommelse om idéburet offentligt partnerskap med {mail.OrganisationName} ska beslutas av {mail.AffectedOrganisation}. Förslaget finns bifogat som Word-dokument och via länken. När beslutet är fattat: registrera det (godkänt eller avslaget, sammanträdesdatum och paragraf) via länken."),
            _ => throw new InvalidOperationException($"No text for {mail.Kind}."),
        };
        return Message(
            mail.ToName,
            mail.ToEmail,
            $"{(mail.Reminder ? "Påminnelse: " : "")}{subject} – {mail.Number}",
            mail.Number.Value,
            [
                mail.Reminder ? $"Vi har ännu inte fått ditt svar och påminner därför om frågan nedan. Svaret skulle ha lämnats senast {SwedishDate(mail.DueAt)}." : null,
                question,
                CheckFindings(mail),
                $"Svara senast {SwedishDate(mail.DueAt)}. Du loggar in med ditt vanliga konto i kommunen.",
            ],
            new MailAction("Svara här", link),
            $"Länken gäller bara för dig och till och med {SwedishDate(mail.ExpiresAt)}. Om någon annan ska svara kan du lämna över frågan via länken.");
    }

    /// <summary>What failed, for the coordinator: which message to whom, and the service's error.</summary>
    public CoordinatorNotification ComposeFailure(Effect effect, string error)
    {
        var what = effect switch
        {
            MailToInitiator m => $"e-post till {m.ToName} ({m.ToEmail})",
            SendPortalLink m => $"länken till {m.ToName} ({m.ToEmail})",
            RemindInitiator m => $"påminnelsen till {m.ToName} ({m.ToEmail})",
            AskForCompletion m => $"begäran om komplettering till {m.ToName} ({m.ToEmail})",
            SendReportLink m => $"begäran om årsrapport för {m.Year} till {m.ToName} ({m.ToEmail})",
            MailToOfficial m => $"{KindName(m.Kind).ToLowerInvariant()} till {m.ToName} ({m.ToEmail})",
            SendInvitation m => $"kalenderinbjudan ({m.Attendees.Count} inbjudna)",
            NotifyCoordinator or NotifyAboutRequest => "en Teams-notis till dig",
            _ => "ett meddelande",
        };
        return new CoordinatorNotification(
            $"Kunde inte skickas: {what}",
            $"I ärende {effect.Number} kunde {what} inte skickas: {error}. Rätta felet och välj \"Försök igen\" på ärendesidan.",
            effect.Number.Value,
            CaseUrl(effect.Case));
    }

    /// <summary>A notice as mail to the coordinator's mailbox (when Teams is what failed).</summary>
    public MailMessage ToCoordinator(CoordinatorNotification notice) =>
        Message(Settings.CoordinatorName, Settings.CoordinatorMailbox, notice.Title, notice.CaseNumber, [notice.Text], new MailAction("Öppna ärendet", notice.CaseUrl), greeting: "Hej!");

    public static string KindName(RequestKind kind) => kind switch
    {
        RequestKind.ProcurementOpinion => "Yttrande från upphandlingsenheten",
        RequestKind.StaffingConfirmation => "Bekräftelse av bemanning",
        RequestKind.InternalPosition => "Ställningstagande",
        RequestKind.CommitteeDecision => "Beslut om överenskommelsen",
        _ => kind.ToString(),
    };

    /// <summary>The invitation as the calendar sends it: organised by the IOP mailbox, in Swedish, the case number in the subject.</summary>
    public CalendarInvitation Compose(SendInvitation meeting)
    {
        var name = meeting.Kind switch
        {
            MeetingKind.FirstMeeting => "Första möte om IOP-initiativ",
            MeetingKind.StakeholderMeeting => "Dialogmöte om IOP-initiativ",
            MeetingKind.PartnershipDialogue => "Uppföljningsdialog om partnerskapet",
            _ => "Uppföljningsmöte om IOP-initiativ",
        };
        string?[] paragraphs =
        [
            $"{name} från {meeting.OrganisationName} (diarienummer {meeting.Number}).",
            meeting.Location is null ? "Mötet hålls digitalt i Teams." : meeting.Online ? $"Plats: {meeting.Location}. Det går också att delta digitalt i Teams." : $"Plats: {meeting.Location}.",
            meeting.CancellationReason is { } reason ? $"Mötet är inställt: {reason}" : null,
            $"Frågor besvaras av {Settings.CoordinatorName}, {Settings.CoordinatorMailbox}.",
        ];
        var text = string.Join("\n\n", paragraphs.Where(p => p is not null));
        return new CalendarInvitation(
            $"{meeting.Case}-{meeting.MeetingId}@iop",
            meeting.Sequence,
            $"{(meeting.CancellationReason is null ? "" : "Inställt: ")}{name}: {meeting.OrganisationName} – {meeting.Number}",
            text,
            meeting.Start,
            meeting.End,
            meeting.Location,
            meeting.Online,
            new MailAddress(Settings.CoordinatorName, Settings.CoordinatorMailbox),
            meeting.Attendees.Select(p => new MailAddress(p.Name, p.Email)).ToValueList());
    }

    public Uri ReportUrl(CaseId id, int year, int issue, DateTimeOffset expiresAt) =>
        new(Settings.PublicBaseUrl!, $"/arsrapport/{tokens.CreateReportLink(id, year, issue, expiresAt)}");

    public Uri PortalUrl(CaseId id, string tokenId, DateTimeOffset expiresAt) =>
        new(Settings.PublicBaseUrl!, $"/portal/{tokens.Create(id, tokenId, expiresAt)}");

    private string ItemName(string item, string? policyId, string? policyVersion) =>
        item == Vetting.Vetting.DeclarationItem ? "Undertecknad värdegrund" : Policy(policyId, policyVersion).Documents.FirstOrDefault(d => d.Id == item)?.Name.Sv ?? item;

    /// <summary>The criterion the procurement unit's opinion is for, as the case's guideline numbers it (" (kriterium 7)").</summary>
    private string ProcurementCriterion(MailToOfficial mail) =>
        Policy(mail.PolicyId, mail.PolicyVersion).Checklist.FirstOrDefault(c => c.RequiresProcurementOpinion) is { } criterion ? $" (kriterium {criterion.Number})" : "";

    /// <summary>For the committees: the findings on the checks the guideline requires, with their motivations.</summary>
    private string? CheckFindings(MailToOfficial mail)
    {
        if (mail.Checks is not { Count: > 0 } findings)
        {
            return null;
        }

        var policy = Policy(mail.PolicyId, mail.PolicyVersion);
        var lines = findings.Select(f =>
            $"– {policy.FindCheck(f.CheckId)?.Title.Sv ?? f.CheckId}: {(f.Outcome == Checks.CheckOutcome.Fulfilled ? "uppfyllt" : "inte uppfyllt")}. {f.Motivation}");
        return "Kontroller enligt riktlinjen, gjorda av samordnaren:\n" + string.Join("\n", lines);
    }

    /// <summary>The case's guideline, as its effect names it; the current one for effects stored before they named it.</summary>
    private PolicyProfile Policy(string? id, string? version) => id is null ? policies.Current : policies.Find(id, version) ?? policies.Current;

    /// <summary>The first item a notice names (a date or a year), as it was written.</summary>
    private static string First(NotifyCoordinator notice) => notice.Items is [var first, ..] ? first : "";

    private static string SwedishDate(DateTimeOffset instant) => Localization.SwedishTime.FormatDateLong(instant);

    public Uri CaseUrl(CaseId id) => new(Settings.PublicBaseUrl!, $"/arenden/{id}");

    /// <summary>A message in the house layout: greeting, paragraphs, the action, what follows it, signature and footer.</summary>
    private MailMessage Message(
        string toName, string toEmail, string subject, string caseNumber, IEnumerable<string?> paragraphs, MailAction? action = null, string? after = null, string? greeting = null)
    {
        var content = new MailContent(
            greeting ?? $"Hej {SingleLine.Clean(toName)}!",
            [.. paragraphs.Where(p => !string.IsNullOrWhiteSpace(p))!],
            action,
            after is null ? [] : [after]);
        var footer = new MailFooter(Settings.Municipality, caseNumber, Settings.CoordinatorName, Settings.CoordinatorMailbox, Settings.CoordinatorPhone);
        return new MailMessage(
            ValueList.Of(new MailAddress(SingleLine.Clean(toName), toEmail)),
            SingleLine.Clean(subject),
            MailLayout.Text(content, footer),
            MailLayout.Html(subject, content, footer),
            new MailAddress(Settings.CoordinatorName, Settings.CoordinatorMailbox));
    }

    private static string? AlternativeAdvice(Alternative alternative) => alternative switch
    {
        Alternative.AssociationGrant => "Verksamheten kan i stället passa för kommunens föreningsbidrag. Kontakta oss gärna så berättar vi mer.",
        Alternative.Procurement => "Verksamheten bedöms höra till en marknad där kommunen i stället köper tjänster genom upphandling.",
        _ => null,
    };
}
