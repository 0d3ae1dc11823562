using Iop.Cases;
using Iop.Functions.Security;
using Iop.Functions.Storage.Documents;

namespace Iop.Functions.Api;

/// <summary>Staff download the organisation's documents through the app, signed in; blobs have no public address.</summary>
internal static class DocumentDownloads
{
    public static void MapDocumentDownloads(this IEndpointRouteBuilder app)
    {
        // The case page's links (sign-in cookie); the API has its own operations for the same files.
        app.MapGet("/arenden/{id}/dokument/{documentId}/{fileId}", DownloadAsync).RequireAuthorization(StaffPolicies.Coordinator).ExcludeFromDescription();
        app.MapGet("/arenden/{id}/overenskommelse.docx", AgreementAsync).RequireAuthorization(StaffPolicies.Coordinator).ExcludeFromDescription();
        app.MapGet("/api/cases/{id}/files/{documentId}/{fileId}", DownloadAsync).RequireAuthorization(StaffPolicies.ApiCoordinator).WithTags("Cases")
            .WithName("DownloadFile")
            .WithSummary("A file of the case: one the organisation uploaded for a document, or one an official attached to an answer (ids as in GET /api/cases/{id}).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The agreement draft as it reads now, as a Word document.</summary>
    private static async Task<IResult> AgreementAsync(string id, ICaseStore store, Policies.PolicyCatalog policies, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { State.File: { Agreement: not null } file })
        {
            return Results.NotFound();
        }

        return Results.File(AgreementFile(file, policies.For(file)), Agreements.AgreementDocument.ContentType, AgreementFileName(file));
    }

    /// <summary>The agreement's download name, from the registration number ("overenskommelse-KS-2026-17.docx").</summary>
    public static string AgreementFileName(CaseFile file) => $"overenskommelse-{file.Number.Value.Replace(' ', '-').Replace('/', '-')}.docx";

    /// <summary>The agreement draft's DOCX bytes.</summary>
    public static byte[] AgreementFile(CaseFile file, Policies.PolicyProfile policy)
    {
        using var buffer = new MemoryStream();
        Agreements.AgreementDocument.Write(buffer, file, policy);
        return buffer.ToArray();
    }

    private static async Task<IResult> DownloadAsync(string id, string documentId, string fileId, ICaseStore store, BlobDocumentStore documents, HttpContext context, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return Results.NotFound();
        }

        var vetting = stored.State is InPartnerVetting v ? v.Vetting : stored.State.File.Vetting;
        var file = vetting?.Find(documentId)?.Files.FirstOrDefault(f => f.FileId == fileId) ?? AnswerFile(stored.State.File, documentId, fileId) ?? ReportFile(stored.State.File, documentId, fileId);
        if (file is null || await documents.OpenAsync(caseId, documentId, fileId, cancellationToken).ConfigureAwait(false) is not { } content)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, file.ContentType, FileKind.DownloadName(file.FileName, file.ContentType));
    }

    /// <summary>A file the organisation attached to its latest yearly report.</summary>
    private static Vetting.UploadedFile? ReportFile(CaseFile file, string documentId, string fileId) =>
        file.YearlyReports.FirstOrDefault(r => Partnerships.YearlyReports.DocumentId(r.Year) == documentId)?.Submission?.Files.FirstOrDefault(f => f.FileId == fileId);

    /// <summary>A file an official attached to an answer (the procurement opinion, the extract of the minutes).</summary>
    private static Vetting.UploadedFile? AnswerFile(CaseFile file, string requestId, string fileId) =>
        file.Requests.FirstOrDefault(r => r.Id == requestId)?.Answer?.Content switch
        {
            Officials.ProcurementOpinion { Attachment: { } f } when f.FileId == fileId => f,
            Officials.CommitteeDecision { Extract: { } f } when f.FileId == fileId => f,
            _ => null,
        };
}
