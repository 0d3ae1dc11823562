using Iop.Cases;
using Iop.Common;

namespace Iop.Vetting;

/// <summary>Sends the organisation a new portal link, revoking the one it had.</summary>
public sealed record IssuePortalLink(string TokenId, DateTimeOffset ExpiresAt, Actor By) : CaseCommand(By);

/// <summary>
/// The organisation uploaded one or more files for a document in one go, through the portal link <paramref name="TokenId"/>;
/// the case may hold at most what <paramref name="Limits"/> allow.
/// </summary>
public sealed record UploadDocument(string DocumentId, ValueList<UploadedFile> Files, UploadLimits Limits, string TokenId, Actor By) : CaseCommand(By);

/// <summary>How much one case may hold through its portal link (configured by the municipality, see <c>Portal</c> settings).</summary>
/// <param name="FilesPerDocument">Files for one requested document.</param>
/// <param name="FilesPerCase">Files for all documents together.</param>
/// <param name="BytesPerCase">Bytes of all files together.</param>
public sealed record UploadLimits(int FilesPerDocument, int FilesPerCase, long BytesPerCase)
{
    /// <summary>Room enough for a real organisation's documents, bounded for storage and for the case's own row.</summary>
    public static UploadLimits Default { get; } = new(20, 100, 500L * 1024 * 1024);
}

/// <summary>The organisation says a document does not exist.</summary>
public sealed record MarkDocumentNotExisting(string DocumentId, string? Explanation, string TokenId, Actor By) : CaseCommand(By);

/// <summary>The organisation's representative signs the values declaration of version <paramref name="TextVersion"/>.</summary>
public sealed record SignDeclaration(string? SignerName, string? SignerRole, string? OrganisationName, bool Confirmed, string TextVersion, string TokenId, Actor By)
    : CaseCommand(By);

/// <summary>The coordinator's review of a document: accept it, or ask for completion with a comment and a new due date.</summary>
public sealed record ReviewDocument(string DocumentId, bool Accept, string? Comment, DateTimeOffset? NewDueAt, Actor By) : CaseCommand(By);

/// <summary>One document's review within <see cref="ReviewDocuments"/>.</summary>
public sealed record DocumentReview(string DocumentId, bool Accept, string? Comment, DateTimeOffset? NewDueAt);

/// <summary>The coordinator reviews several submitted documents at once: every review is taken, or none is.</summary>
public sealed record ReviewDocuments(ValueList<DocumentReview> Reviews, Actor By) : CaseCommand(By);

/// <summary>The coordinator moves a request's due date.</summary>
public sealed record ChangeDueDate(string DocumentId, DateTimeOffset DueAt, Actor By) : CaseCommand(By);

/// <summary>A durable timer fired: take the reminder and escalation steps that are due.</summary>
public sealed record CheckDeadlines(Actor By) : CaseCommand(By);
