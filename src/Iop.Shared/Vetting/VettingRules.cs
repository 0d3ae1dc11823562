namespace Iop.Vetting;

/// <summary>The stable codes of the vetting rules.</summary>
public static class VettingRules
{
    /// <summary>The portal link has been replaced by a newer one.</summary>
    public const string LinkRevoked = "portal.link-revoked";

    /// <summary>The portal link has expired.</summary>
    public const string LinkExpired = "portal.link-expired";

    /// <summary>The document was not requested.</summary>
    public const string NotRequested = "vetting.document-not-requested";

    /// <summary>The document is accepted; nothing more can be added.</summary>
    public const string AlreadyAccepted = "vetting.document-already-accepted";

    /// <summary>An upload must hold at least one file.</summary>
    public const string NoFiles = "vetting.no-files";

    /// <summary>The document already holds as many files as one document may.</summary>
    public const string TooManyFilesForDocument = "vetting.too-many-files-for-document";

    /// <summary>The case already holds as many files as one case may.</summary>
    public const string TooManyFilesForCase = "vetting.too-many-files-for-case";

    /// <summary>The case's files together would be larger than one case may hold.</summary>
    public const string CaseStorageFull = "vetting.case-storage-full";

    /// <summary>The guideline does not let this document be missing.</summary>
    public const string MustExist = "vetting.document-must-exist";

    /// <summary>Saying a document does not exist needs an explanation.</summary>
    public const string ExplanationRequired = "vetting.explanation-required";

    /// <summary>The guideline asks for no values declaration.</summary>
    public const string NoDeclaration = "vetting.no-declaration";

    /// <summary>The declaration is already signed.</summary>
    public const string AlreadySigned = "vetting.declaration-already-signed";

    /// <summary>Signing needs name, role and organisation.</summary>
    public const string SignerRequired = "vetting.signer-required";

    /// <summary>A signer's name, role or organisation holds characters no name has (control or direction characters).</summary>
    public const string SignerInvalid = "vetting.signer-invalid";

    /// <summary>Signing needs the confirmation box.</summary>
    public const string ConfirmationRequired = "vetting.confirmation-required";

    /// <summary>The declaration text changed since the page was shown.</summary>
    public const string DeclarationChanged = "vetting.declaration-changed";

    /// <summary>Only a submitted document can be reviewed.</summary>
    public const string NothingToReview = "vetting.nothing-to-review";

    /// <summary>Asking for completion needs a comment.</summary>
    public const string CommentRequired = "vetting.comment-required";

    /// <summary>A due date must lie in the future.</summary>
    public const string DueDateInPast = "vetting.due-date-in-past";

    /// <summary>A due date lies more than a year ahead.</summary>
    public const string DueDateTooFar = "vetting.due-date-too-far";

    /// <summary>No reminder or escalation is due.</summary>
    public const string NothingDue = "vetting.nothing-due";
}
