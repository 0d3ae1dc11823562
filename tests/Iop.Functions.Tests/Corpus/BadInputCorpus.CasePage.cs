using System.Text;
using Iop.Cases;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The coordinator's case list and case page, with every command the case page posts.</summary>
public static partial class BadInputCorpus
{
    private const string Page = "/arenden/{id}";

    /// <summary>
    /// A command form of the case page: the case it is meant for, fields it would be accepted with at the current
    /// version, which of them are free text or people's names, and inputs of its own.
    /// </summary>
    private sealed record CaseForm(string Handler, Func<CorpusWorld, CaseId> Case, Func<CorpusWorld, CaseId, Task<Dictionary<string, string>>> Fields)
    {
        public string[] Texts { get; init; } = [];

        public string[] Names { get; init; } = [];

        public string? VersionField { get; init; } = "version";

        public bool HasStage { get; init; } = true;

        /// <summary>Inputs of this form only: changed fields, sent at the current version unless <c>Stale</c>.</summary>
        public (string Name, Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>> Change, bool Stale)[] Own { get; init; } = [];
    }

    private static Func<CorpusWorld, CaseId, Task<Dictionary<string, string>>> Fields(params (string Name, string Value)[] fields) =>
        (_, _) => Task.FromResult(fields.ToDictionary(f => f.Name, f => f.Value));

    private static Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>> Set(params (string Name, string Value)[] changes) => (_, fields) =>
    {
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields;
    };

    private static IEnumerable<CaseForm> CaseForms()
    {
        var screening = Fields(("Screening.Assessment[own-initiative]", "Met"), ("Screening.Note[own-initiative]", "Egen idé."));
        string[] screeningTexts = ["Screening.Note[own-initiative]", "Screening.Reason"];
        (string, Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>>, bool) undefinedAssessment = ("an assessment that is no assessment", Set(("Screening.Assessment[own-initiative]", "999")), false);
        (string, Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>>, bool) unknownCriterion = ("a criterion that does not exist", Set(("Screening.Assessment[..%2F..%2Fx]", "Met"), ("Screening.Note[..%2F..%2Fx]", Hostile.Text)), false);
        yield return new("Save", w => w.Received, screening) { Texts = screeningTexts, VersionField = "Screening.Version", Own = [undefinedAssessment, unknownCriterion] };
        yield return new("Continue", w => w.Received, screening) { Texts = screeningTexts, VersionField = "Screening.Version", Own = [undefinedAssessment] };
        yield return new("Reject", w => w.Received, screening)
        {
            Texts = screeningTexts,
            VersionField = "Screening.Version",
            Own = [("an alternative that does not exist", Set(("Screening.Reason", "Nej."), ("Screening.Alternative", "999")), false)],
        };
        yield return new("Discontinue", w => w.FirstMeeting, Fields(("Discontinuation.Reason", "Ingen samverkan."), ("Discontinuation.Alternative", "None")))
        {
            Texts = ["Discontinuation.Reason"],
            VersionField = "Discontinuation.Version",
            Own = [("an alternative that does not exist", Set(("Discontinuation.Alternative", "999")), false), ("an empty reason", Set(("Discontinuation.Reason", " \t\r\n")), false)],
        };
        yield return new("StartVetting", w => w.FirstMeeting, Fields());
        yield return new("NewLink", w => w.Vetting, Fields());
        yield return new("ReviewAll", w => w.Vetting, Fields(("reviews[0].document", CorpusWorld.Document), ("reviews[0].decision", "complete"), ("reviews[0].comment", "Komplettera."), ("reviews[0].dueDate", "2026-04-01")))
        {
            Texts = ["reviews[0].comment"],
            Own =
            [
                ("a decision that is no decision", Set(("reviews[0].decision", Hostile.Script)), false),
                ("a document not requested", Set(("reviews[0].document", "..%2F..%2Fx")), false),
                ("the same document twice", Set(("reviews[1].document", CorpusWorld.Document), ("reviews[1].decision", "accept")), false),
                ("every document accepted with none listed", Set(("acceptAll", "true"), ("reviews[0].document", "")), false),
                ("a due date in year 1", Set(("reviews[0].dueDate", "0001-01-01")), false),
                ("a due date in year 9999", Set(("reviews[0].dueDate", "9999-12-31")), false),
                ("a due date that is no date", Set(("reviews[0].dueDate", "2026-02-30")), false),
            ],
        };
        yield return new("DueDate", w => w.Vetting, Fields(("document", CorpusWorld.Document), ("dueDate", "2026-04-01")))
        {
            Own =
            [
                ("a due date in year 1", Set(("dueDate", "0001-01-01")), false),
                ("a due date in year 9999", Set(("dueDate", "9999-12-31")), false),
                ("no due date", Set(("dueDate", "")), false),
                ("a document not requested", Set(("document", Hostile.Text)), false),
            ],
        };
        yield return new("Scope", w => w.Scoped, Fields(("organisations", "socialnamnden")))
        {
            Own = [("organisations that do not exist", Set(("organisations", "..%2F..%2Fx")), false)],
        };
        yield return new("RequestOpinion", w => w.Drafting, Fields());
        yield return new("ScheduleMeeting", w => w.FirstMeeting, Fields(
            ("kind", "FirstMeeting"), ("date", "2026-03-10"), ("start", "10:00"), ("end", "11:00"), ("location", "Stadshuset"), ("online", "false"),
            ("invite", "Karin Ek|karin.ek@navet.example"), ("extraName", "Extra Person"), ("extraEmail", "extra@mora.example")))
        {
            Texts = ["location"],
            Names = ["extraName"],
            Own =
            [
                ("a meeting kind that does not exist", Set(("kind", "999")), false),
                ("a negative meeting kind", Set(("kind", "-1")), false),
                ("a meeting in year 9999", Set(("date", "9999-12-31")), false),
                ("a meeting ending before it starts", Set(("start", "23:59"), ("end", "00:00")), false),
                ("a time that is no time", Set(("start", "25:61")), false),
                ("an invitee that is no person", Set(("invite", "a|b|c"), ("extraName", ""), ("extraEmail", Hostile.Script)), false),
                ("a right-to-left override in an invitee", Set(("invite", $"{Hostile.Bidi}|karin.ek@navet.example")), false),
            ],
        };
        yield return new("RecordMeeting", w => w.FirstMeeting, Fields(
            ("kind", "FirstMeeting"), ("date", "2026-03-01"), ("start", "10:00"), ("end", "11:00"), ("location", "Telefon"), ("online", "false"),
            ("invite", "Karin Ek|karin.ek@navet.example"), ("notes", "Per telefon.")))
        {
            Texts = ["location", "notes"],
            Names = ["extraName"],
            Own =
            [
                ("a meeting kind that does not exist", Set(("kind", "999")), false),
                ("a meeting tomorrow", Set(("date", "2026-03-03")), false),
                ("a meeting in year 1", Set(("date", "0001-01-01")), false),
                ("a meeting ending before it starts", Set(("start", "23:59"), ("end", "00:00")), false),
                ("a time that is no time", Set(("start", "25:61")), false),
                ("an attendee that is no person", Set(("invite", "a|b|c"), ("extraName", ""), ("extraEmail", Hostile.Script)), false),
            ],
        };
        yield return new("RescheduleMeeting", w => w.Drafting, MeetingFields(("date", "2026-05-10"), ("start", "10:00"), ("end", "11:00"), ("location", "Stadshuset"), ("online", "false")))
        {
            Texts = ["location"],
            Own = [("a meeting that does not exist", Set(("meetingId", "..%2F..%2Fx")), false)],
        };
        yield return new("CancelMeeting", w => w.Drafting, MeetingFields(("reason", "Sjukdom.")))
        {
            Texts = ["reason"],
            Own = [("a meeting that does not exist", Set(("meetingId", Hostile.Text)), false)],
        };
        yield return new("MeetingHeld", w => w.Drafting, MeetingFields(("notes", "Anteckningar.")))
        {
            Texts = ["notes"],
            Own = [("a meeting that does not exist", Set(("meetingId", new string('m', 4000))), false)],
        };
        yield return new("Reassign", w => w.Scoped, Fields(("requestId", "staffing-socialnamnden"), ("name", "Nina Ny"), ("email", "nina.ny@mora.example"), ("reason", "Semester.")))
        {
            Texts = ["reason"],
            Names = ["name"],
            Own =
            [
                ("an address that is no address", Set(("email", Hostile.Script)), false),
                ("a request that does not exist", Set(("requestId", "..%2F..%2Fstaffing-socialnamnden")), false),
                ("a 1 MiB address", Set(("email", Hostile.Huge + "@mora.example")), false),
            ],
        };
        yield return new("SubmitAgreement", w => w.Drafting, Fields());
        yield return new("ExtendTerm", w => w.Active, Fields(("newEnd", "2031-06-30"), ("decision", "KS 2029-05-12 § 44")))
        {
            Names = ["decision"],
            Own =
            [
                ("a new end before the current one", Set(("newEnd", "2027-01-01")), false),
                ("a new end a century ahead", Set(("newEnd", "2126-06-30")), false),
                ("a new end that is no date", Set(("newEnd", "30/6 2031")), false),
                ("no decision", Set(("decision", "")), false),
            ],
        };
        yield return new("Renegotiate", w => w.Active, Fields(("reason", "Verksamheten ska växa till fler stadsdelar.")))
        {
            Texts = ["reason"],
            Own = [("no reason", Set(("reason", " ")), false)],
        };
        yield return new("LetTermEnd", w => w.Active, Fields(("note", "Målen är nådda.")))
        {
            Texts = ["note"],
        };
        yield return new("RecordFollowUp", w => w.Active, Fields(
            ("heldOn", "2026-10-01"), ("done", "Läxhjälp två kvällar i veckan."), ("changes", ""), ("municipalityAssessment", "Målen nås."), ("organisationAssessment", "Bra samarbete."),
            ("party", "Municipality"), ("year", "2026"), ("amount", "120000"), ("inKind", "")))
        {
            Texts = ["done", "changes", "municipalityAssessment", "organisationAssessment", "inKind"],
            Own =
            [
                ("a dialogue in the future", Set(("heldOn", "2999-01-01")), false),
                ("a dialogue before the term", Set(("heldOn", "2020-01-01")), false),
                ("a date that is no date", Set(("heldOn", "1/10 2026")), false),
                ("no assessment from the organisation", Set(("organisationAssessment", " ")), false),
                ("a negative amount", Set(("amount", "-5")), false),
                ("an amount past decimal", Set(("amount", "79228162514264337593543950336")), false),
                ("a year outside the partnership", Set(("year", "2035")), false),
                ("a year past int", Set(("year", "99999999999")), false),
                ("a party that does not exist", Set(("party", "999")), false),
                ("a meeting that does not exist", Set(("meetingId", "..%2F..%2Ffirst-1")), false),
            ],
        };
        yield return new("RequestReport", w => w.Active, (w, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["year"] = "2026",
            ["dueOn"] = Common.SwedishClock.LocalDate(w.App.Time.GetUtcNow()).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Own =
            [
                ("a year before the partnership", Set(("year", "1999")), false),
                ("a year that is no number", Set(("year", Hostile.Script)), false),
                ("a due date in the past", Set(("dueOn", "2020-01-01")), false),
                ("a due date that is no date", Set(("dueOn", "snart")), false),
            ],
        };
        (string, Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>>, bool)[] PartyAndDay(string day) =>
        [
            ("a party that does not exist", Set(("party", "999")), false),
            ("a party by a name that does not exist", Set(("party", Hostile.Script)), false),
            ("no party", Set(("party", "")), false),
            ("a day in the future", Set((day, "2026-03-10")), false),
            ("a day before the term", Set((day, "2025-08-31")), false),
            ("a day in year 1", Set((day, "0001-01-01")), false),
            ("a day that is no date", Set((day, "2026-02-30")), false),
            ("no day", Set((day, "")), false),
        ];
        (string, Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>>, bool)[] DisputeStep(string text) =>
        [
            ("a dispute that does not exist", Set(("disputeId", "dispute-9")), false),
            ("a dispute id that is a path", Set(("disputeId", "..%2F..%2Fdispute-1")), false),
            ("a 1 MiB dispute id", Set(("disputeId", Hostile.Huge)), false),
            ("no dispute", Set(("disputeId", "")), false),
            ("a day before the dispute was raised", Set(("on", "2026-02-01")), false),
            ("a day in the future", Set(("on", "2026-03-10")), false),
            ("a day that is no date", Set(("on", "1/3 2026")), false),
            ($"no {text}", Set((text, " ")), false),
        ];
        yield return new("GiveNotice", w => w.Disputed, Fields(("party", "Organisation"), ("givenOn", "2026-03-01"), ("reason", "Föreningen läggs ned.")))
        {
            Texts = ["reason"],
            Own = [.. PartyAndDay("givenOn"), ("no reason", Set(("reason", " ")), false)],
        };
        yield return new("Rescind", w => w.Disputed, Fields(("party", "Municipality"), ("on", "2026-03-01"), ("reason", "Väsentligt avtalsbrott.")))
        {
            Texts = ["reason"],
            Own = [.. PartyAndDay("on"), ("no reason", Set(("reason", "")), false)],
        };
        yield return new("RaiseDispute", w => w.Disputed, Fields(("party", "Municipality"), ("on", "2026-03-01"), ("subject", "Målgruppen nås inte.")))
        {
            Texts = ["subject"],
            Own = [.. PartyAndDay("on"), ("no subject", Set(("subject", "\t")), false)],
        };
        yield return new("EscalateDispute", w => w.Disputed, Fields(("disputeId", "dispute-1"), ("on", "2026-03-01"), ("reason", "Ingen lösning i dialogen.")))
        {
            Texts = ["reason"],
            Own = DisputeStep("reason"),
        };
        yield return new("ResolveDispute", w => w.Disputed, Fields(("disputeId", "dispute-1"), ("on", "2026-03-01"), ("outcome", "Parterna delar på hyran.")))
        {
            Texts = ["outcome"],
            Own = DisputeStep("outcome"),
        };
        yield return new("Check", w => w.Drafting, Fields(("check", "procurement-rules"), ("outcome", "Fulfilled"), ("motivation", "Bedömt utifrån stadgarna.")))
        {
            Texts = ["motivation"],
            Own =
            [
                ("an outcome that does not exist", Set(("outcome", "Maybe")), false),
                ("an outcome that is a number out of range", Set(("outcome", "99")), false),
                ("a check id that is a path", Set(("check", "..%2F..%2Fprocurement-rules")), false),
                ("no check", Set(("check", "")), false),
            ],
        };
        yield return new("Revise", w => w.Decision, Fields(("reason", "Omarbeta.")))
        {
            Texts = ["reason"],
        };
        yield return new("AgreementTerms", w => w.Drafting, Fields(
            ("targetGroup", "Äldre"), ("municipalitySignatory", "Kommunstyrelsens ordförande"), ("organisationSignatory", "Ordförande"),
            ("termStart", "2026-07-01"), ("termEnd", "2029-06-30"), ("year", "2026"), ("party", "Municipality"), ("amount", "100000"), ("inKind", "")))
        {
            Texts = ["targetGroup", "inKind"],
            Names = ["municipalitySignatory", "organisationSignatory"],
            Own =
            [
                ("an amount past decimal", Set(("amount", "79228162514264337593543950336")), false),
                ("an amount in exponent form", Set(("amount", "1e400")), false),
                ("a negative amount", Set(("amount", "-5")), false),
                ("a year past int", Set(("year", "99999999999")), false),
                ("a party that does not exist", Set(("party", "999")), false),
                ("a term from year 1 to 9999", Set(("termStart", "0001-01-01"), ("termEnd", "9999-12-31")), false),
                ("a term ending before it starts", Set(("termStart", "2029-06-30"), ("termEnd", "2026-07-01")), false),
            ],
        };
        yield return new("EditSection", w => w.Drafting, SectionFields())
        {
            Texts = ["text"],
            Own = [("a section that does not exist", Set(("section", "..%2F..%2Fx")), false)],
        };
        yield return new("Sign", w => w.Decision, Fields(("party", "Municipality"), ("name", "Anna Andersson"), ("role", "Ordförande"), ("signedOn", "2026-03-02")))
        {
            Names = ["name", "role"],
            Own =
            [
                ("a party that does not exist", Set(("party", "999")), false),
                ("a signing date in year 9999", Set(("signedOn", "9999-12-31")), false),
            ],
        };
        yield return new("RetryDelivery", w => w.Vetting, Fields(("delivery", "outbox-none")))
        {
            VersionField = null,
            HasStage = false,
            Own = RowKeys("delivery", "outbox-"),
        };
        yield return new("DismissWorkflowFailure", w => w.Vetting, Fields(("failure", "failure-none")))
        {
            VersionField = null,
            HasStage = false,
            Own = RowKeys("failure", "failure-"),
        };
    }

    /// <summary>Row keys no table accepts, or that try to reach another row.</summary>
    private static (string, Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>>, bool)[] RowKeys(string field, string prefix) =>
    [
        ("a key traversing to the snapshot", Set((field, $"{prefix}/../snapshot")), false),
        ("a key with table-reserved characters", Set((field, $"{prefix}#?\\/")), false),
        ("a key with control characters", Set((field, $"{prefix}\u0000\u0007\u001F")), false),
        ("a 1 MiB key", Set((field, prefix + Hostile.Huge)), false),
        ("another row of the case", Set((field, "snapshot")), false),
        ("no key", Set((field, "")), false),
    ];

    /// <summary>The fields with the case's last meeting (both meetings of the drafting case are held).</summary>
    private static Func<CorpusWorld, CaseId, Task<Dictionary<string, string>>> MeetingFields(params (string Name, string Value)[] fields) => async (w, id) =>
    {
        var meetings = (await w.Store.LoadAsync(id, CancellationToken.None))!.State.File.Meetings;
        return fields.Append(("meetingId", meetings.Count == 0 ? "none" : meetings[^1].Id)).ToDictionary(f => f.Item1, f => f.Item2);
    };

    private static Func<CorpusWorld, CaseId, Task<Dictionary<string, string>>> SectionFields() => (w, _) =>
        Task.FromResult(new Dictionary<string, string> { ["section"] = w.Service.Policy.AgreementSections[0].Id, ["text"] = "Ny text." });

    private static IEnumerable<CorpusEntry> CaseListEntries()
    {
        foreach (var (method, handler) in new[] { "GET", "HEAD" }.SelectMany(m => new[] { "Csv", "Xlsx" }.Select(h => (new HttpMethod(m), h))))
        {
            var key = $"{method} /arenden [{handler}]";
            yield return new(key, "signed out", w => Send(w, Caller.Anonymous, method, $"/arenden?handler={handler}")) { Then = (_, r, _) => Status(r, 302, 401) };
            yield return new(key, "staff without the coordinator role", w => Send(w, Caller.OtherStaff, method, $"/arenden?handler={handler}")) { Then = (_, r, _) => Status(r, 302, 403) };
            foreach (var (name, query) in new[] { ("a formula as the search", "sok=%3DCMD%7C'%2FC%20calc'!A0"), ("a 1 MiB search", "sok=" + new string('s', 1 << 20)), ("a hostile view and sort", "vy=%3Cscript%3E&sortera=..%2F..&fallande=x"), ("a page that is no number", "sida=%00") })
            {
                yield return Entry(key, name, w => Send(w, Caller.Coordinator, method, $"/arenden?handler={handler}&{query}"));
            }
        }

        foreach (var handler in new[] { "Csv", "Xlsx" })
        {
            yield return new($"GET /arenden [{handler}]", "POST instead of GET", w => Raw(w, Caller.Coordinator, HttpMethod.Post, $"/arenden?handler={handler}", [], "application/x-www-form-urlencoded")) { MustRefuse = true };
        }

        foreach (var method in new[] { "GET", "HEAD" })
        {
            var m = new HttpMethod(method);
            var key = $"{method} /arenden";
            yield return new(key, "signed out", w => Send(w, Caller.Anonymous, m, "/arenden")) { Then = (_, r, _) => Status(r, 302, 401) };
            yield return new(key, "staff without the coordinator role", w => Send(w, Caller.OtherStaff, m, "/arenden")) { Then = (_, r, _) => Status(r, 302, 403, 404) };
            foreach (var (name, query) in new[] { ("a stage that does not exist", "steg=999"), ("a negative stage", "steg=-1"), ("a script stage", "steg=%3Cscript%3E"), ("a hostile view", "visa=%3Cscript%3Ealert('corpus')%3C%2Fscript%3E"), ("a 1 MiB query", "visa=" + new string('v', 1 << 20)),
                ("a 1 MiB search", "sok=" + new string('s', 1 << 20)), ("a search of only spaces", "sok=%20%20%20"), ("a hostile search", "sok=%3Cscript%3Ealert('corpus')%3C%2Fscript%3E"),
                ("a page past the end", "sida=2147483647"), ("a negative page", "sida=-5"), ("a page that is not a number", "sida=abc"), ("a page beyond int", "sida=99999999999999999999"),
                ("a hostile sort", "sortera=%3Cscript%3E&fallande=kanske"), ("a view that does not exist", "vy=%3Cscript%3E"),
                ("a formula in the exported search", "handler=Csv&sok=%3D1%2B1"), ("an export handler in the wrong case", "handler=XLSX&vy=alla") })
            {
                yield return Entry(key, name, w => Send(w, Caller.Coordinator, m, $"/arenden?{query}"));
            }
        }
    }

    private static IEnumerable<CorpusEntry> CasePageEntries()
    {
        foreach (var method in new[] { "GET", "HEAD" })
        {
            var m = new HttpMethod(method);
            var key = $"{method} {Page}";
            foreach (var (name, id) in Hostile.Ids)
            {
                yield return new(key, name, w => Send(w, Caller.Coordinator, m, $"/arenden/{id}")) { MustRefuse = true };
            }

            yield return new(key, "signed out", w => Send(w, Caller.Anonymous, m, $"/arenden/{w.Vetting}")) { Then = (_, r, _) => Status(r, 302, 401) };
            yield return new(key, "staff without the coordinator role", w => Send(w, Caller.OtherStaff, m, $"/arenden/{w.Vetting}")) { Then = (_, r, _) => Status(r, 302, 403, 404) };
            yield return Entry(key, "a handler that does not exist", w => Send(w, Caller.Coordinator, m, $"/arenden/{w.Vetting}?handler=Bogus"));
        }

        yield return new($"GET {Page}", "POST to a handler that does not exist", w => Raw(w, Caller.Coordinator, HttpMethod.Post, $"/arenden/{w.Vetting}?handler=Bogus", [], "application/x-www-form-urlencoded")) { MustRefuse = true };
        yield return new($"GET {Page}", "POST without a handler", w => Raw(w, Caller.Coordinator, HttpMethod.Post, $"/arenden/{w.Vetting}", [], "application/x-www-form-urlencoded")) { MustRefuse = true };
        yield return new($"GET {Page}", "PUT", w => Raw(w, Caller.Coordinator, HttpMethod.Put, $"/arenden/{w.Vetting}?handler=Discontinue", [], "application/x-www-form-urlencoded")) { MustRefuse = true };
        yield return new($"GET {Page}", "DELETE", w => Raw(w, Caller.Coordinator, HttpMethod.Delete, $"/arenden/{w.Vetting}", [], null)) { MustRefuse = true };

        foreach (var form in CaseForms())
        {
            foreach (var entry in CaseFormEntries(form))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<CorpusEntry> CaseFormEntries(CaseForm form)
    {
        var key = $"POST {Page} [{form.Handler}]";
        string Url(string id) => $"/arenden/{id}?handler={form.Handler}";

        async Task<Dictionary<string, string>> FieldsAsync(CorpusWorld w, CaseId id, int versionOffset)
        {
            var fields = await form.Fields(w, id);
            if (form.VersionField is { } version)
            {
                fields[version] = (await VersionAsync(w, id) + versionOffset).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return fields;
        }

        Func<CorpusWorld, Task<HttpResponseMessage>> Post(Func<CorpusWorld, CaseId> target, int versionOffset, Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>>? change = null, bool token = true, string? path = null) =>
            async w =>
            {
                var id = target(w);
                var fields = await FieldsAsync(w, id, versionOffset);
                return await Form(w, Caller.Coordinator, Url(path ?? id.ToString()), change is null ? fields : change(w, fields), token);
            };

        var stale = form.VersionField is null ? 0 : -1;
        yield return new(key, "no anti-forgery token", Post(form.Case, 0, token: false)) { MustRefuse = true };
        yield return new(key, "staff without the coordinator role", async w =>
        {
            var id = form.Case(w);
            return await Form(w, Caller.OtherStaff, Url(id.ToString()), await FieldsAsync(w, id, 0));
        })
        { Then = (_, r, _) => Status(r, 302, 403) };
        if (form.VersionField is { } versionField)
        {
            yield return new(key, "a stale version", Post(form.Case, -1)) { MustRefuse = true };
            foreach (var (name, value) in new[] { ("a version that is no number", "abc"), ("a version past int", "99999999999"), ("a negative version", "-1") })
            {
                yield return new(key, name, Post(form.Case, 0, Set((versionField, value)))) { MustRefuse = true };
            }
        }

        if (form.HasStage)
        {
            yield return new(key, "the wrong stage (a discontinued case)", Post(w => w.Discontinued, 0)) { MustRefuse = true };
        }

        foreach (var (name, id) in Hostile.Ids.Where(i => i.Name is "unknown id" or "path traversal" or "4,000-character id"))
        {
            yield return new(key, name, Post(form.Case, 0, path: id)) { MustRefuse = form.HasStage };
        }

        if (form.Texts.Length > 0)
        {
            Func<CorpusWorld, Dictionary<string, string>, Dictionary<string, string>> Every(string value) => Set([.. form.Texts.Select(t => (t, value))]);
            yield return new(key, "script, control characters and a right-to-left override in the texts, at a stale version", Post(form.Case, stale, Every(Hostile.Text))) { MustRefuse = form.VersionField is not null };
            yield return new(key, "1 MiB texts", Post(form.Case, 0, Every(Hostile.Huge))) { MustRefuse = true };
            yield return new(key, "a 5 MiB text", Post(form.Case, 0, Set((form.Texts[0], Hostile.Enormous)))) { MustRefuse = true };
            yield return new(key, "invalid UTF-8 in a text, at a stale version", async w =>
            {
                var id = form.Case(w);
                var fields = await FieldsAsync(w, id, stale);
                fields.Remove(form.Texts[0]);
                fields[AntiforgeryField] = w.AntiforgeryToken(Caller.Coordinator);
                return await Raw(w, Caller.Coordinator, HttpMethod.Post, Url(id.ToString()), Hostile.FormWithRawValue(fields, form.Texts[0], Hostile.InvalidUtf8), "application/x-www-form-urlencoded", token: false);
            })
            { MustRefuse = form.VersionField is not null };
        }

        if (form.Names.Length > 0)
        {
            yield return new(key, "control characters in a name", Post(form.Case, 0, Set([.. form.Names.Select(n => (n, Hostile.Control))]))) { MustRefuse = true };
            yield return new(key, "a right-to-left override in a name", Post(form.Case, 0, Set([.. form.Names.Select(n => (n, Hostile.Bidi))]))) { MustRefuse = true };
            yield return new(key, "1 MiB names", Post(form.Case, 0, Set([.. form.Names.Select(n => (n, Hostile.Huge))]))) { MustRefuse = true };
        }

        foreach (var (name, change, isStale) in form.Own)
        {
            yield return new(key, name, Post(form.Case, isStale ? stale : 0, change)) { MustRefuse = form.HasStage };
        }

        yield return new(key, "a JSON body", async w =>
        {
            var id = form.Case(w);
            var json = System.Text.Json.JsonSerializer.Serialize(await FieldsAsync(w, id, 0));
            return await Raw(w, Caller.Coordinator, HttpMethod.Post, Url(id.ToString()), Encoding.UTF8.GetBytes(json), "application/json");
        })
        { MustRefuse = form.HasStage };
        yield return new(key, "a multipart body without its closing boundary", w =>
            Raw(w, Caller.Coordinator, HttpMethod.Post, Url(form.Case(w).ToString()), Hostile.BrokenMultipart[1].Body([]), Hostile.BrokenMultipart[1].ContentType))
        { MustRefuse = form.HasStage };
    }
}
