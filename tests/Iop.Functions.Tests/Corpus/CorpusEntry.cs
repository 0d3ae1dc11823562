namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// One bad request to one endpoint. After it, the answer is no 5xx (and a 4xx when <see cref="MustRefuse"/>), every
/// case of the world has the version and history it had, no blob lies outside its case's record, and no case was added.
/// </summary>
/// <param name="Endpoint">The endpoint as <see cref="AppEndpoints"/> names it, e.g. <c>POST /arenden/{id} [Save]</c>.</param>
/// <param name="Input">What is wrong with the request.</param>
/// <param name="Send">Sends it in the world and returns the answer.</param>
public sealed record CorpusEntry(string Endpoint, string Input, Func<CorpusWorld, Task<HttpResponseMessage>> Send)
{
    public string Name => $"{Endpoint} ← {Input}";

    /// <summary>The known issue this entry waits for (see <see cref="KnownIssues"/>), when it fails today for a known reason.</summary>
    public string? Known { get; init; }

    /// <summary>The request must be refused with a 4xx: it asks for something that must not happen.</summary>
    public bool MustRefuse { get; init; }

    /// <summary>A case of the world the request may change (e.g. a legitimate burst of commands).</summary>
    public string? MayChange { get; init; }

    /// <summary>A burst of requests that takes seconds: run in Development only, where it is about contention and limits.</summary>
    public bool Costly { get; init; }

    /// <summary>What else must hold after the answer (its status, headers, the body's text).</summary>
    public Func<CorpusWorld, HttpResponseMessage, string, Task>? Then { get; init; }
}

/// <summary>Issues being fixed elsewhere; their entries fail until the fixes merge, each on its own row.</summary>
public static class KnownIssues
{
    public const string BrokenMultipart = "broken multipart uploads on the portal and answer pages";
    public const string TokenExpiryOutOfRange = "portal tokens with out-of-range expiry";
    public const string Contention = "50 parallel assessments contention";
    public const string SignOutWithoutAntiforgery = "POST /logga-ut without anti-forgery token";
    public const string AnsweredLinkDetails = "answered official link shows details to other staff";
    public const string UploadLimits = "upload limits/notices";
    public const string DownloadNames = "download file names";
    public const string PackageChecks = "DOCX/zip package checks";
    public const string SnapshotSize = "snapshot row > 1 MiB";
}
