using Iop.Agreements;
using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Meetings;
using Iop.Officials;
using Iop.Policies;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Printing;

/// <summary>The meetings, the requests to officials, the committees' decisions, the agreement and the timeline.</summary>
internal static partial class CaseFileSections
{
    public static PrintedSection Meetings(CaseFile file)
    {
        var blocks = new List<PrintedBlock>();
        foreach (var meeting in file.Meetings)
        {
            blocks.Add(new Subheading($"{OfficialTexts.MeetingName(meeting.Kind)} – {OfficialTexts.MeetingStatusName(meeting.Status)}"));
            var facts = new List<Fact>
            {
                new(T("Tid", "Time"), $"{SwedishTime.Format(meeting.Start)}–{SwedishTime.FormatClock(meeting.End)}"),
                new(T("Plats", "Place"), OfficialTexts.Place(meeting.Location, meeting.Online)),
                new(meeting.Status == MeetingStatus.Held ? T("Deltagare", "Attendees") : T("Inbjudna", "Invited"), People(meeting.Attendees)),
            };
            if (meeting.Notes is { } notes)
            {
                facts.Add(new(T("Anteckningar", "Notes"), notes));
            }

            blocks.Add(new FactList(facts));
        }

        return new("meetings", T("Möten", "Meetings"), blocks.Count > 0 ? blocks : [new TextBlock(T("Inga möten har bokats.", "No meetings have been scheduled."))]);
    }

    /// <summary>Every request in the order sent: to whom, its transfers, and the answer in full.</summary>
    public static PrintedSection Requests(CaseFile file, DateTimeOffset now)
    {
        var blocks = new List<PrintedBlock>();
        if (file.Organisations.Count > 0)
        {
            blocks.Add(new FactList([new(T("Berörda nämnder och bolag", "Affected committees and companies"), string.Join(", ", file.Organisations.Select(o => o.Name)))]));
        }

        foreach (var request in file.Requests)
        {
            var round = request.Kind == RequestKind.CommitteeDecision && request.Round > 1 ? T($" (omgång {request.Round})", $" (round {request.Round})") : "";
            blocks.Add(new Subheading($"{OfficialTexts.KindName(request.Kind)} – {request.OrganisationName}{round}"));
            var facts = new List<Fact>
            {
                new(T("Till", "To"), $"{request.Addressee.Name} ({request.Addressee.Email})"),
                new(T("Skickad", "Sent"), SwedishTime.Format(request.SentAt)),
                new(T("Svar senast", "Due"), SwedishTime.FormatDate(request.DueAt)),
                new(T("Läge", "Status"), OfficialTexts.StatusName(request, now)),
            };
            facts.AddRange(request.Transfers.Select(t => new Fact(
                t.ByCoordinator ? T("Omfördelad", "Reassigned") : T("Delegerad", "Delegated"),
                T($"{SwedishTime.Format(t.At)} av {t.ByName}: från {t.From.Name} till {t.To.Name} ({t.To.Email})", $"{SwedishTime.Format(t.At)} by {t.ByName}: from {t.From.Name} to {t.To.Name} ({t.To.Email})")
                + (t.Reason is { } reason ? T($". Skäl: {reason}", $". Reason: {reason}") : ""))));
            if (request.Answer is { } answer)
            {
                facts.Add(new(T("Svar", "Answer"), OfficialTexts.AnswerSummary(answer.Content)));
                facts.Add(new(T("Besvarad", "Answered"), T($"{SwedishTime.Format(answer.At)} av {answer.By.Name} ({answer.By.Email})", $"{SwedishTime.Format(answer.At)} by {answer.By.Name} ({answer.By.Email})")));
                if (AttachedFile(request) is { } attached)
                {
                    facts.Add(new(T("Bifogad fil", "Attached file"), T($"{attached.FileName} (kontrollsumma under Dokument)", $"{attached.FileName} (checksum under Documents)")));
                }
            }

            blocks.Add(new FactList(facts));
        }

        return new("requests", T("Förfrågningar till tjänstepersoner", "Requests to officials"),
            blocks.Count > 0 ? blocks : [new TextBlock(T("Inga förfrågningar har skickats.", "No requests have been sent."))]);
    }

    /// <summary>The committees' and boards' decisions on the agreement, every round.</summary>
    public static PrintedSection Decisions(CaseFile file)
    {
        var heading = T("Nämndbeslut", "Committee decisions");
        var asked = file.Requests.Where(r => r.Kind == RequestKind.CommitteeDecision).ToList();
        if (asked.Count == 0)
        {
            return new("decisions", heading, [new TextBlock(T("Inga beslut har begärts ännu.", "No decisions have been asked for yet."))]);
        }

        return new("decisions", heading,
        [
            new TableBlock(
                [new(T("Nämnd eller styrelse", "Committee or board"), 2.6), new(T("Omgång", "Round"), 1.4), new(T("Beslut", "Decision"), 1.5), new(T("Sammanträde", "Meeting"), 2), new(T("Paragraf", "Paragraph"), 1.4), new(T("Registrerat av", "Recorded by"), 2.6)],
                [.. asked.Select(r => (IReadOnlyList<string>)(r.Answer is { Content: CommitteeDecision d } a
                    ? [r.OrganisationName, $"{r.Round}", d.Approved ? T("Godkänd", "Approved") : T("Avslagen", "Rejected"), Date(d.MeetingDate), d.Paragraph, $"{a.By.Name}, {SwedishTime.FormatDate(a.At)}"]
                    : [r.OrganisationName, $"{r.Round}", r.IsOpen ? T("Väntar på beslut", "Awaiting decision") : T("Återkallad", "Withdrawn"), "", "", ""]))]),
        ]);
    }

    public static PrintedSection Agreement(CaseFile file, PolicyProfile policy)
    {
        var heading = T("Överenskommelse", "Agreement");
        if (file.Agreement is not { } draft)
        {
            return new("agreement", heading, [new TextBlock(T("Ingen överenskommelse har skrivits ännu.", "No agreement has been drafted yet."))]);
        }

        var terms = draft.Terms;
        string PartyName(Party party) => party == Party.Municipality ? policy.Municipality : file.Initiative.OrganisationName;
        var blocks = new List<PrintedBlock>
        {
            new FactList(
            [
                new(T("Målgrupp", "Target group"), terms.TargetGroup),
                new(T("Undertecknar för kommunen", "Signs for the municipality"), terms.MunicipalitySignatory),
                new(T("Undertecknar för organisationen", "Signs for the organisation"), terms.OrganisationSignatory),
                new(T("Avtalstid", "Term"), Term(terms.Term)),
            ]),
            new Subheading(T("Medfinansiering", "Co-financing")),
            new TableBlock(
                [new(T("År", "Year"), 1), new(T("Part", "Party"), 3), new(T("Belopp", "Amount"), 2), new(T("Insats i annan form", "Contribution in kind"), 3)],
                [.. terms.CoFinancing.Select(c => (IReadOnlyList<string>)[$"{c.Year}", PartyName(c.Party), Kronor.Format(c.AmountSek), c.InKind ?? "–"])]),
        };
        foreach (var part in policy.AgreementSections)
        {
            var section = draft.Find(part.Id);
            var awaits = section?.AwaitsText != false;
            blocks.Add(new Subheading(awaits ? T($"{part.Title.In(Code)} (ej skrivet)", $"{part.Title.In(Code)} (not written)") : part.Title.In(Code)));
            blocks.Add(new TextBlock(section?.Text ?? ""));
        }

        blocks.Add(new Subheading(T("Underskrifter", "Signatures")));
        blocks.Add(file.Signatures.Count == 0
            ? new TextBlock(T("Ingen part har undertecknat ännu.", "No party has signed yet."))
            : new TableBlock(
                [new(T("Part", "Party"), 3), new(T("Namn", "Name"), 3), new(T("Roll", "Role"), 3), new(T("Datum", "Date"), 1.6)],
                [.. file.Signatures.Select(s => (IReadOnlyList<string>)[PartyName(s.Party), s.SignerName, s.SignerRole, Date(s.SignedOn)])]));
        return new("agreement", heading, blocks);
    }

    /// <summary>Every event, oldest first, in the words of the case page's timeline.</summary>
    public static PrintedSection Timeline(CaseFile file, IReadOnlyList<RecordedEvent> history, PolicyProfile policy) =>
        new("timeline", T("Händelser", "Timeline"),
        [
            new TimelineBlock([.. history.Select(h => new TimelineEntry(SwedishTime.Format(h.Event.At), EventTexts.Who(h.Event.By), EventTexts.Describe(h.Event, policy, file)))]),
        ]);

    private static string People(IEnumerable<Person> people) => string.Join(", ", people.Select(p => $"{p.Name} ({p.Email})"));
}
