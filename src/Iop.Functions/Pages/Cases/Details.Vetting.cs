using System.Globalization;
using Iop.Cases;
using Iop.Common;
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

    /// <summary>What the coordinator chose for each submitted document, kept to show again when the form is refused.</summary>
    [BindProperty(Name = "reviews")]
    public List<ReviewInput> Reviews { get; set; } = [];

    /// <summary>
    /// Reviews every submitted document in one form: each accepted, sent back for completion with a comment, or left for
    /// later. All are taken or none: a comment missing for one document refuses the form and keeps what was written.
    /// </summary>
    public async Task<IActionResult> OnPostReviewAllAsync(string id, [FromForm] int version, [FromForm] bool acceptAll, CancellationToken cancellationToken)
    {
        var chosen = Reviews.Where(r => acceptAll || r.Decision is "accept" or "complete").ToList();
        var errors = new List<(string Field, string Message)>();
        if (Reviews.Any(r => r.Decision is not (null or "" or "later" or "accept" or "complete") || string.IsNullOrEmpty(r.Document)))
        {
            errors.Add(("batch-review", Unreadable));
        }
        else if (chosen.Count == 0)
        {
            errors.Add(("batch-review", T("Välj Godkänn eller Behöver kompletteras för minst ett dokument.", "Choose Accept or Needs completion for at least one document.")));
        }

        var reviews = new List<DocumentReview>();
        foreach (var review in chosen)
        {
            var accept = acceptAll || review.Decision == "accept";
            var name = Policy.Documents.FirstOrDefault(d => d.Id == review.Document)?.Name.In(Language.Code) ?? review.Document;
            if (!accept && string.IsNullOrWhiteSpace(review.Comment))
            {
                errors.Add(($"batch-comment-{review.Document}", T($"Skriv vad som behöver kompletteras i {name}.", $"Write what needs completing in {name}.")));
            }

            if (!TryParseDate(accept ? null : review.DueDate, out var due))
            {
                errors.Add(($"batch-due-{review.Document}", T($"Skriv datumet för {name} som ÅÅÅÅ-MM-DD.", $"Write the date for {name} as YYYY-MM-DD.")));
            }

            reviews.Add(new DocumentReview(review.Document!, accept, accept ? null : review.Comment, due));
        }

        if (errors.Count > 0)
        {
            return !await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? NotFound() : Problem(errors, StatusCodes.Status400BadRequest);
        }

        var accepted = reviews.Count(r => r.Accept);
        var done = (accepted, reviews.Count - accepted) switch
        {
            (_, 0) => T($"{accepted} dokument är godkända.", $"{accepted} documents are accepted."),
            (0, var sent) => T($"Organisationen har fått besked om vad som ska kompletteras i {sent} dokument.", $"The organisation has been told what to complete in {sent} documents."),
            (_, var sent) => T($"{accepted} dokument är godkända; organisationen har fått besked om kompletteringen av {sent}.", $"{accepted} documents are accepted; the organisation has been told what to complete in {sent}."),
        };
        return await RunAsync(id, new ReviewDocuments(reviews.ToValueList(), User.ToActor()), version, done, cancellationToken).ConfigureAwait(false);
    }

    public Task<IActionResult> OnPostDueDateAsync(string id, [FromForm] int version, [FromForm] string document, [FromForm] string? dueDate, CancellationToken cancellationToken) =>
        !TryParseDate(dueDate, out var due) || due is null
            ? FailAsync(id, "vetting", T("Skriv datumet som ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."), cancellationToken)
            : RunAsync(id, new ChangeDueDate(document, due.Value, User.ToActor()), version, T("Datumet är ändrat.", "The date is changed."), cancellationToken);

    /// <summary>One row of the review form.</summary>
    public sealed class ReviewInput
    {
        public string? Document { get; set; }

        /// <summary>accept, complete, or later (the default: not reviewed now).</summary>
        public string? Decision { get; set; }

        public string? Comment { get; set; }

        public string? DueDate { get; set; }
    }

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
