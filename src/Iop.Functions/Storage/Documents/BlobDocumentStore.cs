using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Iop.Cases;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage.Documents;

/// <summary>
/// The organisations' documents in Azure Blob storage: one private container, blobs named <c>{case}/{document}/{file}</c>
/// (never the uploaded name, which is kept as metadata). Staff read them through the app only.
/// </summary>
internal sealed class BlobDocumentStore(BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    private static readonly StorageTransferOptions Streaming = new() { InitialTransferSize = 4 * 1024 * 1024, MaximumTransferSize = 4 * 1024 * 1024, MaximumConcurrency = 2 };

    private readonly Lazy<Task<BlobContainerClient>> _container = new(async () =>
    {
        var container = blobs.GetBlobContainerClient(options.Value.DocumentsContainer);
        await container.CreateIfNotExistsAsync(PublicAccessType.None).ConfigureAwait(false);
        return container;
    });

    public static string BlobName(CaseId caseId, string documentId, string fileId) => $"{caseId}/{documentId}/{fileId}";

    /// <summary>Recognises, measures and stores an upload as it streams. Nothing is left behind when it is refused.</summary>
    public async Task<StoredUpload> SaveAsync(CaseId caseId, string documentId, string fileId, string fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var head = new byte[FileKind.HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (headLength == 0)
        {
            return StoredUpload.Refused(UploadRejection.Empty);
        }

        if (FileKind.Recognise(head.AsSpan(0, headLength)) is not { } contentType)
        {
            return StoredUpload.Refused(UploadRejection.UnsupportedType);
        }

        var container = await _container.Value.ConfigureAwait(false);
        var blob = container.GetBlobClient(BlobName(caseId, documentId, fileId));
        using var measured = new MeasuredStream(new PrefixedStream(head.AsMemory(0, headLength), content), maxBytes);
        try
        {
            await blob.UploadAsync(measured, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Metadata = new Dictionary<string, string> { ["filename"] = Uri.EscapeDataString(fileName) },
                TransferOptions = Streaming,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (UploadLimitExceededException)
        {
            // Blocks staged before the limit was passed are never committed; the blob does not exist.
            return StoredUpload.Refused(UploadRejection.TooLarge);
        }

        if (FileKind.IsPackage(contentType) && !await IsSoundPackageAsync(blob, contentType, cancellationToken).ConfigureAwait(false))
        {
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return StoredUpload.Refused(UploadRejection.UnsoundPackage);
        }

        return new StoredUpload(null, contentType, measured.BytesRead, measured.Sha256Hex());
    }

    /// <summary>Checks a stored package's parts, reading only its central directory and content types (ranged reads).</summary>
    private static async Task<bool> IsSoundPackageAsync(BlobClient blob, string contentType, CancellationToken cancellationToken)
    {
        await using var stored = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 64 * 1024 }, cancellationToken).ConfigureAwait(false);
        return await OfficePackage.IsSoundAsync(stored, contentType, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(CaseId caseId, string documentId, string fileId, CancellationToken cancellationToken)
    {
        var container = await _container.Value.ConfigureAwait(false);
        await container.DeleteBlobIfExistsAsync(BlobName(caseId, documentId, fileId), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored file, for staff to download through the app.</summary>
    public async Task<Stream?> OpenAsync(CaseId caseId, string documentId, string fileId, CancellationToken cancellationToken)
    {
        var container = await _container.Value.ConfigureAwait(false);
        try
        {
            return await container.GetBlobClient(BlobName(caseId, documentId, fileId)).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>An upload as stored, or why it was not.</summary>
internal sealed record StoredUpload(UploadRejection? Rejection, string ContentType, long Size, string Sha256)
{
    public static StoredUpload Refused(UploadRejection rejection) => new(rejection, "", 0, "");
}
