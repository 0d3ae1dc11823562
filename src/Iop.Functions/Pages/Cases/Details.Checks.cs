using Iop.Cases;
using Iop.Checks;
using Iop.Functions.Security;
using Iop.Policies;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>The guideline's own checks (kontroller), whatever the profile declares: findings with their motivation.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>The criterion the procurement unit's opinion is for, as the case's guideline numbers it ("Kriterium 7").</summary>
    public LocalizedText ProcurementCriterionLabel => Policy.Checklist.FirstOrDefault(c => c.RequiresProcurementOpinion) is { } c
        ? new($"Kriterium {c.Number}", $"Criterion {c.Number}")
        : new("Marknadskriteriet", "The market criterion");

    /// <summary>Whether findings can still be recorded: from intake until the agreement goes to the committees.</summary>
    public bool CanRecordChecks => Policy.Checks.Count > 0 && !Case.State.IsClosed && Case.State is not (AwaitingCommitteeDecision or ActivePartnership);

    /// <summary>Each of the guideline's checks with its finding, if one is recorded.</summary>
    public IReadOnlyList<(GuidelineCheck Check, CheckFinding? Finding)> Checks =>
        Policy.Checks.Select(c => (c, GuidelineChecks.Find(Case.State.File, c.Id))).ToList();

    /// <summary>The required checks that still keep the agreement from the committees.</summary>
    public IReadOnlyList<GuidelineCheck> OutstandingChecks => GuidelineChecks.Outstanding(Case.State.File, Policy);

    public Task<IActionResult> OnPostCheckAsync(
        string id, [FromForm] int version, [FromForm] string? check, [FromForm] CheckOutcome? outcome, [FromForm] string? motivation, CancellationToken cancellationToken)
    {
        var anchor = string.IsNullOrEmpty(check) ? "checks" : $"check-{check}";
        return outcome is not { } chosen || !Enum.IsDefined(chosen)
            ? FailAsync(id, anchor, T("Välj om kontrollen är uppfylld eller inte.", "Choose whether the check is fulfilled or not."), cancellationToken)
            : RunAsync(id, new RecordCheck(check ?? "", chosen, motivation, User.ToActor()), version, T("Bedömningen är sparad.", "The finding is saved."), anchor, cancellationToken);
    }
}
