using System.Globalization;
using Iop.Common;

namespace Iop.Functions.Localization;

/// <summary>Times as people in the municipality read them: Swedish local time, never UTC.</summary>
internal static class SwedishTime
{
    public static TimeZoneInfo Zone => SwedishClock.Zone;

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => SwedishClock.ToLocal(instant);

    /// <summary>E.g. "22 november 2026 kl. 14:05".</summary>
    public static string Format(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return Language.IsEnglish
            ? local.ToString("d MMMM yyyy 'at' HH:mm", Language.English)
            : local.ToString("d MMMM yyyy 'kl.' HH:mm", Language.Swedish);
    }

    /// <summary>E.g. "22 november 2026" (or "22 November 2026" in English): a due date, whose clock time means nothing to people.</summary>
    public static string FormatDay(DateTimeOffset instant) =>
        ToLocal(instant).ToString("d MMMM yyyy", Language.IsEnglish ? Language.English : Language.Swedish);

    /// <summary>E.g. "22 november 2026", always in Swedish (for mail, which is written in Swedish).</summary>
    public static string FormatDateLong(DateTimeOffset instant) => ToLocal(instant).ToString("d MMMM yyyy", Language.Swedish);

    /// <summary>E.g. "2026-11-22" (ISO dates are the Swedish convention).</summary>
    public static string FormatDate(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A guideline's day of the year written <c>MM-dd</c> as people say it: "15 januari" (or "15 January").</summary>
    public static string FormatMonthDay(string monthDay) =>
        Iop.Policies.PartnershipRule.DayIn(monthDay, 2001) is { } day
            ? day.ToString("d MMMM", Language.IsEnglish ? Language.English : Language.Swedish)
            : monthDay;

    /// <summary>E.g. "14:05".</summary>
    public static string FormatClock(DateTimeOffset instant) => ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant of a Swedish local date and time (as typed into a form), whatever the server's zone.</summary>
    public static DateTimeOffset FromLocal(DateTime local) => SwedishClock.FromLocal(local);

    /// <summary>A due date as people mean it: the end of that day in Sweden (23:59).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => SwedishClock.EndOfDay(date);

    /// <summary>The Swedish local date of an instant.</summary>
    public static DateOnly Today(DateTimeOffset now) => SwedishClock.LocalDate(now);
}
