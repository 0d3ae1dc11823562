using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Portal;
using Iop.Functions.Storage.Documents;
using Iop.Policies;
using Iop.Vetting;
using Microsoft.AspNetCore.Antiforgery;
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
    BlobDocumentStore documents,
    PolicyProfile policy,
    IAntiforgery antiforgery,
    IOptions<PortalOptions> options,
    TimeProvider time) : PageModel
{
    public PortalVisit Visit { get; private set; } = null!;

    public PolicyProfile Policy => policy;

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

        if (!IsSameOrigin())
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

        var saved = 0;
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

            var problem = await SaveAsync(document, fileName, section.Body, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            saved++;
        }

        return saved == 0
            ? Fail(Anchor(document), Language.T("Välj en fil att skicka.", "Choose a file to send."), StatusCodes.Status400BadRequest)
            : Redirect($"/portal/{token}?sparat=fil#{Anchor(document)}");
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

    /// <summary>Stores the blob first and records it after; a refused record deletes the blob, so neither exists without the other.</summary>
    private async Task<IActionResult?> SaveAsync(string document, string fileName, Stream body, CancellationToken cancellationToken)
    {
        var fileId = Guid.NewGuid().ToString("N");
        var caseId = Visit.Token.Case;
        var stored = await documents.SaveAsync(caseId, document, fileId, fileName, body, options.Value.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (stored.Rejection is { } rejection)
        {
            return Fail(Anchor(document), UploadMessage(rejection), rejection == UploadRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        var file = new UploadedFile(fileId, fileName, stored.ContentType, stored.Size, stored.Sha256, time.GetUtcNow());
        var result = await cases.HandleAsync(caseId, new UploadDocument(document, file, Visit.Token.TokenId, Initiator()), null, cancellationToken).ConfigureAwait(false);
        if (result is Accepted)
        {
            return null;
        }

        await documents.DeleteAsync(caseId, document, fileId, cancellationToken).ConfigureAwait(false);
        return await RejectedAsync(result, Anchor(document), cancellationToken).ConfigureAwait(false);
    }

    private string UploadMessage(UploadRejection rejection) => rejection switch
    {
        UploadRejection.Empty => Language.T("Filen är tom. Välj filen igen.", "The file is empty. Choose the file again."),
        UploadRejection.TooLarge => Language.T($"Filen är för stor. Största tillåtna storlek är {MaxFileBytes / (1024 * 1024)} MB.", $"The file is too large. The largest allowed size is {MaxFileBytes / (1024 * 1024)} MB."),
        UploadRejection.UnsupportedType => Language.T("Filtypen tas inte emot. Skicka PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT) eller en bild (JPG, PNG).", "The file type is not accepted. Send PDF, Word (DOCX), Excel (XLSX), OpenDocument (ODT) or an image (JPG, PNG)."),
        _ => Language.T("Välj en fil att skicka.", "Choose a file to send."),
    };

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

    private bool IsSameOrigin()
    {
        var site = Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = Request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Authority == Request.Host.Value);
    }

    private Actor Initiator(string? name = null)
    {
        var contact = Visit.Case!.State.File.Initiative.Contact;
        return new Actor(contact.Email, string.IsNullOrWhiteSpace(name) ? contact.Name : name.Trim(), ActorRole.Initiator);
    }
}
