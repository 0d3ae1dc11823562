namespace Iop.Functions.Tests.Corpus;

/// <summary>Staff downloads: the organisation's documents and the agreement draft.</summary>
public static partial class BadInputCorpus
{
    private const string DocumentDownload = "GET /arenden/{id}/dokument/{documentId}/{fileId}";
    private const string AgreementDownload = "GET /arenden/{id}/overenskommelse.docx";
    private const string CaseFilePage = "GET /arenden/{id}/akt";
    private const string CaseFilePdf = "GET /arenden/{id}/akt.pdf";
    private const string CaseFilePageHead = "HEAD /arenden/{id}/akt";
    private const string CaseFilePdfHead = "HEAD /arenden/{id}/akt.pdf";

    private static IEnumerable<CorpusEntry> DownloadEntries()
    {
        static string File(CorpusWorld w) => $"{CorpusWorld.Document}/{w.Polyglot.FileId}";
        foreach (var (name, id) in Hostile.Ids)
        {
            yield return new(DocumentDownload, name, w => Get(w, Caller.Coordinator, $"/arenden/{id}/dokument/{File(w)}")) { MustRefuse = true };
            yield return new(AgreementDownload, name, w => Get(w, Caller.Coordinator, $"/arenden/{id}/overenskommelse.docx")) { MustRefuse = true };
        }

        yield return new(DocumentDownload, "a traversing document id", w => Get(w, Caller.Coordinator, $"/arenden/{w.Vetting}/dokument/..%2F..%2F{w.Vetting}/{w.Polyglot.FileId}")) { MustRefuse = true };
        yield return new(DocumentDownload, "a traversing file id", w => Get(w, Caller.Coordinator, $"/arenden/{w.Vetting}/dokument/{CorpusWorld.Document}/..%2F{w.Polyglot.FileId}")) { MustRefuse = true };
        yield return new(DocumentDownload, "another case's file", w => Get(w, Caller.Coordinator, $"/arenden/{w.Scoped}/dokument/{File(w)}")) { MustRefuse = true };
        yield return new(DocumentDownload, "another document's file", w => Get(w, Caller.Coordinator, $"/arenden/{w.Vetting}/dokument/annual-report/{w.Polyglot.FileId}")) { MustRefuse = true };
        yield return new(DocumentDownload, "signed out", w => Get(w, Caller.Anonymous, $"/arenden/{w.Vetting}/dokument/{File(w)}")) { Then = (_, r, _) => Status(r, 302, 401) };
        yield return new(DocumentDownload, "staff without the coordinator role", w => Get(w, Caller.OtherStaff, $"/arenden/{w.Vetting}/dokument/{File(w)}")) { Then = (_, r, _) => Status(r, 302, 403) };
        yield return new(DocumentDownload, "a PDF uploaded as poly.html", w => Get(w, Caller.Coordinator, $"/arenden/{w.Vetting}/dokument/{File(w)}"))
        {
            Known = KnownIssues.DownloadNames,
            Then = (_, r, _) =>
            {
                var name = DownloadName(r);
                Assert.True(name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase), $"A PDF is downloaded as '{name}'.");
                return Task.CompletedTask;
            },
        };
        yield return new(DocumentDownload, "a PDF uploaded with a right-to-left override in its name", w => Get(w, Caller.Coordinator, $"/arenden/{w.Vetting}/dokument/{CorpusWorld.Document}/{w.Reversed.FileId}"))
        {
            Known = KnownIssues.DownloadNames,
            Then = (_, r, _) =>
            {
                var name = DownloadName(r);
                Assert.False(name.Any(c => char.IsControl(c) || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F'), $"The download's name '{name}' keeps bidirectional or control characters.");
                Assert.True(name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase), $"A PDF is downloaded as '{name}'.");
                return Task.CompletedTask;
            },
        };

        foreach (var (key, suffix) in new[] { (CaseFilePage, "akt"), (CaseFilePdf, "akt.pdf") })
        {
            foreach (var (name, id) in Hostile.Ids)
            {
                yield return new(key, name, w => Get(w, Caller.Coordinator, $"/arenden/{id}/{suffix}")) { MustRefuse = true };
            }

            yield return new(key, "signed out", w => Get(w, Caller.Anonymous, $"/arenden/{w.Vetting}/{suffix}")) { Then = (_, r, _) => Status(r, 302, 401) };
            yield return new(key, "staff without the coordinator role", w => Get(w, Caller.OtherStaff, $"/arenden/{w.Vetting}/{suffix}")) { Then = (_, r, _) => Status(r, 302, 403) };
            yield return new(key, "a case with a file named with script and a right-to-left override", w => Get(w, Caller.Coordinator, $"/arenden/{w.Vetting}/{suffix}"));
            yield return new(key, "POST instead of GET", w => Raw(w, Caller.Coordinator, HttpMethod.Post, $"/arenden/{w.Vetting}/{suffix}", [], "application/x-www-form-urlencoded")) { MustRefuse = true };
        }

        foreach (var (key, suffix) in new[] { (CaseFilePageHead, "akt"), (CaseFilePdfHead, "akt.pdf") })
        {
            yield return new(key, "signed out", w => Send(w, Caller.Anonymous, HttpMethod.Head, $"/arenden/{w.Vetting}/{suffix}")) { Then = (_, r, _) => Status(r, 302, 401) };
            yield return new(key, "an unknown case", w => Send(w, Caller.Coordinator, HttpMethod.Head, $"/arenden/{Guid.NewGuid():N}/{suffix}")) { MustRefuse = true };
            yield return Entry(key, "a case in vetting", w => Send(w, Caller.Coordinator, HttpMethod.Head, $"/arenden/{w.Vetting}/{suffix}"));
        }

        yield return new(AgreementDownload, "a case without an agreement", w => Get(w, Caller.Coordinator, $"/arenden/{w.Received}/overenskommelse.docx")) { MustRefuse = true };
        yield return new(AgreementDownload, "signed out", w => Get(w, Caller.Anonymous, $"/arenden/{w.Decision}/overenskommelse.docx")) { Then = (_, r, _) => Status(r, 302, 401) };
        yield return new(AgreementDownload, "staff without the coordinator role", w => Get(w, Caller.OtherStaff, $"/arenden/{w.Decision}/overenskommelse.docx")) { Then = (_, r, _) => Status(r, 302, 403) };
        yield return new(AgreementDownload, "POST instead of GET", w => Raw(w, Caller.Coordinator, HttpMethod.Post, $"/arenden/{w.Decision}/overenskommelse.docx", [], null)) { MustRefuse = true };
    }

    /// <summary>The file name a browser would save the download as.</summary>
    private static string DownloadName(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"The download answered {(int)response.StatusCode}.");
        var disposition = response.Content.Headers.ContentDisposition;
        return (disposition?.FileNameStar ?? disposition?.FileName ?? "").Trim('"');
    }
}
