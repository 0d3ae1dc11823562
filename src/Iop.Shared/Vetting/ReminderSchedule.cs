using System.Globalization;
using Iop.Policies;

namespace Iop.Vetting;

/// <summary>
/// The guideline's reminder cadence as steps in time: a reminder some days before the due date, one on it, then at a
/// fixed interval while overdue; the coordinator is told once when an item is overdue by the escalation limit.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The steps for one outstanding item up to <paramref name="until"/>.</summary>
    public static IEnumerable<ReminderStep> StepsFor(string item, DateTimeOffset dueAt, ReminderCadence cadence, DateTimeOffset until)
    {
        var due = dueAt.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
        ReminderStep Step(string kind, DateTimeOffset at, bool escalation = false) => new($"{item}|{due}|{kind}", item, at, escalation);

        if (cadence.FirstReminderDaysBeforeDue > 0)
        {
            yield return Step($"before{cadence.FirstReminderDaysBeforeDue}", dueAt.AddDays(-cadence.FirstReminderDaysBeforeDue));
        }

        if (cadence.RemindOnDueDate)
        {
            yield return Step("due", dueAt);
        }

        yield return Step("escalate", dueAt.AddDays(cadence.EscalateAfterDaysOverdue), escalation: true);
        for (var days = cadence.RepeatEveryDaysOverdue; dueAt.AddDays(days - cadence.RepeatEveryDaysOverdue) <= until; days += cadence.RepeatEveryDaysOverdue)
        {
            yield return Step($"after{days}", dueAt.AddDays(days));
        }
    }

    /// <summary>The steps that have fallen due by <paramref name="now"/> and not been taken.</summary>
    public static IReadOnlyList<ReminderStep> Due(Vetting vetting, ReminderCadence cadence, DateTimeOffset now) =>
        [.. vetting.Outstanding()
            .SelectMany(o => StepsFor(o.Item, o.DueAt, cadence, now))
            .Where(s => s.At <= now && !vetting.StepsTaken.Contains(s.Key))];
}
