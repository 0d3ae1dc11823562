using Iop.Common;

namespace Iop.Cases;

/// <summary>How a command went: accepted, rejected by a rule, or made against a version that is no longer current.</summary>
public abstract record CommandResult;

/// <summary>The command was accepted and committed.</summary>
public sealed record Accepted(StoredCase Case, ValueList<CaseEvent> Events) : CommandResult;

/// <summary>The command breaks a rule; nothing changed.</summary>
public sealed record Rejected(DomainError Error) : CommandResult;

/// <summary>The command was made from a page showing version <paramref name="Expected"/>, but the case is at <paramref name="Actual"/>; nothing changed.</summary>
public sealed record StaleVersion(int Expected, int Actual) : CommandResult;
