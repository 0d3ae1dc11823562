using Iop.Cases;
using Iop.Common;

namespace Iop.Officials;

/// <summary>Requests went out to officials by e-mail (fan-out).</summary>
public sealed record RequestsSent(ValueList<OfficialRequest> Requests, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>An official answered a request.</summary>
public sealed record RequestAnswered(string RequestId, RecordedAnswer Answer, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A request moved to another person (delegated by its addressee or reassigned by the coordinator), due at <paramref name="DueAt"/>.</summary>
public sealed record RequestTransferred(string RequestId, RequestTransfer Transfer, DateTimeOffset DueAt, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>Open requests were withdrawn; their links no longer answer anything.</summary>
public sealed record RequestsWithdrawn(ValueList<string> RequestIds, string Reason, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The addressee of an open request was reminded (steps from the reminder schedule).</summary>
public sealed record RequestReminded(string RequestId, ValueList<string> Steps, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>An overdue request was escalated to the coordinator.</summary>
public sealed record RequestEscalated(string RequestId, ValueList<string> Steps, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stakeholder meeting is held and every staffing request answered: the organisations discuss internally.</summary>
public sealed record InternalDiscussionStarted(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>Every committee and board approved the agreement: it can be signed.</summary>
public sealed record CommitteesApproved(Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The agreement went back to drafting after a rejection.</summary>
public sealed record AgreementRevisionStarted(string Reason, Actor By, DateTimeOffset At) : CaseEvent(By, At);
