namespace Iop.Vetting;

/// <summary>A file the organisation uploaded for a request: stored as a blob named by case, document and file id.</summary>
/// <param name="FileId">The blob's id; never derived from the uploaded name.</param>
/// <param name="FileName">The uploaded file name, sanitised, kept for people only.</param>
/// <param name="ContentType">The type recognised from the file's first bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Hex SHA-256 of the stored bytes.</param>
/// <param name="UploadedAt">When.</param>
public sealed record UploadedFile(string FileId, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);
