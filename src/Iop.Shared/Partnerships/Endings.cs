using System.Globalization;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;

namespace Iop.Partnerships;

/// <summary>How a partnership ended.</summary>
public enum EndingKind
{
    /// <summary>Recorded by the coordinator as ended, with a reason.</summary>
    Ended,

    /// <summary>Its term ran out.</summary>
    TermExpired,

    /// <summary>A party gave notice (uppsägning) and the notice period ran out.</summary>
    Notice,

    /// <summary>A party rescinded the agreement (hävning), with immediate effect.</summary>
    Rescission,
}

/// <summary>The rungs of Stockholm's escalation ladder for disputes, in order.</summary>
public enum DisputeLevel
{
    /// <summary>Dialogue between the parties' contact persons.</summary>
    Dialogue,

    /// <summary>The partnership's steering group (styrgrupp), one party one vote.</summary>
    SteeringGroup,

    /// <summary>The responsible committee (ansvarig nämnd).</summary>
    Committee,
}

/// <summary>A party's notice of termination: the agreement ends when the notice period has run (or the term ends, if earlier).</summary>
public sealed record TerminationNotice(Party GivenBy, DateOnly GivenOn, DateOnly EndsOn, string Reason);

/// <summary>One rung of a dispute: where it was taken, when, and why (or what was said).</summary>
public sealed record DisputeStep(DisputeLevel Level, DateOnly On, string Text);

/// <summary>A dispute between the parties (tvist), up the escalation ladder until resolved.</summary>
public sealed record Dispute(string Id, Party RaisedBy, string Subject, ValueList<DisputeStep> Steps, DateOnly? ResolvedOn, string? Outcome)
{
    /// <summary>The rung the dispute is at now.</summary>
    public DisputeLevel Level => Steps[^1].Level;

    /// <summary>Whether it is still unresolved.</summary>
    public bool IsOpen => ResolvedOn is null;
}

/// <summary>A party gives notice; the coordinator records it with the day it was given.</summary>
public sealed record GiveNotice(Party Party, DateOnly GivenOn, string? Reason, Actor By) : CaseCommand(By);

/// <summary>A party rescinds the agreement (hävning) with effect from <paramref name="On"/>.</summary>
public sealed record RescindAgreement(Party Party, DateOnly On, string? Reason, Actor By) : CaseCommand(By);

/// <summary>A party raises a dispute: it starts as a dialogue.</summary>
public sealed record RaiseDispute(Party RaisedBy, DateOnly On, string? Subject, Actor By) : CaseCommand(By);

/// <summary>A dispute not settled in dialogue goes to the next rung.</summary>
public sealed record EscalateDispute(string DisputeId, DateOnly On, string? Reason, Actor By) : CaseCommand(By);

/// <summary>A dispute is settled, with the outcome.</summary>
public sealed record ResolveDispute(string DisputeId, DateOnly On, string? Outcome, Actor By) : CaseCommand(By);

/// <summary>A party gave notice of termination.</summary>
public sealed record NoticeGiven(TerminationNotice Notice, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A dispute was raised.</summary>
public sealed record DisputeRaised(string DisputeId, Party RaisedBy, DateOnly On, string Subject, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A dispute went to the next rung of the ladder.</summary>
public sealed record DisputeEscalated(string DisputeId, DisputeLevel To, DateOnly On, string Reason, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A dispute was settled.</summary>
public sealed record DisputeResolved(string DisputeId, DateOnly On, string Outcome, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stable codes of the rules for ending early and for disputes.</summary>
public static class EndingRules
{
    /// <summary>The date lies in the future or before the term started.</summary>
    public const string DateInvalid = "ending.date-invalid";

    /// <summary>Notice has already been given.</summary>
    public const string NoticeGiven = "ending.notice-given";

    /// <summary>The case has no such dispute, or it is settled.</summary>
    public const string UnknownDispute = "dispute.unknown";

    /// <summary>The dispute is at the top of the ladder: the committee decides.</summary>
    public const string LadderEnd = "dispute.ladder-end";

    /// <summary>A step of a dispute must not lie before the step before it.</summary>
    public const string StepBeforePrevious = "dispute.step-before-previous";
}

/// <summary>
/// Ending a partnership before its term (notice, rescission) and its disputes, following Stockholm's escalation ladder:
/// dialogue → the partnership's steering group → the responsible committee. Each step has a date and a reason.
/// </summary>
public static class Endings
{
    /// <summary>The Swedish name of a party, as the record says it.</summary>
    public static string PartyName(Party party) => party == Party.Municipality ? "kommunen" : "organisationen";

    /// <summary>Decides a command about ending early or about a dispute.</summary>
    public static Decision Decide(ActivePartnership state, CaseCommand command, DecisionContext context)
    {
        var today = SwedishClock.LocalDate(context.Now);
        Decision? Dated(DateOnly on) => on > today || on < state.Term.Start
            ? Decision.Reject(EndingRules.DateInvalid, string.Create(CultureInfo.InvariantCulture, $"The date must lie between {state.Term.Start:yyyy-MM-dd} and today."))
            : null;
        Decision? Open(string id, out Dispute dispute)
        {
            dispute = state.File.Disputes.FirstOrDefault(d => d.Id == id)!;
            return dispute is { IsOpen: true } ? null : Decision.Reject(EndingRules.UnknownDispute, $"The case has no unsettled dispute '{id}'.");
        }

        Decision? After(Dispute dispute, DateOnly on) => on < dispute.Steps[^1].On
            ? Decision.Reject(EndingRules.StepBeforePrevious, string.Create(CultureInfo.InvariantCulture, $"The step must not lie before {dispute.Steps[^1].On:yyyy-MM-dd}."))
            : null;

        switch (command)
        {
            case GiveNotice c:
                if (state.Notice is not null)
                {
                    return Decision.Reject(EndingRules.NoticeGiven, "Notice has already been given.");
                }

                var endsOn = c.GivenOn.AddMonths(context.Policy.Partnership.NoticeMonths);
                return Dated(c.GivenOn) ?? Reason(c.Reason) ?? Decision.Accept(new NoticeGiven(
                    new TerminationNotice(c.Party, c.GivenOn, endsOn < state.Term.End ? endsOn : state.Term.End, c.Reason!.Trim()), c.By, context.Now));
            case RescindAgreement c:
                return Dated(c.On) ?? Reason(c.Reason) ?? Decision.Accept(new PartnershipEnded(
                    string.Create(CultureInfo.InvariantCulture, $"Avtalet hävdes av {PartyName(c.Party)} {c.On:yyyy-MM-dd}: {c.Reason!.Trim()}"), c.By, context.Now, c.On, EndingKind.Rescission));
            case RaiseDispute c:
                var id = string.Create(CultureInfo.InvariantCulture, $"dispute-{state.File.Disputes.Count + 1}");
                return (Enum.IsDefined(c.RaisedBy) ? null : Decision.Reject(CaseRules.ReasonRequired, "Say which party raises the dispute."))
                    ?? Dated(c.On) ?? Reason(c.Subject) ?? Decision.Accept(new DisputeRaised(id, c.RaisedBy, c.On, c.Subject!.Trim(), c.By, context.Now));
            case EscalateDispute c:
                if (Open(c.DisputeId, out var escalated) is { } unknown)
                {
                    return unknown;
                }

                return escalated.Level == DisputeLevel.Committee
                    ? Decision.Reject(EndingRules.LadderEnd, "The dispute is with the responsible committee, the last step of the ladder: record its outcome.")
                    : Dated(c.On) ?? After(escalated, c.On) ?? Reason(c.Reason)
                        ?? Decision.Accept(new DisputeEscalated(escalated.Id, escalated.Level + 1, c.On, c.Reason!.Trim(), c.By, context.Now));
            case ResolveDispute c:
                if (Open(c.DisputeId, out var resolved) is { } missing)
                {
                    return missing;
                }

                return Dated(c.On) ?? After(resolved, c.On) ?? Reason(c.Outcome)
                    ?? Decision.Accept(new DisputeResolved(resolved.Id, c.On, c.Outcome!.Trim(), c.By, context.Now));
            default:
                return Decision.Reject(CaseRules.WrongStage, $"{command.GetType().Name} is not about ending a partnership.");
        }
    }

    /// <summary>Applies a dispute event to the case file's disputes.</summary>
    public static ValueList<Dispute> Evolve(ValueList<Dispute> disputes, CaseEvent e)
    {
        ValueList<Dispute> Update(string id, Func<Dispute, Dispute> change) => disputes.Select(d => d.Id == id ? change(d) : d).ToValueList();
        return e switch
        {
            DisputeRaised x => disputes.Append(new Dispute(x.DisputeId, x.RaisedBy, x.Subject, [new DisputeStep(DisputeLevel.Dialogue, x.On, x.Subject)], null, null)).ToValueList(),
            DisputeEscalated x => Update(x.DisputeId, d => d with { Steps = d.Steps.Append(new DisputeStep(x.To, x.On, x.Reason)).ToValueList() }),
            DisputeResolved x => Update(x.DisputeId, d => d with { ResolvedOn = x.On, Outcome = x.Outcome }),
            _ => disputes,
        };
    }

    private static Decision? Reason(string? reason) =>
        PlainText.IsBlank(reason) ? Decision.Reject(CaseRules.ReasonRequired, "A reason is required.")
        : reason!.Trim().Length > CaseRules.MaxTextLength ? Decision.Reject(CaseRules.ReasonTooLong, $"A reason may be at most {CaseRules.MaxTextLength} characters.")
        : null;
}
