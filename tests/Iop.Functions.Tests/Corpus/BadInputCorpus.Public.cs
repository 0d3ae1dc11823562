using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The public pages: start, error pages, sign-in and sign-out, language, the initiative form and its receipt, the local outbox.</summary>
public static partial class BadInputCorpus
{
    private static IEnumerable<CorpusEntry> PublicEntries()
    {
        foreach (var method in new[] { "GET", "HEAD" })
        {
            var m = new HttpMethod(method);
            yield return Entry($"{method} /", "a hostile query string", w => Send(w, Caller.Anonymous, m, "/?returnUrl=%2F%2Fevil.example&culture=%3Cscript%3E&ui-culture=xx-INVALID"));
            yield return Entry($"{method} /fel/{{code:int}}", "code 0", w => Send(w, Caller.Anonymous, m, "/fel/0"));
            yield return Entry($"{method} /fel/{{code:int}}", "code -1", w => Send(w, Caller.Anonymous, m, "/fel/-1"));
            yield return Entry($"{method} /fel/{{code:int}}", "code 2147483647", w => Send(w, Caller.Anonymous, m, "/fel/2147483647"));
            yield return Entry($"{method} /fel/{{code:int}}", "a code past int", w => Send(w, Caller.Anonymous, m, "/fel/99999999999999999999"));
            yield return Entry($"{method} /logga-in", "an absolute ReturnUrl", w => Send(w, Caller.Anonymous, m, "/logga-in?ReturnUrl=https%3A%2F%2Fevil.example%2F"));
            yield return Entry($"{method} /logga-in", "a script ReturnUrl", w => Send(w, Caller.Anonymous, m, "/logga-in?ReturnUrl=%22%3E%3Cscript%3Ealert('corpus')%3C%2Fscript%3E"));
            yield return Entry($"{method} /initiativ/nytt", "a hostile query string", w => Send(w, Caller.Anonymous, m, "/initiativ/nytt?Input.OrganisationName=%3Cscript%3Ealert('corpus')%3C%2Fscript%3E&handler=Bogus"));
            yield return Entry($"{method} /dev/outbox", "a hostile query string", w => Send(w, Caller.Anonymous, m, "/dev/outbox?key=..%2F..%2F&take=-1"));
            foreach (var handler in new[] { "Ics", "Eml" })
            {
                yield return Entry($"{method} /dev/outbox [{handler}]", "no key", w => Send(w, Caller.Anonymous, m, $"/dev/outbox?handler={handler}"));
                foreach (var (name, key) in new[] { ("a traversing key", "..%2F..%2Fsnapshot"), ("a key with table-reserved characters", "%23%3F%5C%2F"), ("a control character key", "%00%07"), ("a 1 MiB key", new string('k', 1 << 20)) })
                {
                    yield return Entry($"{method} /dev/outbox [{handler}]", name, w => Send(w, Caller.Anonymous, m, $"/dev/outbox?handler={handler}&key={key}"));
                }
            }

            foreach (var (name, id) in Hostile.Ids)
            {
                yield return Entry($"{method} /initiativ/kvitto/{{id}}", name, w => Send(w, Caller.Anonymous, m, $"/initiativ/kvitto/{id}"));
            }

            // The public register of partnerships and its open data: no sign-in, nothing to bind but the query.
            yield return Entry($"{method} /partnerskap", "a hostile query string", w => Send(w, Caller.Anonymous, m, "/partnerskap?handler=Bogus&culture=%3Cscript%3E"));
            if (method == "GET")
            {
                // Minimal API GETs answer no HEAD (405), as the rest of /api.
                yield return Entry("GET /api/partnerships/", "a hostile query string", w => Send(w, Caller.Anonymous, m, "/api/partnerships?stage=%00&format=..%2F"));
                yield return Entry("GET /api/partnerships/csv", "a hostile query string", w => Send(w, Caller.Anonymous, m, "/api/partnerships/csv?x=%3Cscript%3E"));
            }
        }

        yield return Entry("POST /fel/{code:int}", "a direct post with a body", w => Raw(w, Caller.Anonymous, HttpMethod.Post, "/fel/500", Hostile.InvalidUtf8, "application/x-www-form-urlencoded", token: false));
        yield return Entry("POST /fel/{code:int}", "a code past int", w => Raw(w, Caller.Anonymous, HttpMethod.Post, "/fel/99999999999", [], null, token: false));

        yield return new("POST /logga-in", "no anti-forgery token", w => FreshFormAsync(w, "/logga-in", [F("Name", "Mallory"), F("Email", "mallory@evil.example")], token: false)) { MustRefuse = true };
        yield return Entry("POST /logga-in", "an absolute ReturnUrl", w => FreshFormAsync(w, "/logga-in?ReturnUrl=%2F%2Fevil.example", [F("Name", "Saga"), F("Email", "saga@mora.example")]))
            with
        { Then = (_, r, _) => NotAwayAsync(r) };
        yield return new("POST /logga-in", "control characters and a right-to-left override in the name", w => FreshFormAsync(w, "/logga-in", [F("Name", Hostile.Control + Hostile.Bidi), F("Email", "saga@mora.example")]));
        yield return new("POST /logga-in", "a 5 MiB name", w => FreshFormAsync(w, "/logga-in", [F("Name", Hostile.Enormous), F("Email", "saga@mora.example")])) { MustRefuse = true };
        yield return new("POST /logga-in", "invalid UTF-8", w => FreshAsync(w, HttpMethod.Post, "/logga-in", Hostile.FormWithRawValue([F("Email", "saga@mora.example")], "Name", Hostile.InvalidUtf8), "application/x-www-form-urlencoded"));
        yield return Entry("POST /logga-in", "a JSON body", w => FreshAsync(w, HttpMethod.Post, "/logga-in", "{\"Name\":\"Saga\"}"u8.ToArray(), "application/json"));

        var leaving = new StrongBox<HttpClient?>();
        yield return new("POST /logga-ut", "no anti-forgery token", async w =>
        {
            leaving.Value = await w.SignedInClientAsync("Lars Lämnar", "lars@mora.example");
            return await SendWith(leaving.Value, HttpMethod.Post, "/logga-ut", new FormUrlEncodedContent([]), null);
        })
        {
            Known = KnownIssues.SignOutWithoutAntiforgery,
            MustRefuse = true,
            Then = async (_, _, _) =>
            {
                using var after = await SendWith(leaving.Value!, HttpMethod.Get, "/arenden", null, null);
                Assert.True(after.StatusCode == HttpStatusCode.OK, $"It signed the user out (/arenden then answered {(int)after.StatusCode}).");
            },
        };
        yield return new("POST /logga-ut", "GET instead of POST", async w =>
        {
            using var client = await w.SignedInClientAsync("Lars Lämnar", "lars@mora.example");
            return await SendWith(client, HttpMethod.Get, "/logga-ut", null, null);
        })
        { MustRefuse = true };

        yield return new("POST /sprak", "no anti-forgery token", w => FreshFormAsync(w, "/sprak", [F("language", "en"), F("returnUrl", "/")], token: false)) { MustRefuse = true };
        foreach (var (name, returnUrl) in new[] { ("a protocol-relative returnUrl", "//evil.example"), ("a backslash returnUrl", "/\\evil.example"), ("a returnUrl with a tab", "/\t/evil.example"), ("a javascript returnUrl", "javascript:alert(1)"), ("a 1 MiB returnUrl", "/" + Hostile.Huge) })
        {
            yield return Entry("POST /sprak", name, w => LanguageAsync(w, [F("language", "en"), F("returnUrl", returnUrl)]))
                with
            { Then = (_, r, _) => NotAwayAsync(r) };
        }

        yield return Entry("POST /sprak", "a hostile language", w => LanguageAsync(w, [F("language", Hostile.Text), F("returnUrl", "/")]));
        yield return Entry("POST /sprak", "no fields", w => LanguageAsync(w, []));

        yield return new("POST /dev/outbox [Digest]", "no anti-forgery token", w => Form(w, Caller.Anonymous, "/dev/outbox?handler=Digest", [], token: false)) { MustRefuse = true };
        yield return new("POST /dev/outbox [Digest]", "a JSON body", w => Raw(w, Caller.Anonymous, HttpMethod.Post, "/dev/outbox?handler=Digest", "{}"u8.ToArray(), "application/json", token: false)) { MustRefuse = true };

        foreach (var entry in InitiativeFormEntries())
        {
            yield return entry;
        }

        yield return Entry("GET /openapi/{documentName}.json", "an unknown document", w => Get(w, Caller.Anonymous, "/openapi/v2.json"));
        yield return Entry("GET /openapi/{documentName}.json", "a traversing document name", w => Get(w, Caller.Anonymous, "/openapi/..%2F..%2Fappsettings.json"));
        yield return Entry("GET /openapi/{documentName}.json", "a 4,000-character document name", w => Get(w, Caller.Anonymous, $"/openapi/{new string('v', 4000)}.json"));
    }

    private static Task<HttpResponseMessage> LanguageAsync(CorpusWorld w, KeyValuePair<string, string>[] fields) => FreshFormAsync(w, "/sprak", fields);

    /// <summary>A form post from a new visitor of its own (a sign-in or a language choice would change a shared client).</summary>
    private static async Task<HttpResponseMessage> FreshFormAsync(CorpusWorld w, string url, KeyValuePair<string, string>[] fields, bool token = true)
    {
        var client = w.NewClient();
        KeyValuePair<string, string>[] all = token ? [.. fields, F(AntiforgeryField, await CorpusWorld.TokenFromAsync(client, "/initiativ/nytt"))] : fields;
        return await SendWith(client, HttpMethod.Post, url, new FormUrlEncodedContent(all), null);
    }

    /// <summary>A raw body from a new visitor of its own, the anti-forgery token in its header.</summary>
    private static async Task<HttpResponseMessage> FreshAsync(CorpusWorld w, HttpMethod method, string url, byte[] body, string contentType)
    {
        var client = w.NewClient();
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await SendWith(client, method, url, content, await CorpusWorld.TokenFromAsync(client, "/initiativ/nytt"));
    }

    /// <summary>A redirect stays on this site.</summary>
    private static Task NotAwayAsync(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal) || location.Contains(':', StringComparison.Ordinal), $"Redirects away to {location}.");
        return Task.CompletedTask;
    }

    private static IEnumerable<CorpusEntry> InitiativeFormEntries()
    {
        const string Url = "/initiativ/nytt";
        static Dictionary<string, string> Valid() => Infrastructure.Initiatives.ValidForm(Guid.NewGuid());
        static KeyValuePair<string, string>[] With(string field, string value)
        {
            var form = Valid();
            form[field] = value;
            return [.. form];
        }

        yield return new("POST /initiativ/nytt", "no anti-forgery token", w => Form(w, Caller.Anonymous, Url, Valid(), token: false)) { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "the submission id of an existing case with other content", w =>
        {
            var form = Valid();
            form["Input.SubmissionId"] = w.Received.ToString();
            form["Input.OrganisationName"] = "Kapningsföreningen";
            return Form(w, Caller.Anonymous, Url, form);
        })
        { Then = async (w, r, _) => Assert.Equal("Föreningen Navet", (await w.Store.LoadAsync(w.Received, CancellationToken.None))!.State.File.Initiative.OrganisationName) };
        yield return Entry("POST /initiativ/nytt", "a submission id that is no GUID", w => Form(w, Caller.Anonymous, Url, With("Input.SubmissionId", "../../" + Hostile.Script)));
        yield return new("POST /initiativ/nytt", "an all-zero submission id", w => Form(w, Caller.Anonymous, Url, With("Input.SubmissionId", Guid.Empty.ToString())));
        yield return new("POST /initiativ/nytt", "an invalid organisation number and script in every text", w =>
        {
            var form = Valid();
            foreach (var field in new[] { "Input.OrganisationName", "Input.ContactName", "Input.Challenge", "Input.Idea" })
            {
                form[field] = Hostile.Text;
            }

            form["Input.OrganisationNumber"] = "802012-3456";
            return Form(w, Caller.Anonymous, Url, form);
        })
        { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "control characters in the organisation's name", w => Form(w, Caller.Anonymous, Url, With("Input.OrganisationName", Hostile.Control))) { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "a right-to-left override in the contact's name", w => Form(w, Caller.Anonymous, Url, With("Input.ContactName", Hostile.Bidi))) { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "a 1 MiB idea", w => Form(w, Caller.Anonymous, Url, With("Input.Idea", Hostile.Huge))) { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "a 5 MiB idea", w => Form(w, Caller.Anonymous, Url, With("Input.Idea", Hostile.Enormous))) { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "10,000 self-assessment keys", w =>
        {
            var form = Valid();
            for (var i = 0; i < 10_000; i++)
            {
                form[$"Input.SelfAssessment[c{i}]"] = "Met";
            }

            form["Input.OrganisationNumber"] = "nope";
            return Form(w, Caller.Anonymous, Url, form);
        })
        { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "a self-assessment that is no assessment", w => Form(w, Caller.Anonymous, Url, With("Input.SelfAssessment[own-initiative]", "999"))) { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "a self-assessment of an unknown criterion", w => Form(w, Caller.Anonymous, Url, With("Input.SelfAssessment[..%2F..%2Fx]", "Met"))) { MustRefuse = true };
        yield return new("POST /initiativ/nytt", "invalid UTF-8 in the organisation's name", w =>
            Raw(w, Caller.Anonymous, HttpMethod.Post, Url, Hostile.FormWithRawValue([.. Valid().Where(f => f.Key != "Input.OrganisationName")], "Input.OrganisationName", Hostile.InvalidUtf8), "application/x-www-form-urlencoded"))
        { MustRefuse = true };
        yield return Entry("POST /initiativ/nytt", "a JSON body", w => Raw(w, Caller.Anonymous, HttpMethod.Post, Url, Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Infrastructure.Initiatives.ValidApiRequest())), "application/json"));
        yield return Entry("POST /initiativ/nytt", "a multipart body without its closing boundary", w => Raw(w, Caller.Anonymous, HttpMethod.Post, Url, Hostile.BrokenMultipart[1].Body(Valid()), Hostile.BrokenMultipart[1].ContentType));
        yield return new("POST /initiativ/nytt", "PUT instead of POST", w => Send(w, Caller.Anonymous, HttpMethod.Put, Url, new FormUrlEncodedContent([.. Valid(), F(AntiforgeryField, w.AntiforgeryToken(Caller.Anonymous))]))) { MustRefuse = true };
    }
}
