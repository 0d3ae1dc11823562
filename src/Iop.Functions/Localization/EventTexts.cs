using Iop.Cases;
using Iop.Policies;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Localization;

/// <summary>One line per event in the case's timeline (the public-records history).</summary>
internal static class EventTexts
{
    /// <summary>Who the timeline says did it: a person's name, or "systemet (automatiskt)" for what the workflow did on its own.</summary>
    public static string Who(Common.Actor by) => by.Role == Common.ActorRole.System ? T("systemet (automatiskt)", "the system (automatically)") : by.Name;

    /// <summary>One line for the event; documents are named as the case's guideline names them.</summary>
    public static string Describe(CaseEvent e, PolicyProfile policy, CaseFile? file = null)
    {
        // A section by the title people read in the agreement, not its id.
        if (e is Iop.Agreements.AgreementSectionEdited edited)
        {
            var title = policy.AgreementSections.FirstOrDefault(s => s.Id == edited.SectionId)?.Title.In(Code) ?? edited.SectionId;
            return T($"Avsnittet \"{title}\" i överenskommelsen skrevs om.", $"The agreement's section \"{title}\" was rewritten.");
        }

        if (e is Checks.CheckRecorded check)
        {
            return CheckText(check, policy);
        }

        if (OfficialTexts.Describe(e, file) is { } line)
        {
            return line;
        }

        string Name(string item) => item == Vetting.Vetting.DeclarationItem
            ? T("värdegrunden", "the values declaration")
            : policy.Documents.FirstOrDefault(d => d.Id == item)?.Name.In(Code) ?? item;
        string Names(IEnumerable<string> items) => string.Join(", ", items.Select(Name));
        return Describe(e, Name, Names);
    }

    private static string Describe(CaseEvent e, Func<string, string> name, Func<IEnumerable<string>, string> names) => e switch
    {
        InitiativeSubmitted s => T($"Initiativet kom in och registrerades som {s.Number}.", $"The initiative arrived and was registered as {s.Number}."),
        CriteriaAssessed a => T($"Bedömning sparad för {a.Assessments.Count} kriterier.", $"Assessment saved for {a.Assessments.Count} criteria."),
        ScreeningCompleted { Outcome: ScreeningOutcome.Continue } => T("Bedömningen klar: ärendet går vidare till första möte.", "Screening completed: the case continues to a first meeting."),
        ScreeningCompleted => T("Bedömningen klar: ärendet ska avslutas.", "Screening completed: the case is to be discontinued."),
        CaseDiscontinued d => T($"Ärendet avslutades. Skäl: {d.Reason}", $"The case was discontinued. Reason: {d.Reason}")
            + (d.Alternative == Screening.Alternative.None ? "" : T($" Hänvisning: {Texts.AlternativeName(d.Alternative)}.", $" Referred to: {Texts.AlternativeName(d.Alternative)}.")),
        PartnerVettingStarted { DeclarationDueAt: { } due } s => T($"Kontroll av organisationen påbörjades: {s.Requests.Count} dokument och värdegrunden begärdes, senast {SwedishTime.FormatDate(due)}.", $"Partner vetting started: {s.Requests.Count} documents and the values declaration requested, due {SwedishTime.FormatDate(due)}."),
        PartnerVettingStarted s => T($"Kontroll av organisationen påbörjades: {s.Requests.Count} dokument begärdes, senast {SwedishTime.FormatDate(s.Requests.Min(r => r.DueAt))}.", $"Partner vetting started: {s.Requests.Count} documents requested, due {SwedishTime.FormatDate(s.Requests.Min(r => r.DueAt))}."),
        Vetting.PortalLinkIssued l => T($"Ny länk till organisationens sida skickades (gäller till {SwedishTime.FormatDate(l.Link.ExpiresAt)}); tidigare länkar slutade gälla.", $"A new portal link was sent (valid until {SwedishTime.FormatDate(l.Link.ExpiresAt)}); earlier links stopped working."),
        Vetting.DocumentUploaded u => T($"Fil inskickad för {name(u.DocumentId)}: {Described(u.File, "byte")}.", $"File sent for {name(u.DocumentId)}: {Described(u.File, "bytes")}."),
        Vetting.DocumentFilesUploaded u => u.Files.Count == 1
            ? T($"Fil inskickad för {name(u.DocumentId)}: {Described(u.Files[0], "byte")}.", $"File sent for {name(u.DocumentId)}: {Described(u.Files[0], "bytes")}.")
            : T($"{u.Files.Count} filer inskickade för {name(u.DocumentId)}: {string.Join("; ", u.Files.Select(f => Described(f, "byte")))}.", $"{u.Files.Count} files sent for {name(u.DocumentId)}: {string.Join("; ", u.Files.Select(f => Described(f, "bytes")))}."),
        Vetting.DocumentMarkedNotExisting m => T($"Organisationen anger att {name(m.DocumentId)} saknas: {m.Explanation}", $"The organisation says {name(m.DocumentId)} does not exist: {m.Explanation}"),
        Vetting.DeclarationSigned d => T($"Värdegrunden undertecknades av {d.Declaration.SignerName}, {d.Declaration.SignerRole}, {d.Declaration.OrganisationName} (version {d.Declaration.TextVersion}).", $"The values declaration was signed by {d.Declaration.SignerName}, {d.Declaration.SignerRole}, {d.Declaration.OrganisationName} (version {d.Declaration.TextVersion})."),
        Vetting.DocumentAccepted a => T($"{name(a.DocumentId)} godkändes.", $"{name(a.DocumentId)} was accepted."),
        Vetting.DocumentCompletionRequested c => T($"Komplettering av {name(c.DocumentId)} begärdes till {SwedishTime.FormatDate(c.DueAt)}: {c.Comment}", $"Completion of {name(c.DocumentId)} requested by {SwedishTime.FormatDate(c.DueAt)}: {c.Comment}"),
        Vetting.DocumentDueDateChanged c => T($"Sista dag för {name(c.DocumentId)} ändrades till {SwedishTime.FormatDate(c.DueAt)}.", $"The due date of {name(c.DocumentId)} was changed to {SwedishTime.FormatDate(c.DueAt)}."),
        Vetting.ReminderSent r => T($"Påminnelse skickades om: {names(r.Items)}.", $"Reminder sent about: {names(r.Items)}."),
        Vetting.OverdueEscalated o => T($"Samordnaren underrättades om försening: {names(o.Items)}.", $"The coordinator was told of delay: {names(o.Items)}."),
        PartnerVettingCompleted => T("Kontrollen av organisationen är klar.", "Partner vetting completed."),
        ScopeConfirmed s => T($"Berörda nämnder och bolag: {string.Join(", ", s.Organisations.Select(o => o.Name))}.", $"Affected committees and companies: {string.Join(", ", s.Organisations.Select(o => o.Name))}."),
        InternalPositionsReported => T("Alla berörda organisationer har lämnat sina ställningstaganden.", "Every affected organisation reported its position."),
        AgreementDraftingStarted => T("Uppföljningsmötet är hållet: överenskommelsen skrivs.", "The follow-up meeting is held: the agreement is being drafted."),
        AgreementSubmittedForDecision => T("Förslaget till överenskommelse skickades till nämnderna och styrelserna för beslut.", "The draft agreement went to the committees and boards for decision."),
        AgreementSigned s => T($"Avtalet undertecknades för perioden {s.Term.Start:yyyy-MM-dd}–{s.Term.End:yyyy-MM-dd}.", $"The agreement was signed for {s.Term.Start:yyyy-MM-dd}–{s.Term.End:yyyy-MM-dd}."),
        Partnerships.TermEndingReminded r => T($"Påminnelse till samordnaren: avtalstiden slutar {r.EndsOn:yyyy-MM-dd}.", $"Reminder to the coordinator: the term ends on {r.EndsOn:yyyy-MM-dd}."),
        Partnerships.TermExtended x => T($"Avtalstiden förlängdes till och med {x.NewEnd:yyyy-MM-dd}{(x.Decision is null ? "" : $" (beslut: {x.Decision})")}.", $"The term was extended until {x.NewEnd:yyyy-MM-dd}{(x.Decision is null ? "" : $" (decision: {x.Decision})")}."),
        Partnerships.RenegotiationStarted x => T($"Överenskommelsen omförhandlas och gick tillbaka till avtalsskrivning. Skäl: {x.Reason}", $"The agreement is renegotiated and went back to drafting. Reason: {x.Reason}"),
        Partnerships.TermLetEnd x => T($"Beslut: partnerskapet avslutas när avtalstiden löper ut.{(x.Note is null ? "" : $" {x.Note}")}", $"Decision: the partnership ends when its term runs out.{(x.Note is null ? "" : $" {x.Note}")}"),
        PartnershipEnded p => T($"Partnerskapet avslutades. Skäl: {p.Reason}", $"The partnership ended. Reason: {p.Reason}"),
        Partnerships.FollowUpReminded { Late: false } r => T($"Påminnelse till samordnaren: uppföljningsdialog senast {r.DueOn:yyyy-MM-dd}.", $"Reminder to the coordinator: follow-up dialogue due {r.DueOn:yyyy-MM-dd}."),
        Partnerships.FollowUpReminded r => T($"Samordnaren underrättades: uppföljningen senast {r.DueOn:yyyy-MM-dd} är sen.", $"The coordinator was told: the follow-up due {r.DueOn:yyyy-MM-dd} is late."),
        Partnerships.FollowUpRecorded f => T(
            $"Uppföljningsdialog {f.Record.HeldOn:yyyy-MM-dd} dokumenterades{(f.Record.DueOn is { } due ? $" (uppföljningen senast {due:yyyy-MM-dd})" : "")}. Genomfört: {f.Record.Done}",
            $"Follow-up dialogue of {f.Record.HeldOn:yyyy-MM-dd} recorded{(f.Record.DueOn is { } dueEn ? $" (the follow-up due {dueEn:yyyy-MM-dd})" : "")}. Done: {f.Record.Done}"),
        Partnerships.YearlyReportRequested r => T($"Årsrapport för {r.Year} begärdes av organisationen, senast {SwedishTime.FormatDate(r.DueAt)}.", $"The yearly report for {r.Year} was requested from the organisation, due {SwedishTime.FormatDate(r.DueAt)}."),
        Partnerships.YearlyReportReminded r => T($"Påminnelse skickades om årsrapporten för {r.Year}.", $"Reminder sent about the yearly report for {r.Year}."),
        Partnerships.YearlyReportEscalated r => T($"Samordnaren underrättades: årsrapporten för {r.Year} är försenad.", $"The coordinator was told: the yearly report for {r.Year} is overdue."),
        Partnerships.YearlyReportSubmitted r => T(
            $"Årsrapport för {r.Year} lämnades av {r.Submission.SubmittedBy}{(r.Submission.Files.Count > 0 ? $", med {string.Join("; ", r.Submission.Files.Select(f => Described(f, "byte")))}" : "")}.",
            $"The yearly report for {r.Year} was sent by {r.Submission.SubmittedBy}{(r.Submission.Files.Count > 0 ? $", with {string.Join("; ", r.Submission.Files.Select(f => Described(f, "bytes")))}" : "")}."),
        Partnerships.NoticeGiven n => T(
            $"Avtalet sades upp av {Partnerships.Endings.PartyName(n.Notice.GivenBy)} {n.Notice.GivenOn:yyyy-MM-dd} och upphör {n.Notice.EndsOn:yyyy-MM-dd}. Skäl: {n.Notice.Reason}",
            $"Notice was given by the {(n.Notice.GivenBy == Iop.Agreements.Party.Municipality ? "municipality" : "organisation")} on {n.Notice.GivenOn:yyyy-MM-dd}; the agreement ends {n.Notice.EndsOn:yyyy-MM-dd}. Reason: {n.Notice.Reason}"),
        Partnerships.DisputeRaised d => T(
            $"Tvist ({d.DisputeId}) väcktes av {Partnerships.Endings.PartyName(d.RaisedBy)} {d.On:yyyy-MM-dd}, i dialog: {d.Subject}",
            $"Dispute ({d.DisputeId}) raised by the {(d.RaisedBy == Iop.Agreements.Party.Municipality ? "municipality" : "organisation")} on {d.On:yyyy-MM-dd}, in dialogue: {d.Subject}"),
        Partnerships.DisputeEscalated d => T(
            $"Tvisten ({d.DisputeId}) fördes {d.On:yyyy-MM-dd} till {(d.To == Partnerships.DisputeLevel.SteeringGroup ? "styrgruppen" : "ansvarig nämnd")}. Skäl: {d.Reason}",
            $"The dispute ({d.DisputeId}) went on {d.On:yyyy-MM-dd} to {(d.To == Partnerships.DisputeLevel.SteeringGroup ? "the steering group" : "the responsible committee")}. Reason: {d.Reason}"),
        Partnerships.DisputeResolved d => T($"Tvisten ({d.DisputeId}) avgjordes {d.On:yyyy-MM-dd}: {d.Outcome}", $"The dispute ({d.DisputeId}) was settled on {d.On:yyyy-MM-dd}: {d.Outcome}"),
        _ => e.GetType().Name,
    };

    /// <summary>A file as the timeline names it: its name, size and the start of its checksum.</summary>
    private static string Described(Vetting.UploadedFile file, string bytes) => $"{file.FileName} ({file.Size:N0} {bytes}, SHA-256 {file.Sha256[..12]}…)";

    private static string CheckText(Checks.CheckRecorded c, PolicyProfile policy)
    {
        var title = policy.FindCheck(c.CheckId)?.Title;
        var fulfilled = c.Outcome == Checks.CheckOutcome.Fulfilled;
        return T(
            $"Kontroll enligt riktlinjen – {title?.Sv ?? c.CheckId}: {(fulfilled ? "uppfyllt" : "inte uppfyllt")}. Motivering: {c.Motivation}",
            $"Check the guideline requires – {title?.En ?? c.CheckId}: {(fulfilled ? "fulfilled" : "not fulfilled")}. Motivation: {c.Motivation}");
    }
}
