using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Portal;
using Iop.Functions.Security;
using Iop.Functions.Storage.Cases;
using Iop.Policies;
using Iop.Screening;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Pages.Cases;

/// <summary>
/// The case page: where it stands, its full history, and the coordinator's actions. Every form carries the version
/// it was rendered from, so acting on a stale page is refused instead of overwriting someone else's change.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
internal sealed partial class DetailsModel(CaseService cases, CaseOverviews overviews, PolicyCatalog policies, IOptions<PortalOptions> portal, TimeProvider time) : PageModel
{
    private StoredCase? _case;

    public StoredCase Case
    {
        get => _case ?? throw new InvalidOperationException("The case is not loaded yet.");
        private set => _case = value;
    }

    public IReadOnlyList<RecordedEvent> History { get; private set; } = [];

    /// <summary>The guideline the case follows: the profile version it was received under.</summary>
    public PolicyProfile Policy => _case is null ? policies.Current : policies.For(_case.State);

    [BindProperty]
    public ScreeningInput Screening { get; set; } = new();

    [BindProperty]
    public DiscontinueInput Discontinuation { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public bool CanScreen => Case.State is Received or InScreening;

    public bool CanDiscontinue => Case.State is not (Received or InScreening or ActivePartnership) && !Case.State.IsClosed;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Screening = ScreeningInput.From(Case, Policy);
        Discontinuation = new DiscontinueInput { Version = Case.Version };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken) =>
        ScreenAsync(id, outcome: null, T("Bedömningen är sparad.", "The assessment is saved."), cancellationToken);

    public Task<IActionResult> OnPostContinueAsync(string id, CancellationToken cancellationToken) =>
        ScreenAsync(id, ScreeningOutcome.Continue, T("Bedömningen är klar. Ärendet går vidare till första möte.", "Screening completed. The case continues to a first meeting."), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string id, CancellationToken cancellationToken) =>
        ScreenAsync(id, ScreeningOutcome.Discontinue, T("Bedömningen är klar och ärendet avslutat.", "Screening completed and the case discontinued."), cancellationToken);

    public async Task<IActionResult> OnPostDiscontinueAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            return Problem([("discontinue-reason", Unreadable)], StatusCodes.Status400BadRequest);
        }

        var command = new Discontinue(Discontinuation.Reason ?? "", Discontinuation.Alternative, User.ToActor());
        var result = await cases.HandleAsync(caseId, command, Discontinuation.Version, cancellationToken).ConfigureAwait(false);
        return await OutcomeAsync(id, result, T("Ärendet är avslutat.", "The case is discontinued."), "discontinue-reason", cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> ScreenAsync(string id, ScreeningOutcome? outcome, string done, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return NotFound();
        }

        // The form's fields are the case's guideline's criteria.
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        var (assessments, invalid) = Screening.ToAssessments(Policy);
        if (!ModelState.IsValid)
        {
            invalid = [.. invalid, ("screening", Unreadable)];
        }

        if (invalid.Count > 0)
        {
            await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            return Problem(invalid, StatusCodes.Status400BadRequest);
        }

        var by = User.ToActor();
        CaseCommand command = outcome is { } o
            ? new CompleteScreening(assessments, o, Screening.Reason, Screening.Alternative, by)
            : new RecordAssessments(assessments, by);
        var result = await cases.HandleAsync(caseId, command, Screening.Version, cancellationToken).ConfigureAwait(false);
        return await OutcomeAsync(id, result, done, outcome == ScreeningOutcome.Discontinue ? "screening-reason" : "screening", cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> OutcomeAsync(string id, CommandResult result, string done, string errorAnchor, CancellationToken cancellationToken)
    {
        if (result is Accepted)
        {
            StatusMessage = done;
            return RedirectToPage(new { id });
        }

        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        return result switch
        {
            Rejected { Error.Rule: CaseRules.NoSuchCase } => NotFound(),
            Rejected { Error.Rule: Iop.Agreements.AgreementRules.SectionsUnwritten } r => Problem([("agreement", UnwrittenSections())], StatusFor(r.Error)),
            Rejected { Error.Rule: Iop.Checks.CheckRules.Required or Iop.Checks.CheckRules.NotFulfilled } r => Problem([("checks", OutstandingChecksMessage())], StatusFor(r.Error)),
            Rejected r => Problem([(AnchorFor(r.Error, errorAnchor), Texts.RuleMessage(r.Error))], StatusFor(r.Error)),
            _ => Stale(),
        };
    }

    /// <summary>The posted input stays in the form; only the version moves on, so sending again acts on what the user now sees.</summary>
    private PageResult Stale()
    {
        Screening.Version = Case.Version;
        Discontinuation.Version = Case.Version;
        ModelState.Remove($"{nameof(Screening)}.{nameof(ScreeningInput.Version)}");
        ModelState.Remove($"{nameof(Discontinuation)}.{nameof(DiscontinueInput.Version)}");
        return Problem([("", Texts.StaleMessage)], StatusCodes.Status409Conflict);
    }

    private PageResult Problem(IReadOnlyList<(string Field, string Message)> errors, int status)
    {
        Errors = errors;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The form field an error links to: the form that was sent, or within screening the checklist unless the reason is at fault.</summary>
    private static string AnchorFor(DomainError error, string fallback) => fallback switch
    {
        "screening-reason" when error.Rule is not (CaseRules.ReasonRequired or CaseRules.ReasonTooLong) => "screening",
        _ => fallback,
    };

    private static int StatusFor(DomainError error) => error.Rule switch
    {
        CaseRules.WrongStage or CaseRules.Closed or CaseRules.AlreadySubmitted or CaseRules.PolicyMismatch or CaseRules.CannotDiscontinueActive or Iop.Checks.CheckRules.TooLate
            or Iop.Partnerships.EndingRules.NoticeGiven or Iop.Partnerships.EndingRules.LadderEnd
            => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await overviews.ReadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } overview)
        {
            return false;
        }

        Case = overview.Case;
        History = overview.History;
        FailedDeliveries = overview.FailedDeliveries;
        Waits = overview.Waits;
        WorkflowFailures = overview.WorkflowFailures;
        return true;
    }

    /// <summary>Which sections still hold only the guideline's question, by their titles.</summary>
    private string UnwrittenSections()
    {
        var titles = (Case.State.File.Agreement?.Sections ?? []).Where(s => s.AwaitsText)
            .Select(s => Policy.AgreementSections.First(a => a.Id == s.Id).Title.In(Language.Code));
        var list = string.Join(", ", titles);
        return T(
            $"Förslaget kan inte skickas till nämnderna förrän alla avsnitt är skrivna. Kvar att skriva: {list}.",
            $"The draft cannot go to the committees until every section is written. Still to write: {list}.");
    }

    /// <summary>Which of the guideline's checks still keep the draft from the committees, by their titles.</summary>
    private string OutstandingChecksMessage()
    {
        var list = string.Join(", ", OutstandingChecks.Select(c => c.Title.In(Language.Code)));
        return T(
            $"Förslaget kan inte skickas till nämnderna förrän riktlinjens kontroller är gjorda och uppfyllda. Kvar: {list}.",
            $"The draft cannot go to the committees until the guideline's checks are made and fulfilled. Still needed: {list}.");
    }

    private static string T(string sv, string en) => Language.T(sv, en);

    /// <summary>A value the form posted did not bind (a version or a choice that is no number or option): nothing is done with a guess.</summary>
    private static string Unreadable => T("Formuläret innehåller uppgifter som inte kunde läsas. Ladda om sidan och försök igen.", "The form holds values that could not be read. Reload the page and try again.");
}

/// <summary>The screening form as posted: one choice and note per criterion, plus the reason if discontinuing.</summary>
public sealed class ScreeningInput
{
    public int Version { get; set; }

    public Dictionary<string, string?> Assessment { get; set; } = [];

    public Dictionary<string, string?> Note { get; set; } = [];

    public string? Reason { get; set; }

    public Alternative Alternative { get; set; }

    public static ScreeningInput From(StoredCase stored, PolicyProfile policy)
    {
        var saved = stored.State switch
        {
            InScreening s => s.Draft,
            _ => stored.State.File.Screening?.Assessments ?? ValueList<CriterionAssessment>.Empty,
        };
        return new ScreeningInput
        {
            Version = stored.Version,
            Assessment = saved.ToDictionary(a => a.CriterionId, a => (string?)a.Assessment.ToString()),
            Note = saved.ToDictionary(a => a.CriterionId, a => a.Note),
        };
    }

    /// <summary>The assessments the user chose; criteria left blank are not assessed yet.</summary>
    public (ValueList<CriterionAssessment> Assessments, IReadOnlyList<(string Field, string Message)> Errors) ToAssessments(PolicyProfile policy)
    {
        var assessments = new List<CriterionAssessment>();
        var errors = new List<(string, string)>();
        foreach (var criterion in policy.Checklist)
        {
            Assessment.TryGetValue(criterion.Id, out var chosen);
            Note.TryGetValue(criterion.Id, out var note);
            if (string.IsNullOrWhiteSpace(chosen))
            {
                continue;
            }

            if (!Enum.TryParse<Screening.Assessment>(chosen, out var value) || !Enum.IsDefined(value))
            {
                errors.Add(($"criterion-{criterion.Id}", Language.T($"Välj ett av alternativen för kriterium {criterion.Number}.", $"Choose one of the options for criterion {criterion.Number}.")));
                continue;
            }

            assessments.Add(new CriterionAssessment(criterion.Id, value, note));
        }

        return (assessments.ToValueList(), errors);
    }
}

/// <summary>The discontinue form as posted.</summary>
public sealed class DiscontinueInput
{
    public int Version { get; set; }

    public string? Reason { get; set; }

    public Alternative Alternative { get; set; }
}
