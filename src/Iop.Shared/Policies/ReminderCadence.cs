namespace Iop.Policies;

/// <summary>When open requests fall due, when the recipient is reminded, and when the coordinator hears of it.</summary>
/// <param name="ScreeningDueDays">Days from intake within which the coordinator should have screened an initiative.</param>
/// <param name="DueDays">Days from the request to its due date.</param>
/// <param name="FirstReminderDaysBeforeDue">Days before the due date of the first reminder.</param>
/// <param name="RemindOnDueDate">Whether a reminder goes out on the due date.</param>
/// <param name="RepeatEveryDaysOverdue">Interval of reminders after the due date.</param>
/// <param name="EscalateAfterDaysOverdue">Days overdue after which the coordinator is notified.</param>
public sealed record ReminderCadence(
    int ScreeningDueDays,
    int DueDays,
    int FirstReminderDaysBeforeDue,
    bool RemindOnDueDate,
    int RepeatEveryDaysOverdue,
    int EscalateAfterDaysOverdue);
