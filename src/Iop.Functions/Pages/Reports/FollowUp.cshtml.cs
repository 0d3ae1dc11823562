using System.Globalization;
using Iop.Common;
using Iop.Functions.Export;
using Iop.Functions.Reports;
using Iop.Functions.Security;
using Iop.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Pages.Reports;

/// <summary>
/// The yearly follow-up (Mora: <i>Uppföljning</i>): one year's initiatives, decisions, partnerships, lead times,
/// co-financing and committees, counted from the cases' histories; as a page, a CSV or a workbook.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
internal sealed class FollowUpModel(FollowUpReports reports, TimeProvider time) : PageModel
{
    public int Year { get; private set; }

    /// <summary>The latest year a report is made for: next year (a report of what is planned is empty, not an error).</summary>
    public int LastYear { get; private set; }

    /// <summary>Why there is no report (a year that is no number or out of range), shown with a 400 or 404.</summary>
    public string? Problem { get; private set; }

    public FollowUpReport Report { get; private set; } = null!;

    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

    /// <summary>The table with the id <paramref name="id"/>.</summary>
    public ReportTable Table(string id) => Tables.Single(t => t.Id == id);

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken).ConfigureAwait(false) ?? Page();

    /// <summary>Every table in one CSV for Excel in Swedish.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken).ConfigureAwait(false) ?? File(FollowUpExport.Csv(Tables), Spreadsheets.CsvContentType, FileName("csv"));

    /// <summary>One worksheet per table.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken).ConfigureAwait(false) ?? File(FollowUpExport.Xlsx(Tables, Year, time.GetUtcNow()), Spreadsheets.XlsxContentType, FileName("xlsx"));

    /// <summary>The address of a year's page (or its export).</summary>
    public static string Link(int year, string? handler = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/uppfoljning/{year}") + (handler is null ? "" : $"?handler={handler}");

    /// <summary>Reads the year's figures; returns the error page when the year is no year to report on.</summary>
    private async Task<IActionResult?> LoadAsync(string? year, CancellationToken cancellationToken)
    {
        var thisYear = SwedishClock.LocalDate(time.GetUtcNow()).Year;
        LastYear = thisYear + 1;
        if (year is null)
        {
            Year = thisYear;
        }
        else if (year.Length == 0 || !year.All(char.IsAsciiDigit))
        {
            return Refuse(StatusCodes.Status400BadRequest, T(
                $"Året ska skrivas med siffror, till exempel {Link(thisYear)}.",
                $"The year is written in digits, for example {Link(thisYear)}."));
        }
        else if (year.Length > 4 || int.Parse(year, CultureInfo.InvariantCulture) is < YearlyFollowUp.FirstYear || int.Parse(year, CultureInfo.InvariantCulture) > LastYear)
        {
            return Refuse(StatusCodes.Status404NotFound, T(
                $"Det finns ingen uppföljning för det året. Välj ett år från {YearlyFollowUp.FirstYear} till {LastYear}.",
                $"There is no follow-up for that year. Choose a year from {YearlyFollowUp.FirstYear} to {LastYear}."));
        }
        else
        {
            Year = int.Parse(year, CultureInfo.InvariantCulture);
        }

        Report = await reports.ForYearAsync(Year, cancellationToken).ConfigureAwait(false);
        Tables = FollowUpTables.Tables(Report);
        return null;
    }

    private PageResult Refuse(int status, string problem)
    {
        Response.StatusCode = status;
        Problem = problem;
        return Page();
    }

    private string FileName(string extension) => string.Create(CultureInfo.InvariantCulture, $"iop-uppfoljning-{Year}.{extension}");
}
