namespace Iop.Common;

/// <summary>Sweden's clock (Europe/Stockholm, summer time included): the local dates and times people mean.</summary>
public static class SwedishClock
{
    /// <summary>Europe/Stockholm.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The instant as Swedish local time.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant of a Swedish local date and time (as typed into a form), whatever the server's zone.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>A due date as people mean it: the end of that day in Sweden (23:59).</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => FromLocal(date.ToDateTime(new TimeOnly(23, 59)));

    /// <summary>The Swedish local date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);
}
