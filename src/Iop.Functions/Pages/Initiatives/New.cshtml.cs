using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Intake;
using Iop.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Initiatives;

/// <summary>The public initiative form. The hidden submission id makes a double submit land on the same case.</summary>
public sealed class NewModel(CaseService cases, PolicyProfile policy) : PageModel
{
    [BindProperty]
    public InitiativeInput Input { get; set; } = new();

    public PolicyProfile Policy => policy;

    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    public void OnGet() => Input.SubmissionId = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(Input.SubmissionId.ToString(), out var id))
        {
            Input.SubmissionId = Guid.NewGuid();
            return Page();
        }

        var validated = Input.ToForm().Validate(policy);
        if (validated.Value is not { } initiative)
        {
            Errors = [.. validated.Errors.Select(e => (FieldId(e.Field), Texts.FieldMessage(e, Label(e.Field))))];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await cases.SubmitAsync(id, initiative, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            Accepted or Rejected { Error.Rule: CaseRules.AlreadySubmitted } => RedirectToPage("Receipt", new { id = id.ToString() }),
            Rejected r => ShowError(Texts.RuleMessage(r.Error)),
            _ => ShowError(Texts.StaleMessage),
        };
    }

    private PageResult ShowError(string message)
    {
        Errors = [("", message)];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private static string FieldId(string field) => field.StartsWith("SelfAssessment.", StringComparison.Ordinal)
        ? "self-" + field["SelfAssessment.".Length..]
        : "Input_" + field;

    public string Label(string field) => FieldLabels.For(field);
}

/// <summary>The form's fields as posted.</summary>
public sealed class InitiativeInput
{
    public Guid SubmissionId { get; set; }

    public string? OrganisationName { get; set; }

    public string? OrganisationNumber { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? Challenge { get; set; }

    public string? Idea { get; set; }

    public Dictionary<string, string?> SelfAssessment { get; set; } = [];

    public InitiativeForm ToForm() =>
        new(OrganisationName, OrganisationNumber, ContactName, ContactEmail, ContactPhone, Challenge, Idea, SelfAssessment);
}
