using System.Globalization;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Partnerships;

/// <summary>
/// The record of one follow-up dialogue (uppföljningsdialog): what was done, what each party actually contributed per
/// year, the changes agreed, and each party's assessment.
/// </summary>
/// <param name="DueOn">The follow-up of the plan it fulfils, or null for a dialogue beyond the plan.</param>
/// <param name="HeldOn">When the dialogue was held.</param>
/// <param name="MeetingId">The dialogue meeting of the case it records, if it was booked through the case.</param>
/// <param name="Done">What was done in the period.</param>
/// <param name="Contributions">The co-financing actually contributed, per party and year (money and in kind).</param>
/// <param name="Changes">The changes the parties agreed, if any.</param>
/// <param name="MunicipalityAssessment">The municipality's assessment.</param>
/// <param name="OrganisationAssessment">The organisation's assessment.</param>
public sealed record FollowUpRecord(
    DateOnly? DueOn,
    DateOnly HeldOn,
    string? MeetingId,
    string Done,
    ValueList<CoFinancing> Contributions,
    string? Changes,
    string MunicipalityAssessment,
    string OrganisationAssessment);

/// <summary>The coordinator records a follow-up dialogue.</summary>
public sealed record RecordFollowUp(
    DateOnly HeldOn,
    string? MeetingId,
    string? Done,
    ValueList<CoFinancing> Contributions,
    string? Changes,
    string? MunicipalityAssessment,
    string? OrganisationAssessment,
    Actor By) : CaseCommand(By);

/// <summary>A follow-up dialogue was recorded.</summary>
public sealed record FollowUpRecorded(FollowUpRecord Record, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The coordinator was reminded of a follow-up on the plan: soon due, or <paramref name="Late"/>.</summary>
public sealed record FollowUpReminded(DateOnly DueOn, ValueList<string> Steps, bool Late, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>One follow-up on the partnership's plan and its record once held.</summary>
public sealed record PlannedFollowUp(DateOnly DueOn, FollowUpRecord? Record);

/// <summary>The stable codes of the follow-up rules.</summary>
public static class FollowUpRules
{
    /// <summary>The dialogue's date lies in the future or before the term started.</summary>
    public const string HeldOnInvalid = "follow-up.held-on-invalid";

    /// <summary>What was done, and both parties' assessments, are required.</summary>
    public const string TextRequired = "follow-up.text-required";

    /// <summary>A contribution is outside the term's years, negative, empty, or given twice for a party and year.</summary>
    public const string ContributionInvalid = "follow-up.contribution-invalid";

    /// <summary>The meeting is not a held dialogue of the case, or it is recorded already.</summary>
    public const string MeetingInvalid = "follow-up.meeting-invalid";

    /// <summary>The largest amount one party reports for one year, in kronor.</summary>
    public const decimal MaxAmountSek = 1_000_000_000m;
}

/// <summary>
/// The partnership's follow-up plan: a dialogue every <see cref="PartnershipRule.FollowUpEveryMonths"/> from the term's
/// start up to its end. The coordinator is reminded a month before each (to book the dialogue) and when one is a month late.
/// </summary>
public static class FollowUps
{
    /// <summary>How long before a follow-up is due the coordinator is reminded to book it.</summary>
    public const int RemindMonthsBefore = 1;

    /// <summary>How many days after its due date a follow-up not recorded is reported late.</summary>
    public const int LateAfterDays = 30;

    /// <summary>The plan: every follow-up due from the term's start to its (effective) end, with its record once held.</summary>
    public static IReadOnlyList<PlannedFollowUp> Plan(ActivePartnership state, PartnershipRule rule)
    {
        var end = PartnershipTerms.EndsOn(state);
        var records = state.File.FollowUps;
        var plan = new List<PlannedFollowUp>();
        for (var k = 1; k <= 100; k++)
        {
            var due = state.Term.Start.AddMonths(k * rule.FollowUpEveryMonths);
            if (due > end)
            {
                break;
            }

            plan.Add(new PlannedFollowUp(due, records.FirstOrDefault(r => r.DueOn == due)));
        }

        return plan;
    }

    /// <summary>The first follow-up of the plan not yet recorded.</summary>
    public static DateOnly? NextDue(ActivePartnership state, PartnershipRule rule) =>
        Plan(state, rule).FirstOrDefault(p => p.Record is null)?.DueOn;

    /// <summary>The reminder steps of the next follow-up: a month before it (08:00), and when it is late.</summary>
    public static IEnumerable<ReminderStep> Steps(ActivePartnership state, PartnershipRule rule)
    {
        if (NextDue(state, rule) is not { } due)
        {
            yield break;
        }

        var day = due.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        yield return new ReminderStep($"followup-soon@{day}", "followup", SwedishClock.FromLocal(due.AddMonths(-RemindMonthsBefore).ToDateTime(new TimeOnly(8, 0))), IsEscalation: false);
        yield return new ReminderStep($"followup-late@{day}", "followup-late", SwedishClock.FromLocal(due.AddDays(LateAfterDays).ToDateTime(new TimeOnly(8, 0))), IsEscalation: false);
    }

    /// <summary>The follow-up reminders among <paramref name="due"/> steps, as one event.</summary>
    public static IEnumerable<CaseEvent> Reminded(ActivePartnership state, PartnershipRule rule, IReadOnlyList<ReminderStep> due, Actor by, DateTimeOffset now)
    {
        var steps = due.Where(s => s.Item is "followup" or "followup-late").ToList();
        if (steps.Count > 0 && NextDue(state, rule) is { } next)
        {
            yield return new FollowUpReminded(next, steps.Select(s => s.Key).ToValueList(), steps.Any(s => s.Item == "followup-late"), by, now);
        }
    }

    /// <summary>Decides a follow-up record.</summary>
    public static Decision Decide(ActivePartnership state, RecordFollowUp c, DecisionContext context)
    {
        var today = SwedishClock.LocalDate(context.Now);
        if (c.HeldOn > today || c.HeldOn < state.Term.Start)
        {
            return Decision.Reject(FollowUpRules.HeldOnInvalid, string.Create(CultureInfo.InvariantCulture, $"The dialogue must have been held between {state.Term.Start:yyyy-MM-dd} and today."));
        }

        string? Text(string? text) => PlainText.IsBlank(text) ? null : text!.Trim();
        var done = Text(c.Done);
        var municipality = Text(c.MunicipalityAssessment);
        var organisation = Text(c.OrganisationAssessment);
        var changes = Text(c.Changes);
        if (done is null || municipality is null || organisation is null)
        {
            return Decision.Reject(FollowUpRules.TextRequired, "Say what was done, and give both parties' assessments.");
        }

        if (new[] { done, municipality, organisation, changes }.Any(t => t?.Length > CaseRules.MaxTextLength))
        {
            return Decision.Reject(CaseRules.NoteTooLong, $"A text may be at most {CaseRules.MaxTextLength} characters.");
        }

        if (CheckContributions(c.Contributions, state.Term.Start.Year, c.HeldOn.Year) is { } invalid)
        {
            return invalid;
        }

        var meetingId = Text(c.MeetingId);
        if (meetingId is not null
            && (state.File.Meetings.FirstOrDefault(m => m.Id == meetingId) is not { Kind: MeetingKind.PartnershipDialogue, Status: MeetingStatus.Held }
                || state.File.FollowUps.Any(r => r.MeetingId == meetingId)))
        {
            return Decision.Reject(FollowUpRules.MeetingInvalid, "The meeting must be a held follow-up dialogue of the case, not recorded before.");
        }

        // A record fulfils the first open follow-up of the plan when held in the second half of its period or later; an
        // earlier dialogue is an extra one (a yearly follow-up two months after the start is no yearly follow-up).
        var next = NextDue(state, context.Policy.Partnership);
        var fulfils = next is { } d && c.HeldOn >= d.AddMonths(-Math.Max(1, context.Policy.Partnership.FollowUpEveryMonths / 2)) ? next : null;
        var record = new FollowUpRecord(fulfils, c.HeldOn, meetingId, done, Normalise(c.Contributions), changes, municipality, organisation);
        return Decision.Accept(new FollowUpRecorded(record, c.By, context.Now));
    }

    /// <summary>
    /// Contributions as reported: each for a year from <paramref name="firstYear"/> to <paramref name="lastYear"/>, money
    /// from 0 to a billion kronor, something given (money or in kind), at most one per party and year.
    /// </summary>
    public static Decision? CheckContributions(IReadOnlyList<CoFinancing> contributions, int firstYear, int lastYear)
    {
        foreach (var c in contributions)
        {
            if (!Enum.IsDefined(c.Party) || c.Year < firstYear || c.Year > lastYear)
            {
                return Decision.Reject(FollowUpRules.ContributionInvalid, string.Create(CultureInfo.InvariantCulture, $"A contribution must be for a year from {firstYear} to {lastYear}."));
            }

            if (c.AmountSek < 0 || c.AmountSek > FollowUpRules.MaxAmountSek || decimal.Round(c.AmountSek, 2) != c.AmountSek)
            {
                return Decision.Reject(FollowUpRules.ContributionInvalid, "An amount is kronor from 0 to a billion, with at most two decimals.");
            }

            if (c.AmountSek == 0 && PlainText.IsBlank(c.InKind))
            {
                return Decision.Reject(FollowUpRules.ContributionInvalid, "A contribution is money, something given in kind, or both.");
            }

            if (c.InKind?.Trim().Length > 200 || (c.InKind is not null && !PlainText.IsBlank(c.InKind) && !PlainText.IsName(c.InKind.Trim())))
            {
                return Decision.Reject(FollowUpRules.ContributionInvalid, "What is given in kind is one short line.");
            }
        }

        return contributions.GroupBy(c => (c.Party, c.Year)).Any(g => g.Count() > 1)
            ? Decision.Reject(FollowUpRules.ContributionInvalid, "Give each party's contribution once per year.")
            : null;
    }

    /// <summary>Contributions in party and year order, in-kind texts trimmed: equal reports are stored equally.</summary>
    public static ValueList<CoFinancing> Normalise(IEnumerable<CoFinancing> contributions) =>
        contributions
            .Select(c => c with { InKind = PlainText.IsBlank(c.InKind) ? null : c.InKind!.Trim() })
            .OrderBy(c => c.Year).ThenBy(c => c.Party)
            .ToValueList();
}
