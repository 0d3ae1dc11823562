using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Portal;
using Iop.Functions.Security;
using Iop.Functions.Storage.Documents;
using Iop.Officials;
using Iop.Vetting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Pages.Answers;

/// <summary>
/// An official's answer page behind the link in a request e-mail. The official signs in as staff (Entra ID single sign-on
/// in Azure), and only the request's addressee may answer, so a forwarded link is useless to anyone else. GET and HEAD
/// show the question and never decide (mail scanners fetch links); the answer is a POST with anti-forgery.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
internal sealed class IndexModel(
    CaseService cases, ICaseStore store, PortalTokens tokens, BlobDocumentStore documents, IOptions<PortalOptions> portal, IAuthorizationService authorization, TimeProvider time)
    : PageModel
{
    private const int MaxOfficials = 5;

    /// <summary>Why the link shows no form, when it does not.</summary>
    public enum LinkState
    {
        Open,
        Invalid,
        Expired,
        Answered,
        Withdrawn,
        Moved,
        NotAddressee,
        Closed,
    }

    public LinkState State { get; private set; }

    public CaseFile? Dossier { get; private set; }

    /// <summary>Whether the case's guideline asks each administration for one named contact rather than its staff.</summary>
    public bool OneNamedContact => Dossier is { } file && cases.Policies.For(file).Staffing.OneNamedContact;

    public OfficialRequest? Asked { get; private set; }

    public string Token { get; private set; } = "";

    /// <summary>
    /// Whether the signed-in person may read the case and the answer: the request's addressee, whoever answered it, and
    /// coordinators. Anyone else holding a forwarded link learns only that it is not theirs, or that it is closed.
    /// </summary>
    public bool MayReadDetails { get; private set; }

    /// <summary>The signed-in person gave the answer: they are thanked, not told it is answered already.</summary>
    public bool AnsweredByViewer => Asked?.Answer?.By.Is(User.Email()) == true;

    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    [BindProperty]
    public AnswerForm Form { get; set; } = new();

    [BindProperty]
    public DelegationForm Delegation { get; set; } = new();

    public long MaxFileBytes => portal.Value.MaxFileBytes;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await OpenAsync(token, cancellationToken).ConfigureAwait(false);
        return Shown();
    }

    /// <summary>The agreement draft for a committee's secretary to bring to the committee; reading it changes nothing.</summary>
    public async Task<IActionResult> OnGetAgreementAsync(string token, [FromServices] Policies.PolicyCatalog policies, CancellationToken cancellationToken)
    {
        await OpenAsync(token, cancellationToken).ConfigureAwait(false);
        return State is LinkState.Open or LinkState.Answered && Dossier?.Agreement is not null && Asked!.Kind == RequestKind.CommitteeDecision && Asked.Addressee.Is(User.Email())
            ? File(Api.DocumentDownloads.AgreementFile(Dossier, policies.For(Dossier)), Agreements.AgreementDocument.ContentType, "overenskommelse.docx")
            : NotFound();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string token, IFormFile? attachment, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Shown();
        }

        var request = Asked!;
        var fileId = Guid.NewGuid().ToString("N");
        UploadedFile? uploaded = null;
        if (attachment is { Length: > 0 } && request.Kind is RequestKind.ProcurementOpinion or RequestKind.CommitteeDecision)
        {
            await using var content = attachment.OpenReadStream();
            var stored = await documents.SaveAsync(Dossier!.Id, request.Id, fileId, FileKind.SanitiseName(attachment.FileName), content, MaxFileBytes, cancellationToken).ConfigureAwait(false);
            if (stored.Rejection is { } rejection)
            {
                return Invalid(("attachment", Texts.UploadMessage(rejection, MaxFileBytes)), rejection == UploadRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            }

            uploaded = new UploadedFile(fileId, FileKind.SanitiseName(attachment.FileName), stored.ContentType, stored.Size, stored.Sha256, time.GetUtcNow());
        }

        if (Form.ToAnswer(request.Kind, uploaded) is not { } answer)
        {
            await ForgetAsync(uploaded, cancellationToken).ConfigureAwait(false);
            return Invalid(("Form", Language.T("Välj ett svar.", "Choose an answer.")), StatusCodes.Status400BadRequest);
        }

        var me = Me();
        var result = await cases.HandleAsync(Dossier!.Id, new AnswerRequest(request.Id, request.Issue, answer, me, Actor(me)), null, cancellationToken).ConfigureAwait(false);
        if (result is Rejected rejected)
        {
            await ForgetAsync(uploaded, cancellationToken).ConfigureAwait(false);
            return Invalid((FieldOf(rejected.Error.Rule), Texts.RuleMessage(rejected.Error)), StatusOf(rejected.Error.Rule));
        }

        return RedirectToPage(new { token });
    }

    public async Task<IActionResult> OnPostDelegateAsync(string token, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return Shown();
        }

        var me = Me();
        var to = new Person(Delegation.Name?.Trim() ?? "", Delegation.Email?.Trim() ?? "");
        var result = await cases.HandleAsync(Dossier!.Id, new DelegateRequest(Asked!.Id, Asked.Issue, me, to, Delegation.Reason, Actor(me)), null, cancellationToken).ConfigureAwait(false);
        return result is Rejected rejected
            ? Invalid(("Delegation_Email", Texts.RuleMessage(rejected.Error)), StatusOf(rejected.Error.Rule))
            : RedirectToPage(new { token });
    }

    /// <summary>Reads the link and the case; true when the signed-in person may answer now.</summary>
    private async Task<bool> OpenAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        if (!tokens.TryReadAnswerLink(token, out var link)
            || await store.LoadAsync(link.Case, cancellationToken).ConfigureAwait(false) is not { State: RegisteredCase state }
            || state.File.Requests.FirstOrDefault(r => r.Id == link.RequestId) is not { } request)
        {
            State = LinkState.Invalid;
            return false;
        }

        Dossier = state.File;
        Asked = request;
        MayReadDetails = request.Addressee.Is(User.Email())
            || request.Answer?.By.Is(User.Email()) == true
            || (await authorization.AuthorizeAsync(User, StaffPolicies.Coordinator).ConfigureAwait(false)).Succeeded;
        State = request.Status switch
        {
            OfficialRequestStatus.Answered => LinkState.Answered,
            OfficialRequestStatus.Withdrawn => state.IsClosed ? LinkState.Closed : LinkState.Withdrawn,
            _ when link.ExpiresAt <= time.GetUtcNow() => LinkState.Expired,
            _ when request.Issue != link.Issue => LinkState.Moved,
            _ when !request.Addressee.Is(User.Email()) => LinkState.NotAddressee,
            _ => LinkState.Open,
        };
        return State == LinkState.Open;
    }

    private PageResult Shown()
    {
        Response.StatusCode = State switch
        {
            LinkState.Invalid => StatusCodes.Status404NotFound,
            LinkState.Expired => StatusCodes.Status410Gone,
            LinkState.NotAddressee => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    private PageResult Invalid((string Field, string Message) error, int status)
    {
        Errors = [error];
        Response.StatusCode = status;
        return Page();
    }

    private Person Me() => new(User.ToActor().Name, User.Email() ?? "");

    private static Actor Actor(Person me) => new(me.Email, me.Name, ActorRole.Official);

    private async Task ForgetAsync(UploadedFile? file, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            await documents.DeleteAsync(Dossier!.Id, Asked!.Id, file.FileId, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string FieldOf(string rule) => rule switch
    {
        OfficialsRules.MeetingDateRequired or OfficialsRules.MeetingDateInFuture => "Form_MeetingDate",
        OfficialsRules.ParagraphRequired => "Form_Paragraph",
        OfficialsRules.OfficialRequired or OfficialsRules.InvalidAddress or OfficialsRules.OneContact => "Form_OfficialName0",
        OfficialsRules.TextRequired or CaseRules.NoteTooLong => "Form_Text",
        _ => "",
    };

    private static int StatusOf(string rule) => rule switch
    {
        OfficialsRules.AlreadyAnswered or OfficialsRules.Withdrawn or OfficialsRules.Moved or CaseRules.Closed => StatusCodes.Status409Conflict,
        OfficialsRules.NotAddressee => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The answer form; which fields count depends on the request's kind.</summary>
    internal sealed class AnswerForm
    {
        /// <summary>The main choice: a <see cref="MarketSituation"/>, a <see cref="Position"/>, "yes"/"no" for staffing and decisions.</summary>
        public string? Choice { get; set; }

        /// <summary>The written opinion, statement or reason.</summary>
        public string? Text { get; set; }

        public string?[] OfficialNames { get; set; } = new string?[MaxOfficials];

        public string?[] OfficialEmails { get; set; } = new string?[MaxOfficials];

        public DateOnly? MeetingDate { get; set; }

        public string? Paragraph { get; set; }

        public OfficialAnswer? ToAnswer(RequestKind kind, UploadedFile? file) => kind switch
        {
            RequestKind.ProcurementOpinion when Enum.TryParse<MarketSituation>(Choice, out var situation) => new ProcurementOpinion(situation, Text ?? "", file),
            RequestKind.StaffingConfirmation when Choice is "yes" => new StaffingAnswer(true, Officials(), null),
            RequestKind.StaffingConfirmation when Choice is "no" => new StaffingAnswer(false, ValueList<Person>.Empty, Text),
            RequestKind.InternalPosition when Enum.TryParse<Position>(Choice, out var position) => new PositionAnswer(position, Text ?? ""),
            RequestKind.CommitteeDecision when Choice is "yes" or "no" => new CommitteeDecision(Choice == "yes", MeetingDate ?? default, Paragraph ?? "", file),
            _ => null,
        };

        private ValueList<Person> Officials() =>
            OfficialNames.Zip(OfficialEmails)
                .Where(p => !string.IsNullOrWhiteSpace(p.First) || !string.IsNullOrWhiteSpace(p.Second))
                .Select(p => new Person(p.First?.Trim() ?? "", p.Second?.Trim() ?? ""))
                .ToValueList();
    }

    /// <summary>Passing the request on to a colleague.</summary>
    internal sealed class DelegationForm
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Reason { get; set; }
    }
}
