using System.Globalization;
using Iop.Cases;
using Iop.Functions.Security;
using Iop.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>The running partnership's term: extend it, renegotiate the agreement, or let it end.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>
    /// Whether the coordinator has been reminded that the current term ends (a reminder step of this end date was taken),
    /// has not chosen to let it end and no party gave notice: the choice is due.
    /// </summary>
    public bool TermDecisionDue => Case.State is ActivePartnership active && Digest.PartnershipAttention.TermDecisionDue(active);

    public Task<IActionResult> OnPostExtendTermAsync(string id, [FromForm] int version, [FromForm] string? newEnd, [FromForm] string? decision, CancellationToken cancellationToken) =>
        !DateOnly.TryParseExact(newEnd?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            ? FailAsync(id, "term-new-end", T("Ange avtalstidens nya sista dag som ÅÅÅÅ-MM-DD.", "Enter the term's new last day as YYYY-MM-DD."), cancellationToken)
            : RunAsync(id, new ExtendTerm(end, decision, User.ToActor()), version, T("Avtalstiden är förlängd.", "The term is extended."), "term", cancellationToken);

    public Task<IActionResult> OnPostRenegotiateAsync(string id, [FromForm] int version, [FromForm] string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, new RenegotiateAgreement(reason, User.ToActor()), version,
            T("Överenskommelsen är tillbaka i avtalsskrivning. Ändra villkor och avsnitt och skicka den nya versionen till nämnderna.", "The agreement is back in drafting. Change its terms and sections and send the new version to the committees."),
            "term", cancellationToken);

    public Task<IActionResult> OnPostLetTermEndAsync(string id, [FromForm] int version, [FromForm] string? note, CancellationToken cancellationToken) =>
        RunAsync(id, new LetTermEnd(note, User.ToActor()), version, T("Noterat: partnerskapet avslutas när avtalstiden löper ut.", "Recorded: the partnership ends when its term runs out."), "term", cancellationToken);
}
