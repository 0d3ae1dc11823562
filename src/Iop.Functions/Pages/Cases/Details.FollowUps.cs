using System.Globalization;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Security;
using Iop.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>What the coordinator typed into the follow-up record form: kept when the form is refused, so nothing typed is lost.</summary>
public sealed record FollowUpInput(
    string? HeldOn, string? MeetingId, string? Done, string? Changes, string? MunicipalityAssessment, string? OrganisationAssessment, IReadOnlyList<ContributionInput> Contributions);

/// <summary>One contribution row as typed: party, year, kronor and what is given in kind.</summary>
public sealed record ContributionInput(string? Party, string? Year, string? Amount, string? InKind);

/// <summary>The running partnership's follow-up dialogues and the organisation's yearly reports.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>The follow-up form's values after a refusal; null on a fresh page.</summary>
    public FollowUpInput? PostedFollowUp { get; private set; }

    /// <summary>The years a follow-up record asks contributions for: the current and the previous year of the term.</summary>
    public IReadOnlyList<int> ContributionYears(PartnershipTerm term)
    {
        var year = Math.Min(SwedishClock.LocalDate(Now).Year, term.End.Year);
        return [.. new[] { year - 1, year }.Where(y => y >= term.Start.Year)];
    }

    public Task<IActionResult> OnPostRecordFollowUpAsync(
        string id, [FromForm] int version, [FromForm] string? heldOn, [FromForm] string? meetingId, [FromForm] string? done, [FromForm] string? changes,
        [FromForm] string? municipalityAssessment, [FromForm] string? organisationAssessment,
        [FromForm] string?[]? party, [FromForm] string?[]? year, [FromForm] string?[]? amount, [FromForm] string?[]? inKind, CancellationToken cancellationToken)
    {
        var typed = new List<ContributionInput>();
        for (var i = 0; i < Math.Min(party?.Length ?? 0, 20); i++)
        {
            typed.Add(new ContributionInput(party![i], At(year, i), At(amount, i), At(inKind, i)));
        }

        PostedFollowUp = new FollowUpInput(heldOn, meetingId, done, changes, municipalityAssessment, organisationAssessment, typed);
        if (!DateOnly.TryParseExact(heldOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var held))
        {
            return FailAsync(id, "follow-up-held-on", T("Ange dialogens datum som ÅÅÅÅ-MM-DD.", "Enter the dialogue's date as YYYY-MM-DD."), cancellationToken);
        }

        if (!TryContributions(typed, out var contributions, out var row))
        {
            return FailAsync(id, "follow-up-contributions", T($"Rad {row} i bidragen: ange belopp i kronor med siffror.", $"Contribution row {row}: enter the amount in kronor, in digits."), cancellationToken);
        }

        var command = new RecordFollowUp(held, string.IsNullOrWhiteSpace(meetingId) ? null : meetingId, done, contributions, changes, municipalityAssessment, organisationAssessment, User.ToActor());
        return RunAsync(id, command, version, T("Uppföljningsdialogen är dokumenterad.", "The follow-up dialogue is recorded."), "follow-ups", cancellationToken);
    }

    public Task<IActionResult> OnPostRequestReportAsync(string id, [FromForm] int version, [FromForm] int? year, [FromForm] string? dueOn, CancellationToken cancellationToken) =>
        year is null || !DateOnly.TryParseExact(dueOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? FailAsync(id, "report-due", T("Välj år och ange sista dag som ÅÅÅÅ-MM-DD.", "Choose the year and enter the due date as YYYY-MM-DD."), cancellationToken)
            : RunAsync(id, new RequestYearlyReport(year.Value, due, User.ToActor()), version,
                T($"Organisationen har fått en länk till årsrapporten för {year}.", $"The organisation has been sent a link to the yearly report for {year}."), "yearly-reports", cancellationToken);

    /// <summary>Contribution rows with something typed, as kronor; <paramref name="row"/> names the first unreadable one (1-based).</summary>
    internal static bool TryContributions(IReadOnlyList<ContributionInput> typed, out ValueList<CoFinancing> contributions, out int row)
    {
        var rows = new List<CoFinancing>();
        contributions = ValueList<CoFinancing>.Empty;
        for (var i = 0; i < typed.Count; i++)
        {
            row = i + 1;
            var amount = typed[i].Amount?.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(amount) && string.IsNullOrWhiteSpace(typed[i].InKind))
            {
                continue;
            }

            if (!decimal.TryParse(string.IsNullOrEmpty(amount) ? "0" : amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var sum)
                || !Enum.TryParse<Party>(typed[i].Party, out var who) || !Enum.IsDefined(who)
                || !int.TryParse(typed[i].Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return false;
            }

            rows.Add(new CoFinancing(who, year, sum, string.IsNullOrWhiteSpace(typed[i].InKind) ? null : typed[i].InKind));
        }

        row = 0;
        contributions = rows.ToValueList();
        return true;
    }
}
