using System.Collections.Concurrent;
using PublicHoliday;

namespace Iop.Common;

/// <summary>
/// Swedish working days (arbetsdagar): Monday to Friday except public holidays (helgdagar) and the eves that are de
/// facto days off. The holidays come from the maintained <c>PublicHoliday</c> library, whose Swedish calendar already
/// lists midsommarafton, julafton and nyårsafton, so nothing is added to it here.
/// </summary>
public static class SwedishWorkingDays
{
    private static readonly SwedenPublicHoliday Holidays = new();
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> DaysOffByYear = new();

    /// <summary>Whether <paramref name="date"/> is a working day: not a weekend, holiday or de facto day off.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !HolidaysIn(date.Year).Contains(date);

    /// <summary>The holidays and de facto days off of a year, whatever weekday they fall on.</summary>
    public static IReadOnlySet<DateOnly> HolidaysIn(int year) =>
        DaysOffByYear.GetOrAdd(year, y => [.. Holidays.PublicHolidays(y).Select(DateOnly.FromDateTime)]);

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the first working day after it.</summary>
    public static DateOnly NextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the last working day before it.</summary>
    public static DateOnly PreviousWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// The working day <paramref name="days"/> working days after <paramref name="date"/> (which is not counted):
    /// 10 arbetsdagar from a Monday without holidays is the Monday two weeks later.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var result = date;
        for (var counted = 0; counted < days;)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(result))
            {
                counted++;
            }
        }

        return NextWorkingDay(result);
    }

    /// <summary>The Swedish local date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => SwedishClock.LocalDate(instant);

    /// <summary>A due date as people mean it: the end of that day in Sweden (23:59).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => SwedishClock.EndOfDay(date);

    /// <summary>
    /// The instant <paramref name="days"/> calendar days after <paramref name="instant"/> (before it if negative) at the
    /// same Swedish clock time, on a working day: a day off moves on to the next working day, or, going back, to the
    /// previous one, so that a reminder before a due date still comes before it.
    /// </summary>
    public static DateTimeOffset AddDaysOntoWorkingDay(DateTimeOffset instant, int days)
    {
        var local = SwedishClock.ToLocal(instant).DateTime.AddDays(days);
        var day = DateOnly.FromDateTime(local);
        var date = days < 0 ? PreviousWorkingDay(day) : NextWorkingDay(day);
        return SwedishClock.FromLocal(date.ToDateTime(TimeOnly.FromDateTime(local)));
    }
}
