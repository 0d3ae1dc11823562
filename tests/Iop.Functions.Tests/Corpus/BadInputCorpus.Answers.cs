using System.Globalization;
using System.Net.Http.Headers;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The officials' answer pages behind the links in their e-mail: the question, the answer, delegation, the agreement draft.</summary>
public static partial class BadInputCorpus
{
    private const string Answers = "/svar/{token}/{handler?}";

    /// <summary>Answer links that must not open the head's staffing request on <see cref="CorpusWorld.Scoped"/>.</summary>
    private static IEnumerable<(string Name, Func<CorpusWorld, string> Token, string? Known)> AnswerLinks()
    {
        const string Purpose = "iop-answer-v1|";
        static string Later(CorpusWorld w) => w.App.Time.GetUtcNow().AddDays(60).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return
        [
            ("an unknown token", _ => Base64Url(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)) + ".AAAA", null),
            ("a portal link", w => w.PortalToken, null),
            ("a forged signature", w => SignedPortalToken(w, $"{w.Scoped}.staffing-socialnamnden~1.{Later(w)}", "iop-answer-v0|"), null),
            ("a moved link (issue 2)", w => w.Tokens.CreateAnswerLink(w.Scoped, "staffing-socialnamnden", 2, w.App.Time.GetUtcNow().AddDays(60)), null),
            ("an expired link", w => w.Tokens.CreateAnswerLink(w.Scoped, "staffing-socialnamnden", 1, w.App.Time.GetUtcNow().AddDays(-1)), null),
            ("a request that does not exist", w => w.Tokens.CreateAnswerLink(w.Scoped, "..%2F..%2Fstaffing-socialnamnden", 1, w.App.Time.GetUtcNow().AddDays(60)), null),
            ("an issue past int", w => SignedPortalToken(w, $"{w.Scoped}.staffing-socialnamnden~99999999999.{Later(w)}", Purpose), null),
            ("a negative issue", w => SignedPortalToken(w, $"{w.Scoped}.staffing-socialnamnden~-1.{Later(w)}", Purpose), null),
            ("two issues", w => SignedPortalToken(w, $"{w.Scoped}.staffing-socialnamnden~1~1.{Later(w)}", Purpose), null),
            ("a signed expiry of -99999999999999", w => SignedPortalToken(w, $"{w.Scoped}.staffing-socialnamnden~1.-99999999999999", Purpose), KnownIssues.TokenExpiryOutOfRange),
            ("a signed expiry of 9223372036854775807", w => SignedPortalToken(w, $"{w.Scoped}.staffing-socialnamnden~1.9223372036854775807", Purpose), KnownIssues.TokenExpiryOutOfRange),
            ("a link to a case without requests", w => w.Tokens.CreateAnswerLink(w.Received, "staffing-socialnamnden", 1, w.App.Time.GetUtcNow().AddDays(60)), null),
            ("a 10,000-character token", _ => new string('A', 10_000) + ".AAAA", null),
        ];
    }

    private static IEnumerable<CorpusEntry> AnswerEntries()
    {
        foreach (var (name, token, known) in AnswerLinks())
        {
            yield return new($"GET {Answers}", name, w => Get(w, Caller.Addressee, $"/svar/{token(w)}")) { Known = known };
            yield return new($"HEAD {Answers}", name, w => Head(w, Caller.Addressee, $"/svar/{token(w)}")) { Known = known };
            yield return new($"GET {Answers} [Agreement]", name, w => Get(w, Caller.Addressee, $"/svar/{token(w)}/agreement")) { Known = known, MustRefuse = true };
            yield return new($"HEAD {Answers} [Agreement]", name, w => Head(w, Caller.Addressee, $"/svar/{token(w)}/agreement")) { Known = known, MustRefuse = true };
            yield return new($"POST {Answers} [Answer]", name, w => Form(w, Caller.Addressee, $"/svar/{token(w)}/answer", Staffing())) { Known = known };
            yield return new($"POST {Answers} [Delegate]", name, w => Form(w, Caller.Addressee, $"/svar/{token(w)}/delegate", Delegation())) { Known = known };
        }

        foreach (var method in new[] { "GET", "HEAD" })
        {
            var m = new HttpMethod(method);
            yield return new($"{method} {Answers}", "signed out", w => Send(w, Caller.Anonymous, m, w.StaffingLink)) { Then = (_, r, _) => Status(r, 302, 401) };
            yield return new($"{method} {Answers}", "someone else signed in", w => Send(w, Caller.OtherStaff, m, w.StaffingLink)) { MustRefuse = true };
            yield return new($"{method} {Answers}", "an answered request, to someone else", w => Send(w, Caller.OtherStaff, m, w.AnsweredLink))
            {
                Known = KnownIssues.AnsweredLinkDetails,
                Then = (w, _, body) =>
                {
                    foreach (var detail in new[] { w.Contact.Name, w.Contact.Email, "Föreningen Navet" })
                    {
                        Assert.False(body.Contains(detail, StringComparison.Ordinal), $"Someone who was not asked sees '{detail}' on an answered request.");
                    }

                    return Task.CompletedTask;
                },
            };
            yield return Entry($"{method} {Answers}", "a handler that does not exist", w => Send(w, Caller.Addressee, m, $"{w.StaffingLink}/bogus"));
            yield return Entry($"{method} {Answers}", "the answer handler", w => Send(w, Caller.Addressee, m, $"{w.StaffingLink}/answer"));
            yield return new($"{method} {Answers} [Agreement]", "someone else signed in", w => Send(w, Caller.OtherStaff, m, $"{w.DecisionLink}/agreement")) { MustRefuse = true };
            yield return new($"{method} {Answers} [Agreement]", "a request that is no committee decision", w => Send(w, Caller.Addressee, m, $"{w.StaffingLink}/agreement")) { MustRefuse = true };
            yield return new($"{method} {Answers} [Agreement]", "signed out", w => Send(w, Caller.Anonymous, m, $"{w.DecisionLink}/agreement")) { Then = (_, r, _) => Status(r, 302, 401) };
        }

        foreach (var entry in AnswerFormEntries())
        {
            yield return entry;
        }

        foreach (var entry in DelegationEntries())
        {
            yield return entry;
        }
    }

    private static KeyValuePair<string, string>[] Staffing(params (string Name, string Value)[] changes) =>
        Changed([F("Form.Choice", "yes"), F("Form.OfficialNames[0]", "Tomas Torn"), F("Form.OfficialEmails[0]", "tomas.torn@mora.example")], changes);

    private static KeyValuePair<string, string>[] Delegation(params (string Name, string Value)[] changes) =>
        Changed([F("Delegation.Name", "Dora Delegat"), F("Delegation.Email", "dora.delegat@mora.example"), F("Delegation.Reason", "Semester.")], changes);

    private static KeyValuePair<string, string>[] Changed(KeyValuePair<string, string>[] fields, (string Name, string Value)[] changes) =>
        [.. fields.Where(f => !changes.Any(c => c.Name == f.Key)), .. changes.Select(c => F(c.Name, c.Value))];

    /// <summary>A committee decision posted as the page posts it: multipart, with the extract as a file.</summary>
    private static MultipartFormDataContent Decided(CorpusWorld w, byte[]? extract, string fileName = "protokoll.pdf", params (string Name, string Value)[] changes)
    {
        var form = new MultipartFormDataContent("corpus-answer");
        foreach (var field in Changed([F("Form.Choice", "yes"), F("Form.MeetingDate", "2026-02-20"), F("Form.Paragraph", "§ 12"), F(AntiforgeryField, w.AntiforgeryToken(Caller.Secretary))], changes))
        {
            form.Add(new StringContent(field.Value), field.Key);
        }

        if (extract is not null)
        {
            var file = new ByteArrayContent(extract);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "attachment", fileName);
        }

        return form;
    }

    private static IEnumerable<CorpusEntry> AnswerFormEntries()
    {
        const string Answer = $"POST {Answers} [Answer]";
        static string Url(string link) => $"{link}/answer";

        static KeyValuePair<string, string>[] Decision(CorpusWorld w, bool token) =>
            [F("Form.Choice", "yes"), F("Form.MeetingDate", "2026-02-20"), F("Form.Paragraph", "§ 12"), .. token ? [F(AntiforgeryField, w.AntiforgeryToken(Caller.Secretary))] : Array.Empty<KeyValuePair<string, string>>()];
        foreach (var (name, contentType, body) in Hostile.BrokenMultipart)
        {
            yield return new(Answer, $"{name} (the token in the form)", w => Raw(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), body(Decision(w, token: true)), contentType, token: false)) { Known = KnownIssues.BrokenMultipart, MustRefuse = true };
            yield return new(Answer, $"{name} (the token in a header)", w => Raw(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), body(Decision(w, token: false)), contentType)) { Known = KnownIssues.BrokenMultipart, MustRefuse = true };
        }

        foreach (var (name, contentType, body) in Hostile.OddMultipart)
        {
            yield return new(Answer, name, w => Raw(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), body(), contentType)) { MustRefuse = true };
        }

        yield return new(Answer, "no anti-forgery token", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), new FormUrlEncodedContent(Changed([F("Form.Choice", "yes"), F("Form.MeetingDate", "2026-02-20"), F("Form.Paragraph", "§ 12")], []))))
        { MustRefuse = true };
        yield return new(Answer, "someone else signed in", w => Form(w, Caller.OtherStaff, Url(w.DecisionLink), [F("Form.Choice", "yes"), F("Form.MeetingDate", "2026-02-20"), F("Form.Paragraph", "§ 12")])) { MustRefuse = true };
        yield return new(Answer, "another official signed in", w => Form(w, Caller.Addressee, Url(w.DecisionLink), [F("Form.Choice", "yes"), F("Form.MeetingDate", "2026-02-20"), F("Form.Paragraph", "§ 12")])) { MustRefuse = true };
        yield return Entry(Answer, "an answered request", w => Form(w, Caller.Addressee, Url(w.AnsweredLink), Staffing()));
        yield return new(Answer, "an executable as the extract", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, [(byte)'M', (byte)'Z', 0x90, 0, 3, 0]))) { MustRefuse = true };
        yield return new(Answer, "an extract one byte over the limit", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, VettingCases.Pdf((int)CorpusWorld.MaxFileBytes + 1)))) { MustRefuse = true };
        yield return new(Answer, "a zip named Word holding an executable and a script as the extract", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, Hostile.ZipWithExecutable(), "protokoll.docx")))
        { Known = KnownIssues.PackageChecks, MustRefuse = true };
        yield return new(Answer, "a DOCX-looking zip bomb as the extract", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, Hostile.ZipBomb(), "protokoll.docx")))
        { Known = KnownIssues.PackageChecks, MustRefuse = true };
        yield return new(Answer, "a decision that is neither yes nor no, with an extract", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, VettingCases.Pdf(), changes: ("Form.Choice", Hostile.Script)))) { MustRefuse = true };
        yield return new(Answer, "a meeting date that is no date", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, null, changes: ("Form.MeetingDate", "2026-02-30")))) { MustRefuse = true };
        yield return new(Answer, "a 1 MiB paragraph", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, null, changes: ("Form.Paragraph", Hostile.Huge)))) { MustRefuse = true };
        yield return new(Answer, "control characters in the paragraph", w => Send(w, Caller.Secretary, HttpMethod.Post, Url(w.DecisionLink), Decided(w, null, changes: ("Form.Paragraph", Hostile.Control)))) { MustRefuse = true };
        yield return new(Answer, "a market situation that does not exist", w => Form(w, Caller.Procurement, Url(w.ProcurementLink), [F("Form.Choice", "999"), F("Form.Text", "Ingen marknad.")])) { MustRefuse = true };
        yield return new(Answer, "a 1 MiB opinion", w => Form(w, Caller.Procurement, Url(w.ProcurementLink), [F("Form.Choice", "NoMarket"), F("Form.Text", Hostile.Huge)])) { MustRefuse = true };
        yield return new(Answer, "a 5 MiB opinion", w => Form(w, Caller.Procurement, Url(w.ProcurementLink), [F("Form.Choice", "NoMarket"), F("Form.Text", Hostile.Enormous)])) { MustRefuse = true };
        yield return new(Answer, "control characters in a confirmed official's name", w => Form(w, Caller.Addressee, Url(w.StaffingLink), Staffing(("Form.OfficialNames[0]", Hostile.Control)))) { MustRefuse = true };
        yield return new(Answer, "a right-to-left override in a confirmed official's name", w => Form(w, Caller.Addressee, Url(w.StaffingLink), Staffing(("Form.OfficialNames[0]", Hostile.Bidi)))) { MustRefuse = true };
        yield return new(Answer, "a 1 MiB official's name", w => Form(w, Caller.Addressee, Url(w.StaffingLink), Staffing(("Form.OfficialNames[0]", Hostile.Huge)))) { MustRefuse = true };
        yield return new(Answer, "an official's address that is no address", w => Form(w, Caller.Addressee, Url(w.StaffingLink), Staffing(("Form.OfficialEmails[0]", Hostile.Script)))) { MustRefuse = true };
        yield return new(Answer, "an official at index 1,000", w => Form(w, Caller.Addressee, Url(w.StaffingLink), [F("Form.Choice", "yes"), F("Form.OfficialNames[1000]", "Tomas Torn"), F("Form.OfficialEmails[1000]", "tomas.torn@mora.example")])) { MustRefuse = true };
        yield return new(Answer, "a 1 MiB reason for declining", w => Form(w, Caller.Addressee, Url(w.StaffingLink), [F("Form.Choice", "no"), F("Form.Text", Hostile.Huge)])) { MustRefuse = true };
        yield return new(Answer, "invalid UTF-8 in the choice", w =>
            Raw(w, Caller.Addressee, HttpMethod.Post, Url(w.StaffingLink), Hostile.FormWithRawValue([F(AntiforgeryField, w.AntiforgeryToken(Caller.Addressee))], "Form.Choice", Hostile.InvalidUtf8), "application/x-www-form-urlencoded", token: false))
        { MustRefuse = true };
        yield return new(Answer, "a JSON body", w => Raw(w, Caller.Addressee, HttpMethod.Post, Url(w.StaffingLink), "{\"Form\":{\"Choice\":\"yes\"}}"u8.ToArray(), "application/json")) { MustRefuse = true };
        yield return new(Answer, "PUT instead of POST", w => Send(w, Caller.Addressee, HttpMethod.Put, Url(w.StaffingLink), new FormUrlEncodedContent([.. Staffing(), F(AntiforgeryField, w.AntiforgeryToken(Caller.Addressee))]))) { MustRefuse = true };
    }

    private static IEnumerable<CorpusEntry> DelegationEntries()
    {
        const string Delegate = $"POST {Answers} [Delegate]";
        static string Url(CorpusWorld w) => $"{w.StaffingLink}/delegate";
        yield return new(Delegate, "no anti-forgery token", w => Form(w, Caller.Addressee, Url(w), Delegation(), token: false)) { MustRefuse = true };
        yield return new(Delegate, "someone else signed in", w => Form(w, Caller.OtherStaff, Url(w), Delegation())) { MustRefuse = true };
        yield return Entry(Delegate, "an answered request", w => Form(w, Caller.Addressee, $"{w.AnsweredLink}/delegate", Delegation()));
        yield return new(Delegate, "to the addressee", w => Form(w, Caller.Addressee, Url(w), Delegation(("Delegation.Name", w.Head.Name), ("Delegation.Email", w.Head.Email)))) { MustRefuse = true };
        yield return new(Delegate, "an address that is no address", w => Form(w, Caller.Addressee, Url(w), Delegation(("Delegation.Email", Hostile.Script)))) { MustRefuse = true };
        yield return new(Delegate, "control characters in the name", w => Form(w, Caller.Addressee, Url(w), Delegation(("Delegation.Name", Hostile.Control)))) { MustRefuse = true };
        yield return new(Delegate, "a right-to-left override in the name", w => Form(w, Caller.Addressee, Url(w), Delegation(("Delegation.Name", Hostile.Bidi)))) { MustRefuse = true };
        yield return new(Delegate, "a 1 MiB name", w => Form(w, Caller.Addressee, Url(w), Delegation(("Delegation.Name", Hostile.Huge)))) { MustRefuse = true };
        yield return new(Delegate, "a 1 MiB reason", w => Form(w, Caller.Addressee, Url(w), Delegation(("Delegation.Reason", Hostile.Huge)))) { MustRefuse = true };
        yield return new(Delegate, "a 5 MiB reason", w => Form(w, Caller.Addressee, Url(w), Delegation(("Delegation.Reason", Hostile.Enormous)))) { MustRefuse = true };
        yield return new(Delegate, "a multipart body without its closing boundary", w => Raw(w, Caller.Addressee, HttpMethod.Post, Url(w), Hostile.BrokenMultipart[1].Body(Delegation()), Hostile.BrokenMultipart[1].ContentType)) { MustRefuse = true };
    }
}
