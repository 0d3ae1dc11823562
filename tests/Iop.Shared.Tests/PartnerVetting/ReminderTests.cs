using Iop.Cases;
using Iop.Common;
using Iop.Vetting;
using Iop.Waiting;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.PartnerVetting;

/// <summary>The cadence of Mora's profile: 3 days before the due date, on it, weekly after; the coordinator at 7 days overdue.</summary>
public sealed class ReminderTests
{
    private static readonly CaseEvent[] Vetting = [.. UpTo(Stage.FirstMeeting), VettingStarted];

    private static Decision CheckAt(DateTimeOffset at, params CaseEvent[] history) =>
        CaseDecider.Decide(CaseDecider.Replay(history), new CheckDeadlines(Actor.System), new DecisionContext(at, Policy));

    [Fact]
    public void Nothing_is_due_before_the_first_reminder() =>
        Assert.Equal(VettingRules.NothingDue, CheckAt(Due.AddDays(-3).AddMinutes(-1), Vetting).Error?.Rule);

    [Fact]
    public void The_first_reminder_lists_everything_still_missing()
    {
        var uploaded = new DocumentUploaded("statutes", new UploadedFile("f", "s.pdf", "application/pdf", 1, "00", Now), Initiator, Now);

        var reminder = Assert.IsType<ReminderSent>(Assert.Single(CheckAt(Due.AddDays(-3), [.. Vetting, uploaded]).Events));

        Assert.DoesNotContain("statutes", reminder.Items);
        Assert.Contains("audit-report", reminder.Items);
        Assert.Contains(global::Iop.Vetting.Vetting.DeclarationItem, reminder.Items);
    }

    [Fact]
    public void A_step_is_taken_once()
    {
        var first = CheckAt(Due.AddDays(-3), Vetting);

        var again = CheckAt(Due.AddDays(-2), [.. Vetting, .. first.Events]);

        Assert.Equal(VettingRules.NothingDue, again.Error?.Rule);
    }

    [Fact]
    public void A_request_met_in_the_meantime_is_not_reminded_of()
    {
        var all = Policy.Documents.Select(d => (CaseEvent)new DocumentMarkedNotExisting(d.Id, "x", Initiator, Now)).ToList();
        var signed = new DeclarationSigned(new SignedDeclaration(Policy.Declaration!.Version, "t", "K", "O", "N", Now), Initiator, Now);

        Assert.Equal(VettingRules.NothingDue, CheckAt(Due.AddDays(30), [.. Vetting, .. all, signed]).Error?.Rule);
    }

    [Fact]
    public void Days_missed_while_the_app_was_down_give_one_reminder_and_one_escalation()
    {
        var events = CheckAt(Due.AddDays(15), Vetting).Events;

        Assert.Collection(
            events,
            e => Assert.Equal(4, ((ReminderSent)e).Steps.Count(s => s.StartsWith("statutes|", StringComparison.Ordinal))),
            e => Assert.Contains("statutes", ((OverdueEscalated)e).Items));
    }

    [Fact]
    public void The_coordinator_hears_of_an_overdue_request_after_seven_days()
    {
        var reminders = CheckAt(Due, Vetting).Events;

        var escalation = CheckAt(Due.AddDays(7), [.. Vetting, .. reminders]).Events;

        Assert.Contains(escalation, e => e is OverdueEscalated);
        Assert.Contains(escalation, e => e is ReminderSent);
    }

    [Fact]
    public void Starting_vetting_opens_one_wait_on_the_organisation_whose_first_step_is_three_days_before_the_due_date()
    {
        var after = (RegisteredCase)CaseDecider.Replay(Vetting);

        var wait = Assert.Single(Waits.Of(after, Policy.Reminders, Now));

        Assert.Null(wait.RequestId);
        Assert.Equal("karin.ek@navet.example", wait.Who.Email);
        Assert.Equal(Due.AddDays(-3), wait.NextStep?.At);
    }

    [Fact]
    public void After_a_reminder_the_wait_goes_on_to_the_due_date_under_the_same_key()
    {
        var before = (RegisteredCase)CaseDecider.Replay(Vetting);
        var reminder = CheckAt(Due.AddDays(-3), Vetting).Events.Single();
        var after = (RegisteredCase)CaseDecider.Replay([.. Vetting, reminder]);

        var effects = CaseReactions.To(reminder, after).ToList();
        var wait = Assert.Single(Waits.Of(after, Policy.Reminders, Due.AddDays(-3)));

        Assert.Contains(effects, e => e is RemindInitiator r && r.Missing.Count == Policy.Documents.Count + 1);
        Assert.Equal(Due, wait.NextStep?.At);
        Assert.Equal(Waits.Keys(before), Waits.Keys(after));
        Assert.Empty(CaseReactions.ToWaits(before, after));
    }

    [Fact]
    public void An_answered_document_starts_the_organisations_wait_over_for_what_is_still_missing()
    {
        var before = CaseDecider.Replay(Vetting);
        var uploaded = new DocumentUploaded("statutes", new UploadedFile("f", "s.pdf", "application/pdf", 1, "00", Now), Initiator, Now);
        var after = CaseDecider.Replay([.. Vetting, uploaded]);

        var changed = Assert.IsType<WaitsChanged>(Assert.Single(CaseReactions.ToWaits(before, after)));

        Assert.NotEqual(Waits.Keys(before), changed.Open);
        Assert.Single(changed.Open);
    }

    [Fact]
    public void A_step_missed_while_the_workflow_was_down_is_still_the_next_step()
    {
        var after = (RegisteredCase)CaseDecider.Replay(Vetting);

        var wait = Assert.Single(Waits.Of(after, Policy.Reminders, Due.AddDays(1)));

        Assert.Equal(Due.AddDays(-3), wait.NextStep?.At);
        Assert.False(wait.IsEscalated);
    }

    [Fact]
    public void A_completion_request_starts_a_new_cadence_for_its_new_due_date()
    {
        var uploaded = new DocumentUploaded("statutes", new UploadedFile("f", "s.pdf", "application/pdf", 1, "00", Now), Initiator, Now);
        var completion = new DocumentCompletionRequested("statutes", "Komplettera.", Due.AddDays(30), Coordinator, Now);

        var events = CheckAt(Due.AddDays(27), [.. Vetting, uploaded, completion]).Events;

        var reminder = Assert.IsType<ReminderSent>(events[0]);
        Assert.Contains(reminder.Steps, s => s.StartsWith("statutes|", StringComparison.Ordinal) && s.EndsWith("|before3", StringComparison.Ordinal));
    }
}
