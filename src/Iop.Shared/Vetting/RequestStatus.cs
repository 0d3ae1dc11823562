namespace Iop.Vetting;

/// <summary>Where one requested document (or the values declaration) stands.</summary>
public enum RequestStatus
{
    /// <summary>Requested; the organisation has not answered yet.</summary>
    Open,

    /// <summary>The organisation has uploaded files or said the document does not exist; waiting for review.</summary>
    Submitted,

    /// <summary>The coordinator asked for more (komplettering); open again with a new due date.</summary>
    NeedsCompletion,

    /// <summary>Accepted by the coordinator (possibly as not existing).</summary>
    Accepted,
}
