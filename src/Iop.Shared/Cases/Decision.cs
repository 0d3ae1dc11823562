using Iop.Common;

namespace Iop.Cases;

/// <summary>The decider's answer to a command: the events that follow from it, or the rule it breaks.</summary>
public sealed record Decision
{
    private Decision(ValueList<CaseEvent> events, DomainError? error) => (Events, Error) = (events, error);

    /// <summary>The new events; empty when rejected.</summary>
    public ValueList<CaseEvent> Events { get; }

    /// <summary>The broken rule, when the command was rejected.</summary>
    public DomainError? Error { get; }

    /// <summary>Whether the command was rejected.</summary>
    public bool IsRejected => Error is not null;

    /// <summary>The command is accepted with these events.</summary>
    public static Decision Accept(params IEnumerable<CaseEvent> events) => new(events.ToValueList(), null);

    /// <summary>The command breaks <paramref name="rule"/>.</summary>
    public static Decision Reject(string rule, string message) => new(ValueList<CaseEvent>.Empty, new DomainError(rule, message));

    /// <summary>The command breaks a rule.</summary>
    public static implicit operator Decision(DomainError error) => new(ValueList<CaseEvent>.Empty, error);
}

/// <summary>What the decider needs to know besides the state and the command: the time and the case's guideline.</summary>
public sealed record DecisionContext(DateTimeOffset Now, Policies.PolicyProfile Policy);
