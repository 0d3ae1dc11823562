using Iop.Cases;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

public sealed class CaseSummaryTests
{
    private static CaseSummary Summary(string name, int receivedDaysAgo, int? dueInDays) => new(
        CaseId.New(), Number, name, Stage.Received, Now.AddDays(-receivedDaysAgo), Now, dueInDays is { } d ? Now.AddDays(d) : null, 1);

    [Fact]
    public void The_work_order_puts_the_most_overdue_first_then_the_soonest_due_then_the_newest()
    {
        CaseSummary[] cases =
        [
            Summary("due later", 1, 10),
            Summary("no deadline, old", 30, null),
            Summary("overdue a little", 15, -1),
            Summary("no deadline, new", 2, null),
            Summary("overdue a lot", 40, -20),
            Summary("due soon", 12, 2),
        ];

        var ordered = CaseSummary.InWorkOrder(cases, Now).Select(c => c.OrganisationName);

        Assert.Equal(["overdue a lot", "overdue a little", "due soon", "due later", "no deadline, new", "no deadline, old"], ordered);
    }

    [Fact]
    public void A_case_waiting_for_screening_is_due_within_the_guidelines_days()
    {
        var received = (RegisteredCase)CaseDecider.Replay([Submitted]);

        var summary = CaseSummary.Of(received, 1, Now, Policy);

        Assert.Equal(Now.AddDays(Policy.Reminders.ScreeningDueDays), summary.DueAt);
        Assert.False(summary.IsOverdue(Now.AddDays(14)));
        Assert.True(summary.IsOverdue(Now.AddDays(14).AddMinutes(1)));
    }
}
