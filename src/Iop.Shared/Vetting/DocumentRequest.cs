using Iop.Common;

namespace Iop.Vetting;

/// <summary>One document asked of the organisation, with its answer and review.</summary>
/// <param name="DocumentId">The policy profile's document id.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="Files">The files uploaded for it, oldest first.</param>
/// <param name="NotExisting">The organisation's explanation when it says the document does not exist.</param>
/// <param name="ReviewComment">The coordinator's last request for completion.</param>
public sealed record DocumentRequest(
    string DocumentId,
    RequestStatus Status,
    DateTimeOffset DueAt,
    ValueList<UploadedFile> Files,
    string? NotExisting,
    string? ReviewComment)
{
    /// <summary>Whether the organisation still has to act on it.</summary>
    public bool AwaitsOrganisation => Status is RequestStatus.Open or RequestStatus.NeedsCompletion;
}
