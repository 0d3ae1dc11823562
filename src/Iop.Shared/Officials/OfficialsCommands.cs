using Iop.Cases;
using Iop.Common;

namespace Iop.Officials;

/// <summary>The coordinator asks the procurement unit for its opinion on criterion 7.</summary>
public sealed record RequestProcurementOpinion(Person ProcurementUnit, Actor By) : CaseCommand(By);

/// <summary>
/// An official answers request <paramref name="RequestId"/> from the link of issue <paramref name="Issue"/>, signed in as
/// <paramref name="AnsweredBy"/>.
/// </summary>
public sealed record AnswerRequest(string RequestId, int Issue, OfficialAnswer Answer, Person AnsweredBy, Actor By) : CaseCommand(By);

/// <summary>The addressee hands the request to a colleague (from the link of issue <paramref name="Issue"/>).</summary>
public sealed record DelegateRequest(string RequestId, int Issue, Person DelegatedBy, Person To, string? Reason, Actor By) : CaseCommand(By);

/// <summary>The coordinator moves a request to another person (e.g. the addressee is away).</summary>
public sealed record ReassignRequest(string RequestId, Person To, string? Reason, Actor By) : CaseCommand(By);

/// <summary>After a committee rejected the agreement, the coordinator takes it back for revision; open decisions are withdrawn.</summary>
public sealed record ReviseAgreement(string Reason, Actor By) : CaseCommand(By);
