using Iop.Cases;
using Iop.Common;

namespace Iop.Vetting;

/// <summary>The organisation was sent its portal link: <paramref name="Link"/> replaces (revokes) any earlier one.</summary>
public sealed record PortalLinkIssued(PortalLink Link, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A file was stored for a requested document. Written by earlier versions (one event per file); still read.</summary>
public sealed record DocumentUploaded(string DocumentId, UploadedFile File, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The files of one upload were stored for a requested document.</summary>
public sealed record DocumentFilesUploaded(string DocumentId, ValueList<UploadedFile> Files, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The organisation says a document does not exist, and why.</summary>
public sealed record DocumentMarkedNotExisting(string DocumentId, string Explanation, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The organisation's representative signed the values declaration.</summary>
public sealed record DeclarationSigned(SignedDeclaration Declaration, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The coordinator accepted a document (or its absence).</summary>
public sealed record DocumentAccepted(string DocumentId, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The coordinator asked for completion; the request is open again until <paramref name="DueAt"/>.</summary>
public sealed record DocumentCompletionRequested(string DocumentId, string Comment, DateTimeOffset DueAt, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The coordinator moved a request's due date.</summary>
public sealed record DocumentDueDateChanged(string DocumentId, DateTimeOffset DueAt, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The organisation was reminded of <paramref name="Items"/>; <paramref name="Steps"/> are now taken.</summary>
public sealed record ReminderSent(ValueList<string> Items, ValueList<string> Steps, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The coordinator was told that <paramref name="Items"/> are overdue; <paramref name="Steps"/> are now taken.</summary>
public sealed record OverdueEscalated(ValueList<string> Items, ValueList<string> Steps, Actor By, DateTimeOffset At) : CaseEvent(By, At);
