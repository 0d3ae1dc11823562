using System.Globalization;
using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Functions.Portal;
using Iop.Functions.Security;
using Iop.Vetting;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>The coordinator's partner-vetting actions on the case page.</summary>
internal sealed partial class DetailsModel
{
    public Task<IActionResult> OnPostStartVettingAsync(string id, [FromForm] int version, CancellationToken cancellationToken) =>
        RunAsync(id, new StartPartnerVetting(PortalTokens.NewTokenId(), LinkExpiry(), User.ToActor()), version,
            T("Kontrollen har startat. Organisationen har fått en länk till sin sida.", "Vetting has started. The organisation has been sent a link to its page."), cancellationToken);

    public Task<IActionResult> OnPostNewLinkAsync(string id, [FromForm] int version, CancellationToken cancellationToken) =>
        RunAsync(id, new IssuePortalLink(PortalTokens.NewTokenId(), LinkExpiry(), User.ToActor()), version,
            T("En ny länk har skickats. Den gamla fungerar inte längre.", "A new link has been sent. The old one no longer works."), cancellationToken);

    public Task<IActionResult> OnPostReviewAsync(
        string id, [FromForm] int version, [FromForm] string document, [FromForm] string? decision, [FromForm] string? comment, [FromForm] string? dueDate, CancellationToken cancellationToken)
    {
        if (decision is not ("accept" or "complete"))
        {
            return FailAsync(id, "vetting", T("Välj om dokumentet godkänns eller behöver kompletteras.", "Choose whether the document is accepted or needs completion."), cancellationToken);
        }

        if (!TryParseDate(dueDate, out var due))
        {
            return FailAsync(id, "vetting", T("Skriv datumet som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."), cancellationToken);
        }

        var command = new ReviewDocument(document, decision == "accept", comment, due, User.ToActor());
        var done = decision == "accept"
            ? T("Dokumentet är godkänt.", "The document is accepted.")
            : T("Organisationen har fått besked om kompletteringen.", "The organisation has been told what to complete.");
        return RunAsync(id, command, version, done, cancellationToken);
    }

    public Task<IActionResult> OnPostDueDateAsync(string id, [FromForm] int version, [FromForm] string document, [FromForm] string? dueDate, CancellationToken cancellationToken) =>
        !TryParseDate(dueDate, out var due) || due is null
            ? FailAsync(id, "vetting", T("Skriv datumet som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."), cancellationToken)
            : RunAsync(id, new ChangeDueDate(document, due.Value, User.ToActor()), version, T("Datumet är ändrat.", "The date is changed."), cancellationToken);

    private DateTimeOffset LinkExpiry() => time.GetUtcNow().AddDays(portal.Value.LinkLifetimeDays);

    private Task<IActionResult> RunAsync(string id, CaseCommand command, int version, string done, CancellationToken cancellationToken) =>
        RunAsync(id, command, version, done, "vetting", cancellationToken);

    private async Task<IActionResult> RunAsync(string id, CaseCommand command, int version, string done, string anchor, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await FailAsync(id, anchor, Unreadable, cancellationToken).ConfigureAwait(false);
        }

        var result = await cases.HandleAsync(caseId, command, version, cancellationToken).ConfigureAwait(false);
        return await OutcomeAsync(id, result, done, anchor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> FailAsync(string id, string anchor, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        return Problem([(anchor, message)], StatusCodes.Status400BadRequest);
    }

    /// <summary>A date the coordinator types means the end of that day in Sweden.</summary>
    private static bool TryParseDate(string? text, out DateTimeOffset? due)
    {
        due = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        due = SwedishTime.EndOfDay(date);
        return true;
    }
}
