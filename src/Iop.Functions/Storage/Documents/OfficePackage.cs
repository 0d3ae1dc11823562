using System.IO.Compression;

namespace Iop.Functions.Storage.Documents;

/// <summary>
/// Whether a ZIP that starts like an Office Open XML or OpenDocument file is one: the package's own description
/// present (<c>[Content_Types].xml</c> naming the main part, or the OpenDocument <c>mimetype</c> and manifest), the main
/// part there, and nothing a document does not hold: no programs or scripts, no macros, not thousands of entries, and
/// not a few hundred kilobytes that would expand to gigabytes. Only the central directory and the small content-types
/// part are read; nothing is decompressed beyond that.
/// </summary>
internal static class OfficePackage
{
    /// <summary>More parts than any real document has (a long report with many images has a few hundred).</summary>
    public const int MaxEntries = 2_000;

    /// <summary>The declared size of all parts together.</summary>
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>How much one part may expand (XML compresses 5–20×; a zip bomb thousands of times).</summary>
    public const int MaxRatio = 200;

    /// <summary>Below this a part's ratio is not judged: tiny repetitive XML parts compress very well.</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    private const int MaxContentTypesBytes = 256 * 1024;

    private static readonly string[] ForbiddenExtensions =
    [
        ".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh",
        ".hta", ".jar", ".sh", ".lnk", ".pif", ".cpl", ".reg",
    ];

    /// <summary>True when <paramref name="package"/> (seekable) is a sound package of <paramref name="contentType"/>.</summary>
    public static async Task<bool> IsSoundAsync(Stream package, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await using var zip = await ZipArchive.CreateAsync(package, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            var entries = zip.Entries;
            if (entries.Count is 0 or > MaxEntries)
            {
                return false;
            }

            var total = 0L;
            foreach (var entry in entries)
            {
                total += entry.Length;
                var name = entry.FullName;
                if (total > MaxUncompressedBytes
                    || (entry.Length > RatioFloorBytes && entry.Length > entry.CompressedLength * MaxRatio)
                    || ForbiddenExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)
                    || name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith('/') || name.Contains("..", StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return contentType switch
            {
                "application/vnd.oasis.opendocument.text" => await IsOpenDocumentTextAsync(zip, cancellationToken).ConfigureAwait(false),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => await HasOfficeMainPartAsync(
                    zip, "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", cancellationToken).ConfigureAwait(false),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => await HasOfficeMainPartAsync(
                    zip, "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", cancellationToken).ConfigureAwait(false),
                _ => false,
            };
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static async Task<bool> HasOfficeMainPartAsync(ZipArchive zip, string mainPart, string mainContentType, CancellationToken cancellationToken) =>
        zip.GetEntry(mainPart) is not null
        && await ReadSmallAsync(zip.GetEntry("[Content_Types].xml"), cancellationToken).ConfigureAwait(false) is { } types
        && types.Contains(mainContentType, StringComparison.Ordinal);

    private static async Task<bool> IsOpenDocumentTextAsync(ZipArchive zip, CancellationToken cancellationToken) =>
        zip.Entries[0].FullName == "mimetype"
        && (await ReadSmallAsync(zip.Entries[0], cancellationToken).ConfigureAwait(false))?.Trim() == "application/vnd.oasis.opendocument.text"
        && zip.GetEntry("content.xml") is not null
        && zip.GetEntry("META-INF/manifest.xml") is not null;

    /// <summary>A small text part, or null when it is missing or larger than a description can be.</summary>
    private static async Task<string?> ReadSmallAsync(ZipArchiveEntry? entry, CancellationToken cancellationToken)
    {
        if (entry is null || entry.Length > MaxContentTypesBytes)
        {
            return null;
        }

        await using var content = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxContentTypesBytes + 1];
        var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read > MaxContentTypesBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
