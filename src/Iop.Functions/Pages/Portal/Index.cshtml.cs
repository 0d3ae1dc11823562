using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Portal;
using Iop.Functions.Storage.Documents;
using Iop.Policies;
using Iop.Vetting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Iop.Functions.Pages.Portal;

/// <summary>
/// The organisation's page behind its personal link: the requested documents, uploads, "does not exist", and the values
/// declaration. Uploads stream straight to Blob storage; the link itself (a signed capability in the path) plus a
/// same-origin check stands in for the anti-forgery token there, because reading a form token first would buffer the file.
/// Every other form is checked for its anti-forgery token explicitly.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class IndexModel(
    PortalAccess access,
    CaseService cases,
    ICaseStore store,
    BlobDocumentStore documents,
    PolicyCatalog policies,
    IAntiforgery antiforgery,
    IOptions<PortalOptions> options,
    TimeProvider time) : PageModel
{
    public PortalVisit Visit { get; private set; } = null!;

    /// <summary>The guideline the visited case follows.</summary>
    public PolicyProfile Policy => Visit.Case is { } visited ? policies.For(visited.State) : policies.Current;

    public string Token { get; private set; } = "";

    public string? Message { get; private set; }

    public (string Anchor, string Text)? Error { get; private set; }

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Values a failed signing keeps in the form.</summary>
    public (string? Name, string? Role, string? Organisation) Signer { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, string? sparat, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Closed();
        }

        Message = sparat switch
        {
            "fil" => Language.T("Tack! Filen är sparad.", "Thank you! The file is saved."),
            "saknas" => Language.T("Tack! Vi har noterat att dokumentet inte finns.", "Thank you! We have noted that the document does not exist."),
            "signerad" => Language.T("Tack! Värdegrunden är undertecknad.", "Thank you! The values declaration is signed."),
            _ => null,
        };
        return Page();
    }

    /// <summary>
    /// Takes no parameters on purpose: binding any would make MVC read the whole form first, buffering the file
    /// that this handler streams to storage.
    /// </summary>
    public async Task<IActionResult> OnPostUploadAsync()
    {
        var token = RouteData.Values["token"] as string ?? "";
        var document = Request.Query["document"].ToString();
        var cancellationToken = HttpContext.RequestAborted;
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Closed();
        }

        if (!SameOrigin.Check(Request))
        {
            return Fail("", Language.T("Filen kunde inte tas emot från den här sidan.", "The file could not be accepted from this page."), StatusCodes.Status400BadRequest);
        }

        if (Visit.Vetting!.Vetting.Find(document) is null)
        {
            return Fail("", Texts.RuleMessage(DomainError.Because(VettingRules.NotRequested, "")), StatusCodes.Status404NotFound);
        }

        var boundary = MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || !type!.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(Anchor(document), Language.T("Välj en fil att skicka.", "Choose a file to send."), StatusCodes.Status400BadRequest);
        }

        var caseId = Visit.Token.Case;
        var received = new List<UploadedFile>();
        IActionResult? refusal;
        try
        {
            refusal = await ReceiveAsync(document, boundary, received, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Whatever broke the upload (a body cut short, malformed framing, the client leaving), nothing it stored stays.
            await ForgetAsync(caseId, document, received).ConfigureAwait(false);
            if (e is not (InvalidDataException or IOException or BadHttpRequestException) || cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var tooLarge = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
            return Fail(
                Anchor(document),
                tooLarge
                    ? Language.T("Filerna är tillsammans för stora för en sändning. Skicka dem några i taget.", "The files are too large together for one upload. Send a few at a time.")
                    : Language.T("Filen kom inte fram hel. Försök skicka den igen.", "The file did not arrive whole. Try sending it again."),
                tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        if (refusal is not null || received.Count == 0)
        {
            await ForgetAsync(caseId, document, received).ConfigureAwait(false);
            return refusal ?? Fail(Anchor(document), Language.T("Välj en fil att skicka.", "Choose a file to send."), StatusCodes.Status400BadRequest);
        }

        // One command for the whole upload: the files are recorded together or not at all, and the coordinator gets one notice.
        var command = new UploadDocument(document, received.ToValueList(), options.Value.UploadLimits, Visit.Token.TokenId, Initiator());
        CommandResult result;
        try
        {
            result = await cases.HandleAsync(caseId, command, null, cancellationToken).ConfigureAwait(false);
        }
        catch (CaseTooLargeException)
        {
            await ForgetAsync(caseId, document, received).ConfigureAwait(false);
            return Fail(Anchor(document), Texts.CaseFullMessage, StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception)
        {
            await ForgetUnrecordedAsync(caseId, document, received).ConfigureAwait(false);
            throw;
        }

        if (result is Accepted)
        {
            return Redirect($"/portal/{token}?sparat=fil#{Anchor(document)}");
        }

        await ForgetAsync(caseId, document, received).ConfigureAwait(false);
        return await RejectedAsync(result, Anchor(document), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostNotExistingAsync(string token, [FromForm] string document, [FromForm] string? explanation, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Closed();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext).ConfigureAwait(false))
        {
            return Forged();
        }

        var result = await cases.HandleAsync(Visit.Token.Case, new MarkDocumentNotExisting(document, explanation, Visit.Token.TokenId, Initiator()), null, cancellationToken).ConfigureAwait(false);
        return result is Accepted
            ? Redirect($"/portal/{token}?sparat=saknas#{Anchor(document)}")
            : await RejectedAsync(result, Anchor(document) + "-explanation", cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostSignAsync(
        string token, [FromForm] string? name, [FromForm] string? role, [FromForm] string? organisation, [FromForm] bool confirmed, [FromForm] string? version, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Closed();
        }

        Signer = (name, role, organisation);
        if (!await antiforgery.IsRequestValidAsync(HttpContext).ConfigureAwait(false))
        {
            return Forged();
        }

        var command = new SignDeclaration(name, role, organisation, confirmed, version ?? "", Visit.Token.TokenId, Initiator(name));
        var result = await cases.HandleAsync(Visit.Token.Case, command, null, cancellationToken).ConfigureAwait(false);
        return result is Accepted
            ? Redirect($"/portal/{token}?sparat=signerad#declaration")
            : await RejectedAsync(result, "declaration", cancellationToken).ConfigureAwait(false);
    }

    public static string Anchor(string documentId) => "doc-" + documentId;

    /// <summary>
    /// Streams each file of the body to Blob storage, within what the document and the case may still hold, adding what
    /// was stored to <paramref name="received"/>. Answers why it stopped, or null when every file was stored.
    /// </summary>
    private async Task<IActionResult?> ReceiveAsync(string document, string boundary, List<UploadedFile> received, CancellationToken cancellationToken)
    {
        var limits = options.Value.UploadLimits;
        var held = Visit.Vetting!.Vetting.Requests.SelectMany(r => r.Files).ToList();
        var heldForDocument = Visit.Vetting.Vetting.Find(document)!.Files.Count;
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // Room for every file the document may still take (plus the multipart framing), never more than the case's.
            bodyLimit.MaxRequestBodySize = Math.Min(options.Value.MaxFileBytes * Math.Max(1, limits.FilesPerDocument - heldForDocument), limits.BytesPerCase) + (1024 * 1024);
        }

        var reader = new MultipartReader(boundary, Request.Body);
        for (var section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var fileName = FileKind.SanitiseName(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value);
            if (fileName.Length == 0)
            {
                // A file input left empty posts a part with no name and no bytes.
                continue;
            }

            if (heldForDocument + received.Count >= limits.FilesPerDocument)
            {
                return Fail(Anchor(document), Language.T(
                    $"Ett dokument kan ha högst {limits.FilesPerDocument} filer. Samla gärna flera sidor i en PDF.",
                    $"A document can have at most {limits.FilesPerDocument} files. Gather several pages in one PDF."), StatusCodes.Status400BadRequest);
            }

            if (held.Count + received.Count >= limits.FilesPerCase)
            {
                return Fail(Anchor(document), Language.T(
                    $"Ärendet kan ha högst {limits.FilesPerCase} filer. Kontakta samordnaren om fler behövs.",
                    $"The case can have at most {limits.FilesPerCase} files. Contact the coordinator if more are needed."), StatusCodes.Status400BadRequest);
            }

            var room = limits.BytesPerCase - held.Sum(f => f.Size) - received.Sum(f => f.Size);
            var fileId = Guid.NewGuid().ToString("N");
            var stored = room <= 0
                ? StoredUpload.Refused(UploadRejection.TooLarge)
                : await documents.SaveAsync(Visit.Token.Case, document, fileId, fileName, section.Body, Math.Min(options.Value.MaxFileBytes, room), cancellationToken).ConfigureAwait(false);
            if (stored.Rejection is { } rejection)
            {
                var caseFull = rejection == UploadRejection.TooLarge && room < options.Value.MaxFileBytes;
                return Fail(
                    Anchor(document),
                    caseFull
                        ? Language.T(
                            $"Ärendets filer får ta högst {limits.BytesPerCase / (1024 * 1024)} MB tillsammans, och det finns inte plats för den här. Kontakta samordnaren.",
                            $"The case's files may take at most {limits.BytesPerCase / (1024 * 1024)} MB together, and there is no room for this one. Contact the coordinator.")
                        : Texts.UploadMessage(rejection, MaxFileBytes),
                    rejection == UploadRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            }

            received.Add(new UploadedFile(fileId, fileName, stored.ContentType, stored.Size, stored.Sha256, time.GetUtcNow()));
        }

        return null;
    }

    /// <summary>Deletes the blobs of an upload that was not recorded; it must not be cut short by the request ending.</summary>
    private async Task ForgetAsync(CaseId caseId, string document, IEnumerable<UploadedFile> files)
    {
        foreach (var file in files)
        {
            await documents.DeleteAsync(caseId, document, file.FileId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a command failed without an answer, deletes only the blobs the case does not refer to: the commit may have
    /// gone through before the failure, and then its files must stay.
    /// </summary>
    private async Task ForgetUnrecordedAsync(CaseId caseId, string document, IReadOnlyList<UploadedFile> files)
    {
        try
        {
            var stored = await store.LoadAsync(caseId, CancellationToken.None).ConfigureAwait(false);
            var recorded = (stored?.State as InPartnerVetting)?.Vetting.Find(document)?.Files.Select(f => f.FileId).ToHashSet() ?? [];
            await ForgetAsync(caseId, document, files.Where(f => !recorded.Contains(f.FileId))).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or IOException or TimeoutException)
        {
            // Storage is failing as well: better an unreferenced blob than a deleted file the case refers to.
        }
    }

    private async Task<IActionResult> RejectedAsync(CommandResult result, string anchor, CancellationToken cancellationToken)
    {
        await OpenAsync(Token, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            Rejected { Error.Rule: VettingRules.LinkExpired or VettingRules.LinkRevoked } => Closed(),
            Rejected r => Fail(anchor, Texts.RuleMessage(r.Error), r.Error.Rule is VettingRules.AlreadySigned or VettingRules.AlreadyAccepted ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest),
            _ => Fail(anchor, Texts.StaleMessage, StatusCodes.Status409Conflict),
        };
    }

    private PageResult Forged() => Fail(
        "",
        Language.T("Formuläret kunde inte tas emot. Ladda om sidan och försök igen.", "The form could not be accepted. Reload the page and try again."),
        StatusCodes.Status400BadRequest);

    private PageResult Fail(string anchor, string text, int status)
    {
        Error = (anchor, text);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> OpenAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        Visit = await access.OpenAsync(token, cancellationToken).ConfigureAwait(false);
        return Visit.Result == PortalAccessResult.Open;
    }

    /// <summary>A link that does not open its case shows why, plainly, and offers nothing to do.</summary>
    private PageResult Closed()
    {
        Response.StatusCode = Visit.Result switch
        {
            PortalAccessResult.Unknown => StatusCodes.Status404NotFound,
            PortalAccessResult.Replaced or PortalAccessResult.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    private Actor Initiator(string? name = null)
    {
        var contact = Visit.Case!.State.File.Initiative.Contact;
        return new Actor(contact.Email, string.IsNullOrWhiteSpace(name) ? contact.Name : name.Trim(), ActorRole.Initiator);
    }
}
