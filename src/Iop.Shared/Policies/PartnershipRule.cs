using System.Globalization;

namespace Iop.Policies;

/// <summary>
/// How the guideline follows a running partnership (stages 12–13): reminders before its term ends, extension, the
/// follow-up dialogues' cadence, the organisation's yearly report, and the notice period.
/// </summary>
public sealed record PartnershipRule
{
    /// <summary>The rule where the guideline says nothing (see each property's default).</summary>
    public static PartnershipRule Default { get; } = new();

    /// <summary>How many months before the term ends the coordinator is reminded to choose (extend, renegotiate or let it end).</summary>
    public IReadOnlyList<int> TermRemindersMonthsBefore { get; init; } = [6, 3];

    /// <summary>Whether extending the term needs the committees' decision, recorded with the extension.</summary>
    public bool ExtensionNeedsDecision { get; init; } = true;

    /// <summary>How often the parties hold a follow-up dialogue, in months from the term's start (default yearly).</summary>
    public int FollowUpEveryMonths { get; init; } = 12;

    /// <summary>
    /// The day (<c>MM-dd</c>) of the following year on which the organisation is asked for its report on a year, moved to
    /// the next Swedish working day (default 15 January).
    /// </summary>
    public string YearlyReportRequestedOn { get; init; } = "01-15";

    /// <summary>
    /// The day (<c>MM-dd</c>) of the following year by which the report is due (default 31 March: after the annual
    /// meeting most associations hold in February or March, with closed accounts).
    /// </summary>
    public string YearlyReportDueOn { get; init; } = "03-31";

    /// <summary>The notice period (uppsägningstid) in months for ending the agreement before its term ends.</summary>
    public int NoticeMonths { get; init; } = 3;

    /// <summary>The day <c>MM-dd</c> in <paramref name="year"/> (29 February is 28 February in other years); null when malformed.</summary>
    public static DateOnly? DayIn(string monthDay, int year)
    {
        if (monthDay is not { Length: 5 } || monthDay[2] != '-'
            || !int.TryParse(monthDay.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(monthDay.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12 || day < 1 || day > (month == 2 ? 29 : DateTime.DaysInMonth(2001, month)))
        {
            return null;
        }

        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }
}
