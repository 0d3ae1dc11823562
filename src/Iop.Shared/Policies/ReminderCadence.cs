using Iop.Common;

namespace Iop.Policies;

/// <summary>When open requests fall due, when the recipient is reminded, and when the coordinator hears of it.</summary>
/// <param name="ScreeningDueDays">Days from intake within which the coordinator should have screened an initiative.</param>
/// <param name="DueDays">Days from the request to its due date.</param>
/// <param name="FirstReminderDaysBeforeDue">Days before the due date of the first reminder.</param>
/// <param name="RemindOnDueDate">Whether a reminder goes out on the due date.</param>
/// <param name="RepeatEveryDaysOverdue">Interval of reminders after the due date.</param>
/// <param name="EscalateAfterDaysOverdue">Days overdue after which the coordinator is notified.</param>
/// <param name="DayCount">
/// How the guideline counts <paramref name="ScreeningDueDays"/> and <paramref name="DueDays"/>: <see cref="CalendarDays"/>
/// (the default) or <see cref="WorkingDays"/> ("10 arbetsdagar").
/// </param>
public sealed record ReminderCadence(
    int ScreeningDueDays,
    int DueDays,
    int FirstReminderDaysBeforeDue,
    bool RemindOnDueDate,
    int RepeatEveryDaysOverdue,
    int EscalateAfterDaysOverdue,
    string DayCount = ReminderCadence.CalendarDays)
{
    /// <summary>Days are calendar days (kalenderdagar); due dates keep the clock time they were counted from.</summary>
    public const string CalendarDays = "calendar";

    /// <summary>
    /// Days are Swedish working days (arbetsdagar): a due date is the end of that working day in Sweden, and reminder
    /// steps that fall on a day off move to the next working day.
    /// </summary>
    public const string WorkingDays = "working";

    /// <summary>The due date of a request made at <paramref name="requestedAt"/>.</summary>
    public DateTimeOffset DueAfter(DateTimeOffset requestedAt) => Count(requestedAt, DueDays);

    /// <summary>The date by which an initiative received at <paramref name="receivedAt"/> should have been screened.</summary>
    public DateTimeOffset ScreeningDueAfter(DateTimeOffset receivedAt) => Count(receivedAt, ScreeningDueDays);

    /// <summary>
    /// A reminder step <paramref name="days"/> calendar days from <paramref name="dueAt"/> (negative: before it). Under
    /// <see cref="WorkingDays"/> a step after the due date that falls on a day off moves to the next working day, and one
    /// before it to the previous working day (moving it on could put it on the due date itself).
    /// </summary>
    public DateTimeOffset StepAt(DateTimeOffset dueAt, int days) =>
        DayCount == WorkingDays ? SwedishWorkingDays.AddDaysOntoWorkingDay(dueAt, days) : dueAt.AddDays(days);

    private DateTimeOffset Count(DateTimeOffset from, int days) => DayCount == WorkingDays
        ? SwedishWorkingDays.EndOfDay(SwedishWorkingDays.AddWorkingDays(SwedishWorkingDays.LocalDate(from), days))
        : from.AddDays(days);
}
