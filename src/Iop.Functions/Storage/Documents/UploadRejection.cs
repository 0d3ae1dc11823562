namespace Iop.Functions.Storage.Documents;

/// <summary>Why an upload was not stored.</summary>
internal enum UploadRejection
{
    /// <summary>The file has no bytes.</summary>
    Empty,

    /// <summary>The first bytes are not those of an accepted type (a renamed program, a ZIP of something else).</summary>
    UnsupportedType,

    /// <summary>
    /// A ZIP that starts like an Office or OpenDocument file but is not a sound one: parts missing, programs or macros
    /// inside, too many entries, or far more data than its size suggests.
    /// </summary>
    UnsoundPackage,

    /// <summary>The file grew past the limit while streaming.</summary>
    TooLarge,

    /// <summary>No usable file name, or no file part at all.</summary>
    NoFile,
}
