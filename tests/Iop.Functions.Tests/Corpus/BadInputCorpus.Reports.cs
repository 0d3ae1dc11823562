namespace Iop.Functions.Tests.Corpus;

/// <summary>The yearly follow-up: its page and its CSV and XLSX exports, for GET and HEAD.</summary>
public static partial class BadInputCorpus
{
    private const string FollowUp = "/uppfoljning/{year?}";

    private static IEnumerable<CorpusEntry> ReportEntries()
    {
        foreach (var handler in new string?[] { null, "Csv", "Xlsx" })
        {
            var query = handler is null ? "" : $"?handler={handler}";
            var suffix = handler is null ? "" : $" [{handler}]";
            foreach (var m in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                var key = $"{m.Method} {FollowUp}{suffix}";
                yield return new(key, "signed out", w => Send(w, Caller.Anonymous, m, $"/uppfoljning/2026{query}")) { Then = (_, r, _) => Status(r, 302, 401) };
                yield return new(key, "staff without the coordinator role", w => Send(w, Caller.OtherStaff, m, $"/uppfoljning{query}")) { Then = (_, r, _) => Status(r, 302, 403) };
                yield return Entry(key, "no year", w => Send(w, Caller.Coordinator, m, $"/uppfoljning{query}"));
                yield return Entry(key, "this year", w => Send(w, Caller.Coordinator, m, $"/uppfoljning/2026{query}"));
                yield return Entry(key, "next year", w => Send(w, Caller.Coordinator, m, $"/uppfoljning/2027{query}"));
                foreach (var (name, year) in new[]
                {
                    ("a year before 2000", "1999"), ("a year after next year", "2028"), ("year 0", "0000"), ("a year beyond int", "99999999999999999999"),
                    ("a negative year", "-2026"), ("a year that is no number", "abc"), ("a script as the year", "%3Cscript%3Ealert('corpus')%3C%2Fscript%3E"),
                    ("a traversing year", "..%2F..%2Farenden"), ("a year in Arabic-Indic digits", "%D9%A2%D9%A0%D9%A2%D9%A6"), ("a year with a space", "2026%20"),
                    ("a year with a tab", "2026%09"), ("a 1 MiB year", new string('9', 1 << 20)), ("a formula as the year", "%3D1%2B1"),
                })
                {
                    yield return new(key, name, w => Send(w, Caller.Coordinator, m, $"/uppfoljning/{year}{query}")) { MustRefuse = true };
                }
            }

            yield return new($"GET {FollowUp}{suffix}", "POST instead of GET", w => Raw(w, Caller.Coordinator, HttpMethod.Post, $"/uppfoljning/2026{query}", [], "application/x-www-form-urlencoded")) { MustRefuse = true };
            yield return new($"GET {FollowUp}{suffix}", "a hostile query beside the year", w => Send(w, Caller.Coordinator, HttpMethod.Get, $"/uppfoljning/2026{(query.Length == 0 ? "?" : query + "&")}year=%3Cscript%3E&sida=-1"));
        }

        yield return new($"GET {FollowUp}", "a handler that does not exist", w => Send(w, Caller.Coordinator, HttpMethod.Get, "/uppfoljning/2026?handler=Bogus"));
        yield return new($"GET {FollowUp}", "an export handler in the wrong case", w => Send(w, Caller.Coordinator, HttpMethod.Get, "/uppfoljning/2026?handler=CSV"));
    }
}
