using System.Text;
using System.Text.Json;
using Iop.Cases;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The JSON API: initiatives for everyone, cases for the coordinator. Every failure is problem details.</summary>
public static partial class BadInputCorpus
{
    /// <summary>Bodies no endpoint of the API can take.</summary>
    private static readonly (string Name, string? ContentType, Func<byte[]> Body)[] BrokenJson =
    [
        ("malformed JSON", "application/json", () => "{\"assessments\": ["u8.ToArray()),
        ("JSON sent as text/plain", "text/plain", () => "{}"u8.ToArray()),
        ("no body", "application/json", () => []),
        ("no content type", null, () => "{}"u8.ToArray()),
        ("a JSON array", "application/json", () => "[]"u8.ToArray()),
        ("JSON null", "application/json", () => "null"u8.ToArray()),
        ("JSON nested 10,000 deep", "application/json", () => Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000))),
        ("a 5 MiB JSON string", "application/json", () => Encoding.ASCII.GetBytes($"{{\"reason\":\"{Hostile.Enormous}\"}}")),
        ("invalid UTF-8 in a JSON string", "application/json", () => [.. "{\"reason\":\""u8, .. Hostile.InvalidUtf8, .. "\"}"u8]),
        ("a form body", "application/x-www-form-urlencoded", () => "reason=x"u8.ToArray()),
    ];

    private static IEnumerable<CorpusEntry> ApiEntries()
    {
        foreach (var entry in InitiativeApiEntries())
        {
            yield return entry;
        }

        const string List = "GET /api/cases/";
        foreach (var (name, query) in new[] { ("a stage that does not exist", "stage=999"), ("a negative stage", "stage=-1"), ("a script stage", "stage=%3Cscript%3E"), ("a 1 MiB stage", "stage=" + new string('s', 1 << 20)) })
        {
            yield return new(List, name, w => Get(w, Caller.Coordinator, $"/api/cases/?{query}")) { MustRefuse = true };
        }

        yield return Entry(List, "two stages", w => Get(w, Caller.Coordinator, "/api/cases/?stage=Received&stage=Discontinued"));

        yield return new(List, "signed out", w => Get(w, Caller.Anonymous, "/api/cases/")) { Then = (_, r, _) => Status(r, 401) };
        yield return new(List, "staff without the coordinator role", w => Get(w, Caller.OtherStaff, "/api/cases/")) { Then = (_, r, _) => Status(r, 403) };
        yield return new(List, "DELETE", w => Send(w, Caller.Coordinator, HttpMethod.Delete, "/api/cases/")) { Then = (_, r, _) => Status(r, 405) };

        foreach (var (path, suffix) in new[] { ("GET /api/cases/{id}", ""), ("GET /api/cases/{id}/events", "/events") })
        {
            foreach (var (name, id) in Hostile.Ids)
            {
                yield return new(path, name, w => Get(w, Caller.Coordinator, $"/api/cases/{id}{suffix}")) { MustRefuse = true };
            }

            yield return new(path, "signed out", w => Get(w, Caller.Anonymous, $"/api/cases/{w.Vetting}{suffix}")) { Then = (_, r, _) => Status(r, 401) };
            yield return new(path, "staff without the coordinator role", w => Get(w, Caller.OtherStaff, $"/api/cases/{w.Vetting}{suffix}")) { Then = (_, r, _) => Status(r, 403) };
            yield return new(path, "PUT", w => Send(w, Caller.Coordinator, HttpMethod.Put, $"/api/cases/{w.Vetting}{suffix}", new StringContent("{}", Encoding.UTF8, "application/json"))) { Then = (_, r, _) => Status(r, 405) };
        }

        foreach (var entry in CommandApiEntries().Concat(ApiCommandEntries()))
        {
            yield return entry;
        }
    }

    private static IEnumerable<CorpusEntry> InitiativeApiEntries()
    {
        const string Submit = "POST /api/initiatives/";
        static string Valid(Action<Dictionary<string, object?>>? change = null)
        {
            var request = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Initiatives.ValidApiRequest(Guid.NewGuid())))!;
            change?.Invoke(request);
            return JsonSerializer.Serialize(request);
        }

        foreach (var (name, contentType, body) in BrokenJson)
        {
            yield return new(Submit, name, w => Raw(w, Caller.Anonymous, HttpMethod.Post, "/api/initiatives", body(), contentType, token: false)) { MustRefuse = true };
        }

        yield return new(Submit, "the submission id of an existing case with other content", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r =>
        {
            r["submissionId"] = w.Received.ToString();
            r["organisationName"] = "Kapningsföreningen";
        })))
        { MustRefuse = true };
        yield return new(Submit, "a submission id that is no GUID", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r => r["submissionId"] = "../../x"))) { MustRefuse = true };
        yield return new(Submit, "a number for a name", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r => r["organisationName"] = 5))) { MustRefuse = true };
        yield return new(Submit, "control characters in the organisation's name", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r => r["organisationName"] = Hostile.Control))) { MustRefuse = true };
        yield return new(Submit, "a right-to-left override in the contact's name", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r => r["contactName"] = Hostile.Bidi))) { MustRefuse = true };
        yield return new(Submit, "a 1 MiB idea", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r => r["idea"] = Hostile.Huge))) { MustRefuse = true };
        yield return new(Submit, "10,000 self-assessment keys", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r => r["selfAssessment"] = Enumerable.Range(0, 10_000).ToDictionary(i => $"c{i}", _ => "Met")))) { MustRefuse = true };
        yield return new(Submit, "a self-assessment that is no assessment", w => Json(w, Caller.Anonymous, "/api/initiatives", Valid(r => r["selfAssessment"] = new Dictionary<string, object> { ["own-initiative"] = 999 }))) { MustRefuse = true };
        yield return new(Submit, "PUT instead of POST", w => Send(w, Caller.Anonymous, HttpMethod.Put, "/api/initiatives", new StringContent(Valid(), Encoding.UTF8, "application/json"))) { Then = (_, r, _) => Status(r, 405) };

        const string Policy = "GET /api/initiatives/policy";
        yield return Entry(Policy, "a hostile query and Accept header", w => Send(w, Caller.Anonymous, HttpMethod.Get, "/api/initiatives/policy?%3Cscript%3E=1", headers: ("Accept", "text/html;q=\u0000, */*;q=abc")));
        yield return new(Policy, "POST instead of GET", w => Json(w, Caller.Anonymous, "/api/initiatives/policy", "{}")) { Then = (_, r, _) => Status(r, 405) };
    }

    /// <summary>The coordinator's command endpoints: what each would be accepted with, and what must refuse it.</summary>
    private static IEnumerable<CorpusEntry> CommandApiEntries()
    {
        static object Met(CorpusWorld w, string? note = null) => w.Service.Policy.Checklist.Select(c => new { criterionId = c.Id, assessment = "Met", note }).ToList();
        var commands = new (string Command, Func<CorpusWorld, CaseId> Case, Func<CorpusWorld, int?, Dictionary<string, object?>> Body, (string Name, Action<CorpusWorld, Dictionary<string, object?>> Change)[] Own)[]
        {
            ("assessments", w => w.Received, (w, v) => new() { ["expectedVersion"] = v, ["assessments"] = new[] { new { criterionId = "own-initiative", assessment = "Met", note = "Egen idé." } } },
            [
                ("no assessments", (_, b) => b["assessments"] = null),
                ("a criterion that does not exist", (_, b) => b["assessments"] = new[] { new { criterionId = "../../x", assessment = "Met" } }),
                ("an assessment that is no assessment", (_, b) => b["assessments"] = new object[] { new { criterionId = "own-initiative", assessment = 999 } }),
                ("a 1 MiB note", (_, b) => b["assessments"] = new[] { new { criterionId = "own-initiative", assessment = "Met", note = Hostile.Huge } }),
                ("10,000 assessments", (_, b) => b["assessments"] = Enumerable.Range(0, 10_000).Select(i => new { criterionId = $"c{i}", assessment = "Met" }).ToList()),
            ]),
            ("screening", w => w.Received, (w, v) => new() { ["expectedVersion"] = v, ["assessments"] = Met(w), ["outcome"] = "Discontinue", ["reason"] = null },
            [
                ("an outcome that does not exist", (_, b) => b["outcome"] = 999),
                ("no outcome", (_, b) => b["outcome"] = null),
                ("a 1 MiB reason", (_, b) => b["reason"] = Hostile.Huge),
                ("1 MiB notes", (w, b) => b["assessments"] = Met(w, Hostile.Huge)),
                ("an alternative that does not exist", (_, b) => (b["reason"], b["alternative"]) = ("Ingen samverkan.", 999)),
            ]),
            ("discontinue", w => w.FirstMeeting, (_, v) => new() { ["expectedVersion"] = v, ["reason"] = "", ["alternative"] = "None" },
            [
                ("an alternative that does not exist", (_, b) => (b["reason"], b["alternative"]) = ("Ingen samverkan.", 999)),
                ("a 1 MiB reason", (_, b) => b["reason"] = Hostile.Huge),
                ("a reason of whitespace and control characters", (_, b) => b["reason"] = " \u0000\u0007\t\r\n "),
            ]),
        };

        foreach (var (command, target, body, own) in commands)
        {
            var key = $"POST /api/cases/{{id}}/{command}";
            Func<CorpusWorld, Task<HttpResponseMessage>> Post(Func<CorpusWorld, CaseId> of, int offset, Action<CorpusWorld, Dictionary<string, object?>>? change = null, Caller caller = Caller.Coordinator, string? path = null) => async w =>
            {
                var id = of(w);
                var request = body(w, await VersionAsync(w, id) + offset);
                change?.Invoke(w, request);
                return await Json(w, caller, $"/api/cases/{path ?? id.ToString()}/{command}", JsonSerializer.Serialize(request));
            };

            foreach (var (name, contentType, raw) in BrokenJson)
            {
                yield return new(key, name, w => Raw(w, Caller.Coordinator, HttpMethod.Post, $"/api/cases/{target(w)}/{command}", raw(), contentType, token: false)) { MustRefuse = true };
            }

            foreach (var (name, id) in Hostile.Ids)
            {
                yield return new(key, name, Post(target, 0, path: id)) { MustRefuse = true };
            }

            yield return new(key, "a stale expected version", Post(target, -1)) { Then = (_, r, _) => Status(r, 409) };
            yield return new(key, "an expected version of int.MaxValue", Post(target, 0, (_, b) => b["expectedVersion"] = int.MaxValue)) { Then = (_, r, _) => Status(r, 409) };
            yield return new(key, "an expected version past int", Post(target, 0, (_, b) => b["expectedVersion"] = 1e20)) { MustRefuse = true };
            yield return new(key, "an expected version that is no number", Post(target, 0, (_, b) => b["expectedVersion"] = "abc")) { MustRefuse = true };
            yield return new(key, "the wrong stage (a discontinued case)", Post(w => w.Discontinued, 0)) { Then = (_, r, _) => Status(r, 409) };
            yield return new(key, "signed out", Post(target, 0, caller: Caller.Anonymous)) { Then = (_, r, _) => Status(r, 401) };
            yield return new(key, "staff without the coordinator role", Post(target, 0, caller: Caller.OtherStaff)) { Then = (_, r, _) => Status(r, 403) };
            yield return new(key, "GET instead of POST", w => Get(w, Caller.Coordinator, $"/api/cases/{target(w)}/{command}")) { Then = (_, r, _) => Status(r, 405) };
            foreach (var (name, change) in own)
            {
                yield return new(key, name, Post(target, 0, change)) { MustRefuse = true };
            }
        }

        yield return new("POST /api/cases/{id}/assessments", "50 at once without an expected version", ConcurrentAssessmentsAsync)
        {
            Known = KnownIssues.Contention,
            MayChange = nameof(CorpusWorld.Crowded),
            Costly = true,
            Then = (_, r, _) =>
            {
                if (r.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    Assert.True(r.Headers.RetryAfter is not null, "A 503 for contention says when to retry (Retry-After).");
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Fifty assessments of one case at once; the answer that matters is the worst of them.</summary>
    private static async Task<HttpResponseMessage> ConcurrentAssessmentsAsync(CorpusWorld w)
    {
        var criteria = w.Service.Policy.Checklist;
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var body = JsonSerializer.Serialize(new { assessments = new[] { new { criterionId = criteria[i % criteria.Count].Id, assessment = "Met", note = $"Bedömning {i}." } } });
            return Json(w, Caller.Coordinator, $"/api/cases/{w.Crowded}/assessments", body);
        }));
        var worst = responses.MaxBy(r => (int)r.StatusCode)!;
        foreach (var response in responses.Where(r => r != worst))
        {
            response.Dispose();
        }

        return worst;
    }
}
