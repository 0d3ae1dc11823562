using Iop.Common;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Shared.Tests.Policies;

public sealed class WorkingDaysTests
{
    // The official Swedish calendar (helgdagar, lag 1989:253) plus midsommarafton, julafton and nyårsafton, which are
    // de facto days off. Written out by hand, not computed.
    public static TheoryData<int, string[]> OfficialDaysOff => new()
    {
        {
            2026,
            [
                "2026-01-01", // nyårsdagen
                "2026-01-06", // trettondedag jul
                "2026-04-03", // långfredagen
                "2026-04-05", // påskdagen
                "2026-04-06", // annandag påsk
                "2026-05-01", // första maj
                "2026-05-14", // Kristi himmelsfärdsdag
                "2026-05-24", // pingstdagen
                "2026-06-06", // nationaldagen
                "2026-06-19", // midsommarafton (de facto)
                "2026-06-20", // midsommardagen
                "2026-10-31", // alla helgons dag
                "2026-12-24", // julafton (de facto)
                "2026-12-25", // juldagen
                "2026-12-26", // annandag jul
                "2026-12-31", // nyårsafton (de facto)
            ]
        },
        {
            2027,
            [
                "2027-01-01", "2027-01-06", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-16",
                "2027-06-06", "2027-06-25", "2027-06-26", "2027-11-06", "2027-12-24", "2027-12-25", "2027-12-26", "2027-12-31",
            ]
        },
        {
            2028,
            [
                "2028-01-01", "2028-01-06", "2028-04-14", "2028-04-16", "2028-04-17", "2028-05-01", "2028-05-25", "2028-06-04",
                "2028-06-06", "2028-06-23", "2028-06-24", "2028-11-04", "2028-12-24", "2028-12-25", "2028-12-26", "2028-12-31",
            ]
        },
    };

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static ReminderCadence Working(int dueDays = 10, int firstBefore = 3, int repeat = 7, int escalate = 7) =>
        new(ScreeningDueDays: 10, DueDays: dueDays, FirstReminderDaysBeforeDue: firstBefore, RemindOnDueDate: true, RepeatEveryDaysOverdue: repeat, EscalateAfterDaysOverdue: escalate, DayCount: ReminderCadence.WorkingDays);

    [Theory]
    [MemberData(nameof(OfficialDaysOff))]
    public void The_days_off_are_those_of_the_official_Swedish_calendar(int year, string[] official)
    {
        Assert.Equal(official.Select(D).Order(), SwedishWorkingDays.HolidaysIn(year).Order());

        var weekdaysOff = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(i => new DateOnly(year, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !SwedishWorkingDays.IsWorkingDay(d));
        Assert.Equal(official.Select(D).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Order(), weekdaysOff);
    }

    [Theory]
    [InlineData("2026-03-02", 10, "2026-03-16")] // an ordinary fortnight: Monday to Monday
    [InlineData("2026-04-02", 1, "2026-04-07")] // skärtorsdag: over långfredagen, the Easter weekend and annandag påsk
    [InlineData("2026-04-01", 2, "2026-04-07")]
    [InlineData("2026-03-30", 10, "2026-04-15")]
    [InlineData("2026-06-18", 1, "2026-06-22")] // over midsommarafton and the midsummer weekend
    [InlineData("2026-06-17", 3, "2026-06-23")]
    [InlineData("2026-12-23", 1, "2026-12-28")] // over julafton, juldagen and the weekend with annandag jul
    [InlineData("2026-12-23", 4, "2027-01-04")] // and over nyårsafton and nyårsdagen
    [InlineData("2027-01-04", 2, "2027-01-07")] // and over trettondedag jul
    [InlineData("2026-12-24", 0, "2026-12-28")] // zero days from a day off is the next working day
    public void Working_days_skip_weekends_holidays_and_eves(string from, int days, string expected) =>
        Assert.Equal(D(expected), SwedishWorkingDays.AddWorkingDays(D(from), days));

    [Theory]
    [InlineData("2026-04-03", "2026-04-07")]
    [InlineData("2026-06-19", "2026-06-22")]
    [InlineData("2026-12-31", "2027-01-04")]
    [InlineData("2026-03-04", "2026-03-04")]
    public void A_day_off_moves_to_the_next_working_day(string day, string expected) =>
        Assert.Equal(D(expected), SwedishWorkingDays.NextWorkingDay(D(day)));

    [Fact]
    public void A_due_date_in_working_days_is_the_end_of_that_working_day_in_Sweden()
    {
        var cadence = Working(dueDays: 10);

        // Monday 2 March 2026, 09:00 in Sweden; ten working days later is Monday 16 March, 23:59 (CET, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 23, 59, 0, TimeSpan.FromHours(1)), cadence.DueAfter(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));

        // 21:30 UTC on Thursday 18 June is 23:30 that day in Sweden; counting skips midsommarafton and the weekend.
        Assert.Equal(new DateTimeOffset(2026, 7, 3, 23, 59, 0, TimeSpan.FromHours(2)), cadence.ScreeningDueAfter(new DateTimeOffset(2026, 6, 18, 21, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Calendar_days_keep_the_clock_time_of_the_request()
    {
        var cadence = Working() with { DayCount = ReminderCadence.CalendarDays };
        var now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddDays(10), cadence.DueAfter(now));
    }

    [Fact]
    public void A_reminder_cadence_in_working_days_lands_on_the_Monday_after_the_midsummer_weekend()
    {
        // Asked on Thursday 4 June 2026: ten working days (over nationaldagen, a Saturday) is Thursday 18 June.
        var cadence = Working(dueDays: 10, firstBefore: 3, repeat: 1, escalate: 2);
        var due = cadence.DueAfter(new DateTimeOffset(2026, 6, 4, 10, 0, 0, TimeSpan.FromHours(2)));
        Assert.Equal(new DateTimeOffset(2026, 6, 18, 23, 59, 0, TimeSpan.FromHours(2)), due);

        var steps = ReminderSchedule.StepsFor("statutes", due, cadence, new DateTimeOffset(2026, 6, 24, 0, 0, 0, TimeSpan.FromHours(2)))
            .ToDictionary(s => s.Key.Split('|')[^1], s => s.At);

        Assert.Equal(new DateTimeOffset(2026, 6, 15, 23, 59, 0, TimeSpan.FromHours(2)), steps["before3"]);
        Assert.Equal(due, steps["due"]);
        var monday = new DateTimeOffset(2026, 6, 22, 23, 59, 0, TimeSpan.FromHours(2));
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        Assert.Equal(monday, steps["after1"]); // midsommarafton
        Assert.Equal(monday, steps["escalate"]); // midsommardagen
        Assert.False(steps.ContainsKey("after2")); // Sunday 21 June: already reminded on the Monday
        Assert.False(steps.ContainsKey("after3"));
        Assert.Equal(new DateTimeOffset(2026, 6, 23, 23, 59, 0, TimeSpan.FromHours(2)), steps["after5"]);
    }

    [Fact]
    public void A_reminder_before_the_due_date_that_falls_on_a_day_off_comes_earlier_not_later()
    {
        // Due Tuesday 7 April 2026, after Easter: three days before is Easter Saturday, so the reminder comes on Thursday.
        var due = new DateTimeOffset(2026, 4, 7, 23, 59, 0, TimeSpan.FromHours(2));
        var before = ReminderSchedule.StepsFor("statutes", due, Working(), due).First();

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 23, 59, 0, TimeSpan.FromHours(2)), before.At);
    }
}
