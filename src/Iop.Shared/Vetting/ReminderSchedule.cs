using System.Globalization;
using Iop.Policies;

namespace Iop.Vetting;

/// <summary>
/// The guideline's reminder cadence as steps in time: a reminder some days before the due date, one on it, then at a
/// fixed interval while overdue; the coordinator is told once when an item is overdue by the escalation limit. Under
/// working days (<see cref="ReminderCadence.WorkingDays"/>) a step that falls on a day off moves to a working day.
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
            yield return Step($"before{cadence.FirstReminderDaysBeforeDue}", cadence.StepAt(dueAt, -cadence.FirstReminderDaysBeforeDue));
        }

        if (cadence.RemindOnDueDate)
        {
            yield return Step("due", cadence.StepAt(dueAt, 0));
        }

        yield return Step("escalate", cadence.StepAt(dueAt, cadence.EscalateAfterDaysOverdue), escalation: true);
        DateTimeOffset? previous = null;
        for (var days = cadence.RepeatEveryDaysOverdue; dueAt.AddDays(days - cadence.RepeatEveryDaysOverdue) <= until; days += cadence.RepeatEveryDaysOverdue)
        {
            // Under working days a short interval can move several steps onto the same working day: remind once.
            var at = cadence.StepAt(dueAt, days);
            if (at != previous)
            {
                yield return Step($"after{days}", at);
            }

            previous = at;
        }
    }

    /// <summary>The steps that have fallen due by <paramref name="now"/> and not been taken.</summary>
    public static IReadOnlyList<ReminderStep> Due(Vetting vetting, ReminderCadence cadence, DateTimeOffset now) =>
        [.. vetting.Outstanding()
            .SelectMany(o => StepsFor(o.Item, o.DueAt, cadence, now))
            .Where(s => s.At <= now && !vetting.StepsTaken.Contains(s.Key))];
}
