using System.Text;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Portal;
using Iop.Functions.Storage.Documents;
using Iop.Partnerships;
using Iop.Vetting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Iop.Functions.Pages.Portal;

/// <summary>What the organisation typed into its report: kept when the report is refused, so nothing typed is lost.</summary>
public sealed record ReportInput(string? Activity, string? OwnAmount, string? OwnInKind, string? MunicipalityAmount, string? MunicipalityInKind, string? Signer);

/// <summary>
/// The organisation's yearly report behind its own signed link (<c>/arsrapport/{token}</c>): a short activity report, the
/// year's actual co-financing, and attachments, sent in one go from a phone or a computer. The form is one multipart body
/// read as a stream: the files go straight to Blob storage and are deleted again if the report is refused. As for the
/// portal's uploads, the signed link in the path plus a same-origin check stands in for an anti-forgery token, which
/// could only be read by buffering the files first.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ReportModel(PortalTokens tokens, CaseService cases, ICaseStore store, BlobDocumentStore documents, IOptions<PortalOptions> options, TimeProvider time) : PageModel
{
    /// <summary>The longest text field the form has (the activity report) in bytes, with room for multi-byte characters.</summary>
    private const int MaxFieldBytes = 4 * CaseRules.MaxTextLength;

    public PortalAccessResult Result { get; private set; }

    public StoredCase? Case { get; private set; }

    public YearlyReport? Report { get; private set; }

    public ReportLink Link { get; private set; }

    public string Token { get; private set; } = "";

    public bool Saved { get; private set; }

    public (string Anchor, string Text)? Error { get; private set; }

    public ReportInput Input { get; private set; } = new(null, null, null, null, null, null);

    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(string token, string? sparat, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Closed();
        }

        Saved = sparat == "1";
        if (Report!.Submission is { } earlier)
        {
            // A report already sent can be corrected: the form starts from what was sent.
            string? Amount(Party p) => earlier.Contributions.FirstOrDefault(c => c.Party == p) is { AmountSek: > 0 } c ? c.AmountSek.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : null;
            string? InKind(Party p) => earlier.Contributions.FirstOrDefault(c => c.Party == p)?.InKind;
            Input = new ReportInput(earlier.Activity, Amount(Party.Organisation), InKind(Party.Organisation), Amount(Party.Municipality), InKind(Party.Municipality), earlier.SubmittedBy);
        }

        return Page();
    }

    /// <summary>Takes no bound parameters: binding any would make MVC read (and buffer) the whole form first.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var token = RouteData.Values["token"] as string ?? "";
        var cancellationToken = HttpContext.RequestAborted;
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Closed();
        }

        if (!SameOrigin.Check(Request))
        {
            return Fail("", Language.T("Rapporten kunde inte tas emot från den här sidan.", "The report could not be accepted from this page."), StatusCodes.Status400BadRequest);
        }

        var boundary = MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || !type!.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("report-activity", Language.T("Formuläret kom inte fram. Försök igen.", "The form did not arrive. Try again."), StatusCodes.Status400BadRequest);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var received = new List<UploadedFile>();
        IActionResult? refusal;
        try
        {
            refusal = await ReceiveAsync(boundary, fields, received, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await ForgetAsync(received).ConfigureAwait(false);
            if (e is not (InvalidDataException or IOException or BadHttpRequestException) || cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
            return Fail(
                "report-files",
                tooLarge
                    ? Language.T("Filerna är tillsammans för stora. Skicka färre eller mindre filer.", "The files are too large together. Send fewer or smaller files.")
                    : Language.T("Rapporten kom inte fram hel. Försök skicka den igen.", "The report did not arrive whole. Try sending it again."),
                tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        string? Field(string name) => fields.TryGetValue(name, out var value) ? value : null;
        Input = new ReportInput(Field("activity"), Field("ownAmount"), Field("ownInKind"), Field("municipalityAmount"), Field("municipalityInKind"), Field("signer"));
        if (refusal is not null)
        {
            await ForgetAsync(received).ConfigureAwait(false);
            return refusal;
        }

        var year = Link.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var typed = new List<Pages.Cases.ContributionInput>
        {
            new(nameof(Party.Organisation), year, Input.OwnAmount, Input.OwnInKind),
            new(nameof(Party.Municipality), year, Input.MunicipalityAmount, Input.MunicipalityInKind),
        };
        if (!Pages.Cases.DetailsModel.TryContributions(typed, out var contributions, out _))
        {
            await ForgetAsync(received).ConfigureAwait(false);
            return Fail("report-own-amount", Language.T("Ange belopp i hela kronor, med siffror (t.ex. 120000).", "Enter amounts in kronor, in digits (e.g. 120000)."), StatusCodes.Status400BadRequest);
        }

        // Sent again without new files, the report keeps the files sent before.
        var files = received.Count == 0 && Report!.Submission is { } earlier ? earlier.Files : received.ToValueList();
        var contact = Case!.State.File.Initiative.Contact;
        var by = new Actor(contact.Email, PlainText.IsBlank(Input.Signer) ? contact.Name : Input.Signer!.Trim(), ActorRole.Initiator);
        CommandResult result;
        try
        {
            result = await cases.HandleAsync(Link.Case, new SubmitYearlyReport(Link.Year, Link.Issue, Input.Activity, contributions, files, by), null, cancellationToken).ConfigureAwait(false);
        }
        catch (CaseTooLargeException)
        {
            await ForgetAsync(received).ConfigureAwait(false);
            return Fail("report-files", Texts.CaseFullMessage, StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception)
        {
            await ForgetUnrecordedAsync(received).ConfigureAwait(false);
            throw;
        }

        if (result is Accepted)
        {
            return Redirect($"/arsrapport/{token}?sparat=1");
        }

        await ForgetAsync(received).ConfigureAwait(false);
        await OpenAsync(token, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            Rejected { Error.Rule: YearlyReportRules.LinkRevoked or YearlyReportRules.LinkExpired } => Closed(),
            Rejected r => Fail(r.Error.Rule == YearlyReportRules.ActivityRequired ? "report-activity" : "report-own-amount", Texts.RuleMessage(r.Error), StatusCodes.Status400BadRequest),
            _ => Fail("", Texts.StaleMessage, StatusCodes.Status409Conflict),
        };
    }

    /// <summary>
    /// Reads the form's parts in order: text fields (bounded) into <paramref name="fields"/>, files streamed to Blob storage
    /// into <paramref name="received"/>. Answers why it stopped, or null when everything was taken.
    /// </summary>
    private async Task<IActionResult?> ReceiveAsync(string boundary, Dictionary<string, string> fields, List<UploadedFile> received, CancellationToken cancellationToken)
    {
        var maxFiles = YearlyReportRules.MaxFiles;
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = Math.Min(options.Value.MaxFileBytes * maxFiles, options.Value.MaxBytesPerCase) + (1024 * 1024);
        }

        var reader = new MultipartReader(boundary, Request.Body) { HeadersLengthLimit = 16 * 1024 };
        var documentId = YearlyReports.DocumentId(Link.Year);
        for (var section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFormDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var value = await ReadTextAsync(section.Body, cancellationToken).ConfigureAwait(false);
                if (value is null)
                {
                    return Fail("report-activity", Language.T($"En text får vara högst {CaseRules.MaxTextLength} tecken.", $"A text may be at most {CaseRules.MaxTextLength} characters."), StatusCodes.Status400BadRequest);
                }

                fields.TryAdd(name, value);
                continue;
            }

            if (!disposition.IsFileDisposition())
            {
                continue;
            }

            var fileName = FileKind.SanitiseName(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value);
            if (fileName.Length == 0)
            {
                // A file input left empty posts a part with no name and no bytes.
                continue;
            }

            if (received.Count >= maxFiles)
            {
                return Fail("report-files", Language.T($"En rapport kan ha högst {maxFiles} filer. Samla gärna flera sidor i en PDF.", $"A report can have at most {maxFiles} files. Gather several pages in one PDF."), StatusCodes.Status400BadRequest);
            }

            var fileId = Guid.NewGuid().ToString("N");
            var stored = await documents.SaveAsync(Link.Case, documentId, fileId, fileName, section.Body, options.Value.MaxFileBytes, cancellationToken).ConfigureAwait(false);
            if (stored.Rejection is { } rejection)
            {
                return Fail("report-files", Texts.UploadMessage(rejection, MaxFileBytes), rejection == UploadRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            }

            received.Add(new UploadedFile(fileId, fileName, stored.ContentType, stored.Size, stored.Sha256, time.GetUtcNow()));
        }

        return null;
    }

    /// <summary>A text part as UTF-8, or null when it is longer than any field of the form may be.</summary>
    private static async Task<string?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length > MaxFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private async Task ForgetAsync(IEnumerable<UploadedFile> files)
    {
        foreach (var file in files)
        {
            await documents.DeleteAsync(Link.Case, YearlyReports.DocumentId(Link.Year), file.FileId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>After a command failed without an answer, deletes only the blobs the case does not refer to.</summary>
    private async Task ForgetUnrecordedAsync(IReadOnlyList<UploadedFile> files)
    {
        try
        {
            var stored = await store.LoadAsync(Link.Case, CancellationToken.None).ConfigureAwait(false);
            var recorded = stored?.State.File.YearlyReports.FirstOrDefault(r => r.Year == Link.Year)?.Submission?.Files.Select(f => f.FileId).ToHashSet() ?? [];
            await ForgetAsync(files.Where(f => !recorded.Contains(f.FileId))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or IOException or TimeoutException)
        {
            // Storage is failing as well: better an unreferenced blob than a deleted file the case refers to.
        }
    }

    /// <summary>Whether the link opens a report the organisation may send now.</summary>
    private async Task<bool> OpenAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        if (!tokens.TryReadReportLink(token, out var link) || await store.LoadAsync(link.Case, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            Result = PortalAccessResult.Unknown;
            return false;
        }

        Link = link;
        Case = stored;
        Report = YearlyReports.Find(stored.State.File, link.Year);
        Result = (stored.State, Report) switch
        {
            (ActivePartnership, { } r) when r.Issue != link.Issue => PortalAccessResult.Replaced,
            (ActivePartnership, { } r) when time.GetUtcNow() >= r.LinkExpiresAt => PortalAccessResult.Expired,
            (ActivePartnership, not null) => PortalAccessResult.Open,
            (ActivePartnership, null) => PortalAccessResult.Unknown,
            _ => PortalAccessResult.Closed,
        };
        return Result == PortalAccessResult.Open;
    }

    private PageResult Closed()
    {
        Response.StatusCode = Result switch
        {
            PortalAccessResult.Unknown => StatusCodes.Status404NotFound,
            PortalAccessResult.Replaced or PortalAccessResult.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    private PageResult Fail(string anchor, string text, int status)
    {
        Error = (anchor, text);
        Response.StatusCode = status;
        return Page();
    }
}
