using System.Globalization;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Security;
using Iop.Partnerships;
using Microsoft.AspNetCore.Mvc;
using Accepted = Iop.Cases.Accepted;

namespace Iop.Functions.Pages.Cases;

/// <summary>Ending a running partnership before its term (notice, rescission) and its disputes up Stockholm's escalation ladder.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>The ending or dispute form that was sent and refused, with what was typed, so the page shows it again.</summary>
    public PostedEnding? PostedEnding { get; private set; }

    /// <summary>Today in Sweden: the latest day a notice, a rescission or a dispute's step can be recorded for.</summary>
    public DateOnly Today => SwedishClock.LocalDate(Now);

    /// <summary>
    /// The day the agreement would end on notice given on <paramref name="givenOn"/>: the guideline's notice months later,
    /// or the term's last day if that comes first (as <see cref="Endings.Decide"/> records it).
    /// </summary>
    public DateOnly NoticeEndsOn(ActivePartnership active, DateOnly givenOn)
    {
        var endsOn = givenOn.AddMonths(Policy.Partnership.NoticeMonths);
        return endsOn < active.Term.End ? endsOn : active.Term.End;
    }

    /// <summary>What the form <paramref name="form"/> had typed in <paramref name="field"/> when it was refused, or null.</summary>
    public string? Typed(string form, string field) => PostedEnding is { } posted && posted.Form == form
        ? field switch { "party" => posted.Party?.ToString(), "date" => posted.Date, _ => posted.Text }
        : null;

    public Task<IActionResult> OnPostGiveNoticeAsync(
        string id, [FromForm] int version, [FromForm] Party? party, [FromForm] string? givenOn, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        PostedEnding = new("notice", party, givenOn, reason);
        return Dated(id, "notice", party, givenOn, (p, day) =>
            RunEndingAsync(id, new GiveNotice(p, day, reason, User.ToActor()), version, "notice", "notice-reason", a =>
            {
                var endsOn = a.Events.OfType<NoticeGiven>().Single().Notice.EndsOn;
                return T($"Uppsägningen är registrerad. Avtalet upphör {Day(endsOn)}.", $"The notice is recorded. The agreement ends {Day(endsOn)}.");
            }, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRescindAsync(
        string id, [FromForm] int version, [FromForm] Party? party, [FromForm] string? on, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        PostedEnding = new("rescind", party, on, reason);
        return Dated(id, "rescind", party, on, (p, day) =>
            RunEndingAsync(id, new RescindAgreement(p, day, reason, User.ToActor()), version, "rescind", "rescind-reason",
                _ => T("Avtalet är hävt och partnerskapet avslutat.", "The agreement is rescinded and the partnership ended."), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRaiseDisputeAsync(
        string id, [FromForm] int version, [FromForm] Party? party, [FromForm] string? on, [FromForm] string? subject, CancellationToken cancellationToken)
    {
        PostedEnding = new("dispute", party, on, subject);
        return Dated(id, "dispute", party, on, (p, day) =>
            RunEndingAsync(id, new RaiseDispute(p, day, subject, User.ToActor()), version, "dispute", "dispute-subject",
                _ => T("Tvisten är registrerad. Den börjar med dialog mellan parternas kontaktpersoner.", "The dispute is recorded. It starts with dialogue between the parties' contact persons."), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostEscalateDisputeAsync(
        string id, [FromForm] int version, [FromForm] string? disputeId, [FromForm] string? on, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        var form = $"escalate-{FormId(disputeId)}";
        PostedEnding = new(form, null, on, reason);
        return !TryParseDay(on, out var day)
            ? FailAsync(id, $"{form}-date", EnterDate, cancellationToken)
            : RunEndingAsync(id, new EscalateDispute(disputeId ?? "", day, reason, User.ToActor()), version, form, $"{form}-reason", a =>
            {
                var to = EndingTexts.LevelName(a.Events.OfType<DisputeEscalated>().Single().To).ToLowerInvariant();
                return T($"Tvisten är förd vidare till {to}.", $"The dispute is taken to {to}.");
            }, cancellationToken);
    }

    public Task<IActionResult> OnPostResolveDisputeAsync(
        string id, [FromForm] int version, [FromForm] string? disputeId, [FromForm] string? on, [FromForm] string? outcome, CancellationToken cancellationToken)
    {
        var form = $"resolve-{FormId(disputeId)}";
        PostedEnding = new(form, null, on, outcome);
        return !TryParseDay(on, out var day)
            ? FailAsync(id, $"{form}-date", EnterDate, cancellationToken)
            : RunEndingAsync(id, new ResolveDispute(disputeId ?? "", day, outcome, User.ToActor()), version, form, $"{form}-outcome",
                _ => T("Tvistens avgörande är registrerat.", "The dispute's outcome is recorded."), cancellationToken);
    }

    /// <summary>A form with a party and a date: both must be given before the command is tried.</summary>
    private Task<IActionResult> Dated(
        string id, string form, Party? party, string? date, Func<Party, DateOnly, Task<IActionResult>> run, CancellationToken cancellationToken) =>
        party is not { } chosen || !Enum.IsDefined(chosen)
            ? FailAsync(id, $"{form}-party", T("Välj vilken part det gäller: kommunen eller organisationen.", "Choose which party it is: the municipality or the organisation."), cancellationToken)
            : !TryParseDay(date, out var day)
                ? FailAsync(id, $"{form}-date", EnterDate, cancellationToken)
                : run(chosen, day);

    /// <summary>Runs the command; a refusal links to the field at fault: the date, the text, or else the section.</summary>
    private async Task<IActionResult> RunEndingAsync(
        string id, CaseCommand command, int version, string form, string textField, Func<Accepted, string> done, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await FailAsync(id, "endings", Unreadable, cancellationToken).ConfigureAwait(false);
        }

        var result = await cases.HandleAsync(caseId, command, version, cancellationToken).ConfigureAwait(false);
        var (message, anchor) = result switch
        {
            Accepted a => (done(a), "endings"),
            Rejected { Error.Rule: EndingRules.DateInvalid or EndingRules.StepBeforePrevious } => ("", $"{form}-date"),
            Rejected { Error.Rule: CaseRules.ReasonRequired or CaseRules.ReasonTooLong } => ("", textField),
            _ => ("", "endings"),
        };
        return await OutcomeAsync(id, result, message, anchor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A dispute's id as the page's form ids carry it; anything else posted for it names no form.</summary>
    private static string FormId(string? disputeId) =>
        disputeId is { Length: > 8 and <= 16 } && disputeId.StartsWith("dispute-", StringComparison.Ordinal) && disputeId[8..].All(char.IsAsciiDigit) ? disputeId : "unknown";

    private static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EnterDate => T("Ange datumet som ÅÅÅÅ-MM-DD.", "Enter the date as YYYY-MM-DD.");
}

/// <summary>An ending or dispute form as it was posted: which form, the party chosen, the date and the text typed.</summary>
internal sealed record PostedEnding(string Form, Party? Party, string? Date, string? Text);
