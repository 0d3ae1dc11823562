using Iop.Cases;
using Iop.Functions.Security;
using Iop.Functions.Storage.Documents;

namespace Iop.Functions.Api;

/// <summary>Staff download the organisation's documents through the app, signed in; blobs have no public address.</summary>
internal static class DocumentDownloads
{
    public static void MapDocumentDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/arenden/{id}/dokument/{documentId}/{fileId}", DownloadAsync).RequireAuthorization(StaffPolicies.Coordinator);

    private static async Task<IResult> DownloadAsync(string id, string documentId, string fileId, ICaseStore store, BlobDocumentStore documents, HttpContext context, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return Results.NotFound();
        }

        var vetting = stored.State is InPartnerVetting v ? v.Vetting : stored.State.File.Vetting;
        var file = vetting?.Find(documentId)?.Files.FirstOrDefault(f => f.FileId == fileId) ?? AnswerFile(stored.State.File, documentId, fileId);
        if (file is null || await documents.OpenAsync(caseId, documentId, fileId, cancellationToken).ConfigureAwait(false) is not { } content)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        var name = Path.GetExtension(file.FileName).Length > 0 ? file.FileName : file.FileName + FileKind.Extension(file.ContentType);
        return Results.File(content, file.ContentType, name);
    }

    /// <summary>A file an official attached to an answer (the procurement opinion, the extract of the minutes).</summary>
    private static Vetting.UploadedFile? AnswerFile(CaseFile file, string requestId, string fileId) =>
        file.Requests.FirstOrDefault(r => r.Id == requestId)?.Answer?.Content switch
        {
            Officials.ProcurementOpinion { Attachment: { } f } when f.FileId == fileId => f,
            Officials.CommitteeDecision { Extract: { } f } when f.FileId == fileId => f,
            _ => null,
        };
}
