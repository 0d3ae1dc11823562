using System.Text;
using System.Text.Json;
using Iop.Cases;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The coordinator's workflow commands and queries in the JSON API (meetings, vetting, officials, agreement, deliveries).</summary>
public static partial class BadInputCorpus
{
    /// <summary>
    /// One command of the API: the case it is meant for, the item its route names (a meeting, a document, a request…),
    /// a body it would be accepted with at the current version, its free-text and name fields, and inputs of its own.
    /// </summary>
    private sealed record ApiCommand(string Method, string Template, Func<CorpusWorld, CaseId> Case, Func<CorpusWorld, Dictionary<string, object?>> Body)
    {
        /// <summary>The real item for the route's one placeholder (none when the route has none).</summary>
        public Func<CorpusWorld, CaseId, Task<string>>? Item { get; init; }

        public string[] Texts { get; init; } = [];

        public string[] Names { get; init; } = [];

        public bool HasVersion { get; init; } = true;

        public bool HasStage { get; init; } = true;

        /// <summary>Inputs of this command only, sent at the current version: each must be refused.</summary>
        public (string Name, Action<Dictionary<string, object?>> Change)[] Own { get; init; } = [];

        public string Path(string item) => Item is null ? Template : Template[..Template.IndexOf('{', StringComparison.Ordinal)] + item + Template[(Template.IndexOf('}', StringComparison.Ordinal) + 1)..];
    }

    private static Action<Dictionary<string, object?>> With(params (string Name, object? Value)[] changes) => body =>
    {
        foreach (var (name, value) in changes)
        {
            body[name] = value;
        }
    };

    private static IEnumerable<ApiCommand> ApiCommands()
    {
        static Dictionary<string, object?> Empty(CorpusWorld _) => [];
        static Func<CorpusWorld, CaseId, Task<string>> Fixed(string item) => (_, _) => Task.FromResult(item);
        static async Task<string> LastMeeting(CorpusWorld w, CaseId id) =>
            (await w.Store.LoadAsync(id, CancellationToken.None))!.State.File.Meetings is { Count: > 0 } meetings ? meetings[^1].Id : "none";
        object Karin = new { name = "Karin Ek", email = "karin.ek@navet.example" };

        yield return new("POST", "/meetings", w => w.FirstMeeting, _ => new()
        {
            ["kind"] = "FirstMeeting",
            ["start"] = "2026-03-10T10:00:00+01:00",
            ["end"] = "2026-03-10T11:00:00+01:00",
            ["location"] = "Stadshuset",
            ["online"] = false,
            ["attendees"] = new[] { Karin },
        })
        {
            Texts = ["location"],
            Own =
            [
                ("a meeting kind that does not exist", With(("kind", 999))),
                ("a meeting kind by a name that does not exist", With(("kind", "Bogus"))),
                ("a meeting in year 9999", With(("start", "9999-12-31T10:00:00+01:00"), ("end", "9999-12-31T11:00:00+01:00"))),
                ("a meeting ending before it starts", With(("end", "2026-03-10T09:00:00+01:00"))),
                ("no start", With(("start", null))),
                ("a time that is no time", With(("start", "2026-03-10T25:61:00+01:00"))),
                ("an invitee whose address is a script", With(("attendees", new[] { new { name = "X", email = Hostile.Script } }))),
                ("a right-to-left override in an invitee's name", With(("attendees", new[] { new { name = Hostile.Bidi, email = "karin.ek@navet.example" } }))),
                ("control characters in an invitee's name", With(("attendees", new[] { new { name = Hostile.Control, email = "karin.ek@navet.example" } }))),
                ("an invitee that is null", With(("attendees", new object?[] { null }))),
                ("10,000 invitees", With(("attendees", Enumerable.Range(0, 10_000).Select(i => new { name = $"P {i}", email = $"p{i}@mora.example" }).ToList()))),
            ],
        };
        yield return new("POST", "/meetings/recorded", w => w.FirstMeeting, _ => new()
        {
            ["kind"] = "FirstMeeting",
            ["start"] = "2026-03-01T10:00:00+01:00",
            ["end"] = "2026-03-01T11:00:00+01:00",
            ["location"] = "Telefon",
            ["online"] = false,
            ["attendees"] = new[] { Karin },
            ["notes"] = "Per telefon.",
        })
        {
            Texts = ["location", "notes"],
            Own =
            [
                ("a meeting tomorrow", With(("start", "2026-03-03T10:00:00+01:00"), ("end", "2026-03-03T11:00:00+01:00"))),
                ("a meeting two years ago", With(("start", "2024-03-01T10:00:00+01:00"), ("end", "2024-03-01T11:00:00+01:00"))),
                ("a meeting kind that does not exist", With(("kind", 999))),
                ("no start", With(("start", null))),
                ("nobody took part", With(("attendees", Array.Empty<object>()))),
            ],
        };
        foreach (var (action, body, text) in new[] { ("reschedule", (Dictionary<string, object?>)new() { ["start"] = "2026-05-10T10:00:00+02:00", ["end"] = "2026-05-10T11:00:00+02:00", ["location"] = "Stadshuset", ["online"] = false }, "location"), ("cancel", new() { ["reason"] = "Sjukdom." }, "reason"), ("held", new() { ["notes"] = "Anteckningar." }, "notes") })
        {
            yield return new("POST", $"/meetings/{{meetingId}}/{action}", w => w.Drafting, _ => new(body)) { Item = LastMeeting, Texts = [text] };
        }

        yield return new("POST", "/vetting", w => w.FirstMeeting, Empty);
        yield return new("POST", "/vetting/link", w => w.Vetting, Empty);
        yield return new("POST", "/vetting/documents/{documentId}/review", w => w.Vetting, _ => new() { ["accept"] = false, ["comment"] = "Komplettera.", ["newDueDate"] = "2026-04-01" })
        {
            Item = Fixed(CorpusWorld.Document),
            Texts = ["comment"],
            Own =
            [
                ("no decision", With(("accept", null))),
                ("a decision that is no boolean", With(("accept", "yes"))),
                ("a date that is no date", With(("newDueDate", "2026-13-45"))),
                ("a due date in year 1", With(("newDueDate", "0001-01-01"))),
            ],
        };
        yield return new("POST", "/vetting/documents/{documentId}/due-date", w => w.Vetting, _ => new() { ["dueDate"] = "2026-04-01" })
        {
            Item = Fixed(CorpusWorld.Document),
            Own = [("no date", With(("dueDate", null))), ("a due date in year 1", With(("dueDate", "0001-01-01"))), ("a date with a time", With(("dueDate", "2026-04-01T10:00:00Z")))],
        };
        yield return new("POST", "/scope", w => w.Scoped, _ => new() { ["organisations"] = new[] { "socialnamnden" } })
        {
            Own =
            [
                ("an organisation that does not exist", With(("organisations", new[] { "..%2F..%2Fx" }))),
                ("a script for an organisation", With(("organisations", new[] { Hostile.Text }))),
                ("10,000 organisations", With(("organisations", Enumerable.Range(0, 10_000).Select(i => $"o{i}").ToList()))),
            ],
        };
        yield return new("POST", "/requests/procurement-opinion", w => w.Drafting, Empty);
        yield return new("POST", "/requests/{requestId}/reassign", w => w.Scoped, _ => new() { ["to"] = new { name = "Nina Ny", email = "nina.ny@mora.example" }, ["reason"] = "Semester." })
        {
            Item = Fixed("staffing-socialnamnden"),
            Texts = ["reason"],
            Own =
            [
                ("nobody to pass it to", With(("to", null))),
                ("an address that is a script", With(("to", new { name = "Nina Ny", email = Hostile.Script }))),
                ("control characters in the name", With(("to", new { name = Hostile.Control, email = "nina.ny@mora.example" }))),
                ("a 1 MiB address", With(("to", new { name = "Nina Ny", email = Hostile.Huge + "@mora.example" }))),
            ],
        };
        yield return new("POST", "/agreement/submit", w => w.Drafting, Empty);
        yield return new("POST", "/term/extend", w => w.Active, _ => new() { ["newEnd"] = "2031-06-30", ["decision"] = "KS 2029-05-12 § 44" })
        {
            Names = ["decision"],
            Own =
            [
                ("a new end before the current one", With(("newEnd", "2027-01-01"))),
                ("a new end that is no date", With(("newEnd", "30/6 2031"))),
                ("no new end", With(("newEnd", null))),
                ("no decision", With(("decision", null))),
            ],
        };
        yield return new("POST", "/term/renegotiate", w => w.Active, _ => new() { ["reason"] = "Verksamheten ska växa." })
        {
            Texts = ["reason"],
            Own = [("no reason", With(("reason", null)))],
        };
        yield return new("POST", "/term/let-end", w => w.Active, _ => new() { ["note"] = "Målen är nådda." }) { Texts = ["note"] };
        yield return new("POST", "/follow-ups", w => w.Active, _ => new()
        {
            ["heldOn"] = "2026-10-01",
            ["done"] = "Läxhjälp två kvällar i veckan.",
            ["municipalityAssessment"] = "Målen nås.",
            ["organisationAssessment"] = "Bra samarbete.",
            ["contributions"] = new[] { new { party = "Municipality", year = 2026, amountSek = 120000m, inKind = (string?)null } },
        })
        {
            Texts = ["done", "municipalityAssessment", "organisationAssessment"],
            Own =
            [
                ("a dialogue in the future", With(("heldOn", "2999-01-01"))),
                ("no date", With(("heldOn", null))),
                ("no assessment from the organisation", With(("organisationAssessment", null))),
                ("a negative amount", With(("contributions", new[] { new { party = "Municipality", year = 2026, amountSek = -5m } }))),
                ("a year outside the partnership", With(("contributions", new[] { new { party = "Municipality", year = 2035, amountSek = 5m } }))),
                ("a party that does not exist", With(("contributions", new[] { new { party = "999", year = 2026, amountSek = 5m } }))),
                ("a contribution row that is null", With(("contributions", new object?[] { null }))),
                ("10,000 contribution rows", With(("contributions", Enumerable.Range(0, 10_000).Select(i => new { party = "Municipality", year = 2026, amountSek = (decimal)i }).ToList()))),
                ("a meeting that does not exist", With(("meetingId", "../first-1"))),
            ],
        };
        yield return new("POST", "/yearly-reports", w => w.Active, w => new()
        {
            ["year"] = 2026,
            ["dueOn"] = Common.SwedishClock.LocalDate(w.App.Time.GetUtcNow()).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            Own =
            [
                ("a year before the partnership", With(("year", 1999))),
                ("a year past int", With(("year", 99999999999))),
                ("no year", With(("year", null))),
                ("a due date in the past", With(("dueOn", "2020-01-01"))),
                ("a due date that is no date", With(("dueOn", "snart"))),
            ],
        };
        static (string, Action<Dictionary<string, object?>>)[] PartyAndDay(string party, string day) =>
        [
            ("a party that does not exist", With((party, 999))),
            ("a party by a name that does not exist", With((party, "Bogus"))),
            ("no party", With((party, null))),
            ("no day", With((day, null))),
            ("a day that is no date", With((day, "2026-02-30"))),
            ("a day with a time", With((day, "2026-03-01T10:00:00Z"))),
            ("a day in the future", With((day, "2026-03-10"))),
            ("a day before the term", With((day, "2025-08-31"))),
            ("a day in year 1", With((day, "0001-01-01"))),
        ];
        static (string, Action<Dictionary<string, object?>>)[] DisputeStep(string text) =>
        [
            ("no day", With(("on", null))),
            ("a day before the dispute was raised", With(("on", "2026-02-01"))),
            ("a day in the future", With(("on", "2026-03-10"))),
            ($"no {text}", With((text, null))),
        ];
        yield return new("POST", "/notice", w => w.Disputed, _ => new() { ["party"] = "Organisation", ["givenOn"] = "2026-03-01", ["reason"] = "Föreningen läggs ned." })
        {
            Texts = ["reason"],
            Own = [.. PartyAndDay("party", "givenOn"), ("no reason", With(("reason", " ")))],
        };
        yield return new("POST", "/rescission", w => w.Disputed, _ => new() { ["party"] = "Municipality", ["on"] = "2026-03-01", ["reason"] = "Väsentligt avtalsbrott." })
        {
            Texts = ["reason"],
            Own = [.. PartyAndDay("party", "on"), ("no reason", With(("reason", null)))],
        };
        yield return new("POST", "/disputes", w => w.Disputed, _ => new() { ["raisedBy"] = "Municipality", ["on"] = "2026-03-01", ["subject"] = "Målgruppen nås inte." })
        {
            Texts = ["subject"],
            Own = [.. PartyAndDay("raisedBy", "on"), ("no subject", With(("subject", "")))],
        };
        yield return new("POST", "/disputes/{disputeId}/escalate", w => w.Disputed, _ => new() { ["on"] = "2026-03-01", ["reason"] = "Ingen lösning i dialogen." })
        {
            Item = Fixed("dispute-1"),
            Texts = ["reason"],
            Own = DisputeStep("reason"),
        };
        yield return new("POST", "/disputes/{disputeId}/resolve", w => w.Disputed, _ => new() { ["on"] = "2026-03-01", ["outcome"] = "Parterna delar på hyran." })
        {
            Item = Fixed("dispute-1"),
            Texts = ["outcome"],
            Own = DisputeStep("outcome"),
        };
        yield return new("POST", "/checks/{checkId}", w => w.Drafting, _ => new() { ["outcome"] = "Fulfilled", ["motivation"] = "Bedömt utifrån stadgarna." })
        {
            Item = Fixed("procurement-rules"),
            Texts = ["motivation"],
            Own =
            [
                ("an outcome that does not exist", With(("outcome", "Maybe"))),
                ("an outcome that is a number out of range", With(("outcome", 99))),
                ("no outcome", With(("outcome", null))),
                ("no motivation", With(("motivation", null))),
            ],
        };
        yield return new("POST", "/agreement/revise", w => w.Decision, _ => new() { ["reason"] = "Omarbeta." }) { Texts = ["reason"] };
        yield return new("PUT", "/agreement/terms", w => w.Drafting, _ => new()
        {
            ["targetGroup"] = "Äldre",
            ["municipalitySignatory"] = "Kommunstyrelsens ordförande",
            ["organisationSignatory"] = "Ordförande",
            ["termStart"] = "2026-07-01",
            ["termEnd"] = "2029-06-30",
            ["coFinancing"] = new[] { new { party = "Municipality", year = 2026, amountSek = 100000m, inKind = (string?)null } },
        })
        {
            Texts = ["targetGroup"],
            Names = ["municipalitySignatory", "organisationSignatory"],
            Own =
            [
                ("an amount past decimal", With(("coFinancing", new[] { new { party = "Municipality", year = 2026, amountSek = 1e300 } }))),
                ("a negative amount", With(("coFinancing", new[] { new { party = "Municipality", year = 2026, amountSek = -5m } }))),
                ("a party that does not exist", With(("coFinancing", new[] { new { party = "999", year = 2026, amountSek = 5m } }))),
                ("a year past int", With(("coFinancing", new[] { new { party = "Municipality", year = 99999999999, amountSek = 5m } }))),
                ("a financing row that is null", With(("coFinancing", new object?[] { null }))),
                ("10,000 financing rows", With(("coFinancing", Enumerable.Range(0, 10_000).Select(i => new { party = "Municipality", year = 2026, amountSek = (decimal)i }).ToList()))),
                ("a term from year 1 to 9999", With(("termStart", "0001-01-01"), ("termEnd", "9999-12-31"))),
                ("a term ending before it starts", With(("termStart", "2029-06-30"), ("termEnd", "2026-07-01"))),
                ("no term", With(("termStart", null))),
            ],
        };
        yield return new("PUT", "/agreement/sections/{sectionId}", w => w.Drafting, _ => new() { ["text"] = "Ny text." })
        {
            Item = (w, _) => Task.FromResult(w.Service.Policy.AgreementSections[0].Id),
            Texts = ["text"],
        };
        yield return new("POST", "/agreement/signatures", w => w.Decision, _ => new() { ["party"] = "Municipality", ["signerName"] = "Anna Andersson", ["signerRole"] = "Ordförande", ["signedOn"] = "2026-03-02" })
        {
            Names = ["signerName", "signerRole"],
            Own = [("a party that does not exist", With(("party", 999))), ("a signing date in year 9999", With(("signedOn", "9999-12-31"))), ("no signing date", With(("signedOn", null)))],
        };
        yield return new("POST", "/deliveries/{deliveryId}/retry", w => w.Vetting, Empty) { Item = Fixed("outbox-none"), HasVersion = false, HasStage = false };
        yield return new("POST", "/workflow-failures/{failureId}/dismiss", w => w.Vetting, Empty) { Item = Fixed("failure-none"), HasVersion = false, HasStage = false };
    }

    private static IEnumerable<CorpusEntry> ApiCommandEntries()
    {
        foreach (var command in ApiCommands())
        {
            var key = $"{command.Method} /api/cases/{{id}}{command.Template}";
            var method = new HttpMethod(command.Method);

            Func<CorpusWorld, Task<HttpResponseMessage>> Send(
                Func<CorpusWorld, CaseId>? of = null, int offset = 0, Action<Dictionary<string, object?>>? change = null, Caller caller = Caller.Coordinator,
                string? caseInPath = null, string? item = null, params (string Name, string Value)[] headers) => async w =>
            {
                var id = (of ?? command.Case)(w);
                var body = command.Body(w);
                if (command.HasVersion)
                {
                    body["expectedVersion"] = await VersionAsync(w, id) + offset;
                }

                change?.Invoke(body);
                var path = command.Path(item ?? (command.Item is { } real ? await real(w, id) : ""));
                return await BadInputCorpus.Send(
                    w, caller, method, $"/api/cases/{caseInPath ?? id.ToString()}{path}", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"), headers: headers);
            };

            foreach (var (name, contentType, raw) in BrokenJson)
            {
                yield return new(key, name, async w =>
                {
                    var id = command.Case(w);
                    var path = command.Path(command.Item is { } real ? await real(w, id) : "");
                    return await Raw(w, Caller.Coordinator, method, $"/api/cases/{id}{path}", raw(), contentType, token: false);
                })
                { MustRefuse = true };
            }

            foreach (var (name, id) in Hostile.Ids.Where(i => i.Name is "unknown id" or "path traversal" or "4,000-character id"))
            {
                yield return new(key, $"a case id: {name}", Send(caseInPath: id)) { MustRefuse = true };
            }

            if (command.Item is not null)
            {
                foreach (var (name, id) in Hostile.Ids)
                {
                    yield return new(key, $"an item id: {name}", Send(item: id)) { MustRefuse = true };
                }
            }

            if (command.HasVersion)
            {
                yield return new(key, "a stale expected version", Send(offset: -1)) { Then = (_, r, _) => Status(r, 409) };
                yield return new(key, "an expected version of int.MaxValue", Send(change: With(("expectedVersion", int.MaxValue)))) { Then = (_, r, _) => Status(r, 409) };
                yield return new(key, "an expected version past int", Send(change: With(("expectedVersion", 1e20)))) { MustRefuse = true };
                yield return new(key, "an expected version that is no number", Send(change: With(("expectedVersion", "abc")))) { MustRefuse = true };
            }

            if (command.HasStage)
            {
                yield return new(key, "the wrong stage (a discontinued case)", Send(of: w => w.Discontinued)) { MustRefuse = true };
            }

            yield return new(key, "signed out", Send(caller: Caller.Anonymous)) { Then = (_, r, _) => Status(r, 401) };
            yield return new(key, "signed out, with a forged bearer token", Send(caller: Caller.Anonymous, headers: ("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJJb3AuQ29vcmRpbmF0b3IiXX0."))) { Then = (_, r, _) => Status(r, 401) };
            yield return new(key, "staff without the coordinator role", Send(caller: Caller.OtherStaff)) { Then = (_, r, _) => Status(r, 403) };
            yield return new(key, "DELETE", w => BadInputCorpus.Send(w, Caller.Coordinator, HttpMethod.Delete, $"/api/cases/{command.Case(w)}{command.Path("x")}")) { Then = (_, r, _) => Status(r, 405) };

            var stale = command.HasVersion ? -1 : 0;
            foreach (var text in command.Texts)
            {
                yield return new(key, $"script, control characters and a right-to-left override in {text}, at a stale version", Send(offset: stale, change: With((text, Hostile.Text)))) { MustRefuse = command.HasVersion };
                yield return new(key, $"a 1 MiB {text}", Send(change: With((text, Hostile.Huge)))) { MustRefuse = true };
                yield return new(key, $"a number for {text}", Send(change: With((text, 5)))) { MustRefuse = true };
            }

            foreach (var name in command.Names)
            {
                yield return new(key, $"control characters in {name}", Send(change: With((name, Hostile.Control)))) { MustRefuse = true };
                yield return new(key, $"a right-to-left override in {name}", Send(change: With((name, Hostile.Bidi)))) { MustRefuse = true };
                yield return new(key, $"a 1 MiB {name}", Send(change: With((name, Hostile.Huge)))) { MustRefuse = true };
            }

            foreach (var (name, change) in command.Own)
            {
                yield return new(key, name, Send(change: change)) { MustRefuse = true };
            }
        }

        foreach (var (template, path) in new[]
        {
            ("/api/cases/{id}/work", "/work"), ("/api/cases/{id}/agreement/document", "/agreement/document"),
            ("/api/cases/{id}/files/{documentId}/{fileId}", $"/files/{CorpusWorld.Document}/none"),
        })
        {
            var key = $"GET {template}";
            foreach (var (name, id) in Hostile.Ids)
            {
                yield return new(key, name, w => Get(w, Caller.Coordinator, $"/api/cases/{id}{path}")) { MustRefuse = true };
            }

            yield return new(key, "signed out", w => Get(w, Caller.Anonymous, $"/api/cases/{w.Vetting}{path}")) { Then = (_, r, _) => Status(r, 401) };
            yield return new(key, "staff without the coordinator role", w => Get(w, Caller.OtherStaff, $"/api/cases/{w.Vetting}{path}")) { Then = (_, r, _) => Status(r, 403) };
            yield return new(key, "POST", w => Json(w, Caller.Coordinator, $"/api/cases/{w.Vetting}{path}", "{}")) { Then = (_, r, _) => Status(r, 405) };
        }

        foreach (var (name, documentId, fileId) in new[] { ("a file that does not exist", CorpusWorld.Document, "..%2F..%2Fsnapshot"), ("a document that does not exist", "..%2F..%2Fx", "f"), ("a request's file that does not exist", "staffing-socialnamnden", "none") })
        {
            yield return new("GET /api/cases/{id}/files/{documentId}/{fileId}", name, w => Get(w, Caller.Coordinator, $"/api/cases/{w.Vetting}/files/{documentId}/{fileId}")) { MustRefuse = true };
        }

        const string Organisations = "GET /api/organisations";
        yield return new(Organisations, "signed out", w => Get(w, Caller.Anonymous, "/api/organisations")) { Then = (_, r, _) => Status(r, 401) };
        yield return new(Organisations, "staff without the coordinator role", w => Get(w, Caller.OtherStaff, "/api/organisations")) { Then = (_, r, _) => Status(r, 403) };
        yield return Entry(Organisations, "a hostile query", w => Get(w, Caller.Coordinator, "/api/organisations?%3Cscript%3E=1&id=..%2F..%2Fx"));
    }
}
