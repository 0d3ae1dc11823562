using Iop.Common;
using Iop.Policies;

namespace Iop.Vetting;

/// <summary>
/// Partner vetting (kontroll av organisationen): the requested documents, the values declaration, the portal link,
/// and which reminder steps have already been taken (so none is taken twice).
/// The declaration's due date is null when the guideline asks for no declaration.
/// </summary>
public sealed record Vetting(
    ValueList<DocumentRequest> Requests,
    DateTimeOffset? DeclarationDueAt,
    SignedDeclaration? Declaration,
    PortalLink Link,
    ValueList<string> StepsTaken)
{
    /// <summary>The id the values declaration has among the items that can be overdue.</summary>
    public const string DeclarationItem = "values-declaration";

    /// <summary>The request for a document, if it was requested.</summary>
    public DocumentRequest? Find(string documentId) => Requests.FirstOrDefault(r => r.DocumentId == documentId);

    /// <summary>Whether the guideline asks for a values declaration and it is not signed yet.</summary>
    public bool AwaitsDeclaration => DeclarationDueAt is not null && Declaration is null;

    /// <summary>Every document accepted and the declaration (where the guideline has one) signed: vetting is complete.</summary>
    public bool IsComplete => !AwaitsDeclaration && Requests.All(r => r.Status == RequestStatus.Accepted);

    /// <summary>What the organisation still has to do, with due dates: the items reminders are about.</summary>
    public IEnumerable<(string Item, DateTimeOffset DueAt)> Outstanding()
    {
        foreach (var request in Requests.Where(r => r.AwaitsOrganisation))
        {
            yield return (request.DocumentId, request.DueAt);
        }

        if (AwaitsDeclaration)
        {
            yield return (DeclarationItem, DeclarationDueAt!.Value);
        }
    }

    /// <summary>Replaces one request.</summary>
    public Vetting With(DocumentRequest request) =>
        this with { Requests = Requests.Select(r => r.DocumentId == request.DocumentId ? request : r).ToValueList() };

    /// <summary>The requests of a new vetting: every document of the guideline, due together.</summary>
    public static ValueList<DocumentRequest> RequestsFor(PolicyProfile policy, DateTimeOffset dueAt) =>
        policy.Documents.Select(d => new DocumentRequest(d.Id, RequestStatus.Open, dueAt, ValueList<UploadedFile>.Empty, null, null)).ToValueList();
}
