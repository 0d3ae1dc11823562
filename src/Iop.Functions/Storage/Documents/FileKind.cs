using System.Globalization;
using System.Text;

namespace Iop.Functions.Storage.Documents;

/// <summary>
/// What a file is, judged by its first bytes, never by its name or the browser's word: PDF, the Office and
/// OpenDocument text formats (ZIP containers told apart by their parts), and JPEG/PNG scans.
/// </summary>
internal static class FileKind
{
    /// <summary>How much of the start of a file the recogniser needs.</summary>
    public const int HeadLength = 64 * 1024;

    public static string? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (!head.StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        // OpenDocument puts an uncompressed "mimetype" entry first; OOXML names its parts in the local headers.
        if (head.IndexOf("mimetypeapplication/vnd.oasis.opendocument.text"u8) >= 0)
        {
            return "application/vnd.oasis.opendocument.text";
        }

        if (head.IndexOf("word/"u8) >= 0)
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }

        return head.IndexOf("xl/"u8) >= 0 ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : null;
    }

    /// <summary>The extension matching a recognised type, for the download's file name.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "application/vnd.oasis.opendocument.text" => ".odt",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        _ => "",
    };

    /// <summary>Whether the type is a ZIP package (Office Open XML or OpenDocument) whose parts must be checked.</summary>
    public static bool IsPackage(string contentType) => contentType.StartsWith("application/vnd.", StringComparison.Ordinal);

    /// <summary>
    /// The name a download is saved under: the uploaded name without whatever extension it claimed, with the extension
    /// of the type the bytes were recognised as (a PDF uploaded as <c>poly.html</c> downloads as <c>poly.pdf</c>).
    /// </summary>
    public static string DownloadName(string uploaded, string contentType)
    {
        var name = SanitiseName(uploaded);
        var stem = Path.GetFileNameWithoutExtension(name).TrimEnd('.', ' ');
        return (stem.Length == 0 ? "dokument" : stem) + Extension(contentType);
    }

    /// <summary>
    /// The uploaded name as a plain file name for people: no folders (a path's last part only), no control, format
    /// (e.g. the right-to-left override that makes <c>invoice‮fdp.exe</c> read as "invoiceexe.pdf") or reserved
    /// characters, at most 120 characters. Empty when nothing usable is left.
    /// </summary>
    public static string SanitiseName(string? uploaded)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim().TrimStart('.');
        return result.Length > 120 ? result[..120] : result;
    }
}
