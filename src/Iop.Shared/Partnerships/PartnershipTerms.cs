using System.Globalization;
using Iop.Cases;
using Iop.Common;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Partnerships;

/// <summary>What the coordinator chose for the end of the term (Forum's reformulation step).</summary>
public enum TermChoice
{
    /// <summary>The term was extended (förlängning).</summary>
    Extend,

    /// <summary>The agreement went back to drafting for a new version (omförhandling).</summary>
    Renegotiate,

    /// <summary>The partnership ends when its term does (avslutas vid avtalstidens slut).</summary>
    LetEnd,
}

/// <summary>The coordinator extends the term to <paramref name="NewEnd"/>, with the decision that allowed it where the guideline needs one.</summary>
public sealed record ExtendTerm(DateOnly NewEnd, string? Decision, Actor By) : CaseCommand(By);

/// <summary>The coordinator takes the agreement back to drafting to renegotiate it; a new version is decided and signed.</summary>
public sealed record RenegotiateAgreement(string? Reason, Actor By) : CaseCommand(By);

/// <summary>The coordinator records that the partnership ends with its term.</summary>
public sealed record LetTermEnd(string? Note, Actor By) : CaseCommand(By);

/// <summary>The coordinator was reminded that the term ends (the workflow's reminder steps).</summary>
public sealed record TermEndingReminded(ValueList<string> Steps, DateOnly EndsOn, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The term was extended.</summary>
public sealed record TermExtended(DateOnly NewEnd, string? Decision, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The agreement went back to drafting to be renegotiated; its history and earlier version stay in the case.</summary>
public sealed record RenegotiationStarted(string Reason, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The coordinator chose to let the partnership end with its term.</summary>
public sealed record TermLetEnd(string? Note, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stable codes of the term's rules.</summary>
public static class TermRules
{
    /// <summary>A new end must lie after the current one, and at most ten years ahead.</summary>
    public const string NewEndInvalid = "term.new-end-invalid";

    /// <summary>The guideline needs the committees' decision to extend the term.</summary>
    public const string DecisionRequired = "term.decision-required";

    /// <summary>A renegotiation needs a reason.</summary>
    public const string ReasonRequired = "term.reason-required";

    /// <summary>The longest a term may be extended, in years.</summary>
    public const int MaxYearsAhead = 10;
}

/// <summary>
/// The running partnership's term: reminders before it ends (the guideline's months, through the workflow's waits),
/// the coordinator's choice (extend, renegotiate, let it end), and the end itself when the last day has passed.
/// </summary>
public static class PartnershipTerms
{
    /// <summary>The key of the term's wait and its steps: it starts over when the end moves.</summary>
    public static string Key(DateOnly endsOn) => string.Create(CultureInfo.InvariantCulture, $"term@{endsOn:yyyyMMdd}");

    /// <summary>The day the partnership ends: the term's last day, or the notice period's when a party gave notice.</summary>
    public static DateOnly EndsOn(ActivePartnership state) => state.Notice?.EndsOn ?? state.Term.End;

    /// <summary>
    /// The partnership's calendar, one wait: the term's reminders the guideline's months before the end (08:00 Swedish
    /// time; only those after the signature, and none once the coordinator chose to let it end or notice was given), the
    /// next follow-up's reminders, the calendar's requests for the organisation's yearly reports, and the end itself at
    /// the start of the day after the last day (an escalation-like step).
    /// </summary>
    public static ValueList<ReminderStep> Steps(ActivePartnership state, PartnershipRule rule)
    {
        var end = EndsOn(state);
        var signed = state.SignedAt;
        var reminders = (state.Choice == TermChoice.LetEnd || state.Notice is not null ? [] : rule.TermRemindersMonthsBefore)
            .Distinct()
            .Select(months => new ReminderStep(string.Create(CultureInfo.InvariantCulture, $"term-{months}m@{end:yyyyMMdd}"), months.ToString(CultureInfo.InvariantCulture), SwedishClock.FromLocal(end.AddMonths(-months).ToDateTime(new TimeOnly(8, 0))), IsEscalation: false))
            .Concat(FollowUps.Steps(state, rule))
            .Concat(YearlyReports.RequestSteps(state, rule))
            .Where(s => signed is null || s.At > signed);
        var ending = new ReminderStep(string.Create(CultureInfo.InvariantCulture, $"term-end@{end:yyyyMMdd}"), "end", SwedishClock.FromLocal(end.AddDays(1).ToDateTime(TimeOnly.MinValue)), IsEscalation: true);
        return reminders.Where(s => s.At < ending.At).Append(ending).OrderBy(s => s.At).ThenBy(s => s.Key, StringComparer.Ordinal).ToValueList();
    }

    /// <summary>Decides a term command for a running partnership.</summary>
    public static Decision Decide(ActivePartnership state, CaseCommand command, DecisionContext context) => command switch
    {
        _ when state.Notice is { } notice => Decision.Reject(EndingRules.NoticeGiven, string.Create(CultureInfo.InvariantCulture, $"Notice has been given: the partnership ends {notice.EndsOn:yyyy-MM-dd}.")),
        ExtendTerm c => Extend(state, c, context),
        RenegotiateAgreement c => PlainText.IsBlank(c.Reason)
            ? Decision.Reject(TermRules.ReasonRequired, "Say why the agreement is renegotiated.")
            : c.Reason!.Trim().Length > CaseRules.MaxTextLength
                ? Decision.Reject(CaseRules.ReasonTooLong, $"A reason may be at most {CaseRules.MaxTextLength} characters.")
                : Decision.Accept(new RenegotiationStarted(c.Reason.Trim(), c.By, context.Now)),
        LetTermEnd c => c.Note?.Trim().Length > CaseRules.MaxTextLength
            ? Decision.Reject(CaseRules.NoteTooLong, $"A note may be at most {CaseRules.MaxTextLength} characters.")
            : Decision.Accept(new TermLetEnd(PlainText.IsBlank(c.Note) ? null : c.Note!.Trim(), c.By, context.Now)),
        _ => Decision.Reject(CaseRules.WrongStage, $"{command.GetType().Name} is not allowed in a running partnership."),
    };

    /// <summary>The calendar's steps that are due and not yet taken: reminders to the coordinator, report requests, and the end.</summary>
    public static IEnumerable<CaseEvent> DueSteps(ActivePartnership state, PartnershipRule rule, Actor by, DateTimeOffset now)
    {
        var due = Steps(state, rule).Where(s => s.At <= now && !state.StepsTaken.Contains(s.Key)).ToList();
        if (due.Any(s => s.IsEscalation))
        {
            var end = EndsOn(state);
            var reason = state.Notice is { } notice
                ? string.Create(CultureInfo.InvariantCulture, $"Avtalet sades upp av {Endings.PartyName(notice.GivenBy)} {notice.GivenOn:yyyy-MM-dd} och upphörde {end:yyyy-MM-dd}: {notice.Reason}")
                : string.Create(CultureInfo.InvariantCulture, $"Avtalstiden löpte ut {end:yyyy-MM-dd}.");
            yield return new PartnershipEnded(reason, by, now, end, state.Notice is null ? EndingKind.TermExpired : EndingKind.Notice);
            yield break;
        }

        var reminders = due.Where(s => int.TryParse(s.Item, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        if (reminders.Count > 0)
        {
            yield return new TermEndingReminded(reminders.Select(s => s.Key).ToValueList(), state.Term.End, by, now);
        }

        foreach (var e in FollowUps.Reminded(state, rule, due, by, now).Concat(YearlyReports.Requested(due, rule, by, now)))
        {
            yield return e;
        }
    }

    /// <summary>Applies a term event to a running partnership.</summary>
    public static RegisteredCase Evolve(ActivePartnership state, CaseEvent e) => e switch
    {
        TermEndingReminded x => state with { StepsTaken = state.StepsTaken.Concat(x.Steps).ToValueList() },
        FollowUpReminded x => state with { StepsTaken = state.StepsTaken.Concat(x.Steps).ToValueList() },
        NoticeGiven x => state with { Notice = x.Notice },
        TermExtended x => state with { Term = state.Term with { End = x.NewEnd }, Choice = TermChoice.Extend },
        TermLetEnd => state with { Choice = TermChoice.LetEnd },
        RenegotiationStarted => new InAgreementDrafting(state.File with { Signatures = ValueList<Agreements.Signature>.Empty }),
        _ => throw new InvalidOperationException($"The event {e.GetType().Name} does not belong to a running partnership."),
    };

    private static Decision Extend(ActivePartnership state, ExtendTerm c, DecisionContext context)
    {
        var today = SwedishClock.LocalDate(context.Now);
        var decision = c.Decision?.Trim();
        return c.NewEnd <= state.Term.End || c.NewEnd < today || c.NewEnd > today.AddYears(TermRules.MaxYearsAhead)
                ? Decision.Reject(TermRules.NewEndInvalid, string.Create(CultureInfo.InvariantCulture, $"The new end must lie after {state.Term.End:yyyy-MM-dd} and at most {TermRules.MaxYearsAhead} years ahead."))
            : context.Policy.Partnership.ExtensionNeedsDecision && string.IsNullOrWhiteSpace(decision)
                ? Decision.Reject(TermRules.DecisionRequired, "The guideline needs the committees' decision to extend the term: give its reference.")
            : decision?.Length > 200 || (decision is not null && !PlainText.IsName(decision))
                ? Decision.Reject(CaseRules.NoteTooLong, "The decision's reference is one short line.")
            : Decision.Accept(new TermExtended(c.NewEnd, string.IsNullOrEmpty(decision) ? null : decision, c.By, context.Now));
    }
}
