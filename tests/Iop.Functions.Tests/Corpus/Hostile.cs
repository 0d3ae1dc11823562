using System.IO.Compression;
using System.Text;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Corpus;

/// <summary>The hostile values the corpus feeds the endpoints.</summary>
public static class Hostile
{
    /// <summary>Must never come back unescaped.</summary>
    public const string Script = "<script>alert('corpus')</script>";

    /// <summary>A right-to-left override: <c>invoice‮fdp.exe</c> shows as "invoiceexe.pdf".</summary>
    public const string Bidi = "Karin\u202Efdp.exe";

    /// <summary>NUL, bell, an ANSI escape, backspace.</summary>
    public const string Control = "Karin\u0000\u0007\u001B[2J\u0008";

    /// <summary>All three in one text.</summary>
    public const string Text = Script + Bidi + Control;

    /// <summary>One mebibyte: over every text limit, under the form reader's 4 MiB per value.</summary>
    public static readonly string Huge = new('x', 1 << 20);

    /// <summary>Over the form reader's 4 MiB per value.</summary>
    public static readonly string Enormous = new('x', 5 << 20);

    /// <summary>Invalid UTF-8: a broken two-byte sequence, stray continuation bytes, an overlong '/', bytes never valid.</summary>
    public static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xA0, 0xA1, 0xC0, 0xAF, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE];

    /// <summary>Ids for route values, as they appear in the path (already escaped).</summary>
    public static readonly (string Name, string Path)[] Ids =
    [
        ("unknown id", Guid.NewGuid().ToString()),
        ("path traversal", "..%2F..%2Fapi%2Fcases"),
        ("backslash traversal", "%2E%2E%5C%2E%2E%5Cweb.config"),
        ("invalid UTF-8 in the path", "%C0%AE%C0%AE%FF"),
        ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("4,000-character id", new string('a', 4000)),
    ];

    /// <summary>A form body with <paramref name="fields"/> URL-encoded and <paramref name="raw"/> appended as raw bytes.</summary>
    public static byte[] FormWithRawValue(IEnumerable<KeyValuePair<string, string>> fields, string name, byte[] raw)
    {
        var encoded = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return [.. Encoding.ASCII.GetBytes(encoded + (encoded.Length > 0 ? "&" : "") + Uri.EscapeDataString(name) + "="), .. raw];
    }

    /// <summary>Broken multipart bodies: the content type to send with each, and the body after the given form fields.</summary>
    public static readonly (string Name, string ContentType, Func<IEnumerable<KeyValuePair<string, string>>, byte[]> Body)[] BrokenMultipart =
    [
        ("a boundary that does not match the header", "multipart/form-data; boundary=corpus-header", f => Part("corpus-body", f, FilePart(), close: true)),
        ("no closing boundary", "multipart/form-data; boundary=corpus", f => Part("corpus", f, FilePart(), close: false)),
        ("part headers over 16 KB", "multipart/form-data; boundary=corpus", f => Part("corpus", f, FilePart($"X-Padding: {new string('a', 17 * 1024)}\r\n"), close: true)),
        ("17 header lines in a part", "multipart/form-data; boundary=corpus", f => Part("corpus", f, FilePart(string.Concat(Enumerable.Range(0, 16).Select(i => $"X-Line-{i}: {i}\r\n"))), close: true)),
        ("an empty body", "multipart/form-data; boundary=corpus", _ => []),
    ];

    /// <summary>Multipart bodies that are well-formed but wrong in other ways: no file, or no usable part.</summary>
    public static readonly (string Name, string ContentType, Func<byte[]> Body)[] OddMultipart =
    [
        ("multipart without a boundary", "multipart/form-data", () => Part("corpus", [], FilePart(), close: true)),
        ("only the closing boundary", "multipart/form-data; boundary=corpus", () => Encoding.ASCII.GetBytes("--corpus--\r\n")),
        ("a part without Content-Disposition", "multipart/form-data; boundary=corpus", () => Part("corpus", [], [.. "Content-Type: application/pdf\r\n\r\n"u8, .. VettingCases.Pdf(1024)], close: true)),
    ];

    /// <summary>Multipart bodies with a good file under a hostile name: the upload may be taken, the name must be made harmless.</summary>
    public static readonly (string Name, string ContentType, Func<byte[]> Body)[] HostileFileNames =
    [
        ("a file name with a NUL and a path", "multipart/form-data; boundary=corpus", () => Part("corpus", [], FilePart(fileName: "..\\..\\a\u0000b.pdf"), close: true)),
        ("invalid UTF-8 in the part headers", "multipart/form-data; boundary=corpus", () => Part("corpus", [], [.. "Content-Disposition: form-data; name=\"file\"; filename=\""u8, .. InvalidUtf8, .. ".pdf\"\r\n\r\n"u8, .. VettingCases.Pdf(1024)], close: true)),
    ];

    private static byte[] FilePart(string extraHeaders = "", string fileName = "stadgar.pdf") =>
        [.. Encoding.UTF8.GetBytes($"Content-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\n{extraHeaders}Content-Type: application/pdf\r\n\r\n"), .. VettingCases.Pdf(1024)];

    private static byte[] Part(string boundary, IEnumerable<KeyValuePair<string, string>> fields, byte[] part, bool close) =>
    [
        .. fields.SelectMany(f => Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n")),
        .. Encoding.ASCII.GetBytes($"--{boundary}\r\n"), .. part, .. Encoding.ASCII.GetBytes(close ? $"\r\n--{boundary}--\r\n" : "\r\n"),
    ];

    /// <summary>A multipart body of <paramref name="files"/> parts named <paramref name="field"/>, each holding <paramref name="content"/>.</summary>
    public static MultipartFormDataContent Files(string field, byte[] content, string fileName, int files = 1)
    {
        var form = new MultipartFormDataContent("corpus-files");
        for (var i = 0; i < files; i++)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, fileName);
        }

        return form;
    }

    /// <summary>A zip that names itself Word by a <c>word/</c> entry and holds an executable and a script.</summary>
    public static byte[] ZipWithExecutable() => Zip(zip =>
    {
        Write(zip, "word/evil.exe", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0]);
        Write(zip, "payload.js", "alert(1)"u8.ToArray());
    });

    /// <summary>A small DOCX-looking zip that expands to 64 MiB of zeros.</summary>
    public static byte[] ZipBomb() => Zip(zip =>
    {
        Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray());
        var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
        using var stream = entry.Open();
        var zeros = new byte[1 << 20];
        for (var i = 0; i < 64; i++)
        {
            stream.Write(zeros);
        }
    });

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}
