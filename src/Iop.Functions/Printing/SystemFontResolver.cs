using PdfSharp.Fonts;

namespace Iop.Functions.Printing;

/// <summary>
/// PDFsharp's fonts, from font files installed on the machine: PDFsharp's core build brings none, and on Linux it finds
/// none by itself. DejaVu (Debian's fonts-dejavu-core) comes first, then Liberation, then Arial and Consolas on Windows;
/// all have å, ä and ö. A deployment without them can put the files in a <c>fonts</c> folder beside the app.
/// </summary>
internal sealed class SystemFontResolver : IFontResolver
{
    /// <summary>The family the case file is set in.</summary>
    public const string Sans = "IopSans";

    /// <summary>The fixed-width family, for checksums.</summary>
    public const string Mono = "IopMono";

    private const string Regular = "regular";
    private const string Bold = "bold";
    private const string Fixed = "mono";

    /// <summary>The files each face may come from, in order of preference.</summary>
    private static readonly (string Face, string[] Files)[] Candidates =
    [
        (Regular, ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "arial.ttf"]),
        (Bold, ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "arialbd.ttf"]),
        (Fixed, ["DejaVuSansMono.ttf", "LiberationMono-Regular.ttf", "consola.ttf"]),
    ];

    private static readonly Lock Gate = new();

    private readonly IReadOnlyDictionary<string, string> _paths;

    private SystemFontResolver(IReadOnlyDictionary<string, string> paths) => _paths = paths;

    /// <summary>Makes PDFsharp use the installed fonts; once per process. Throws, naming what to install, when a face is missing.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is SystemFontResolver)
            {
                return;
            }

            GlobalFontSettings.FontResolver = new SystemFontResolver(Locate());
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(familyName == Mono ? Fixed : bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(_paths[faceName]);

    /// <summary>The first installed file for each face.</summary>
    private static Dictionary<string, string> Locate()
    {
        var installed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var directory in Directories().Where(Directory.Exists))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
            foreach (var path in Directory.EnumerateFiles(directory, "*.ttf", options))
            {
                installed.TryAdd(Path.GetFileName(path), path);
            }
        }

        var paths = new Dictionary<string, string>();
        foreach (var (face, files) in Candidates)
        {
            paths[face] = files.Select(f => installed.GetValueOrDefault(f)).FirstOrDefault(p => p is not null)
                ?? throw new InvalidOperationException(
                    $"No font for the case file PDF: none of {string.Join(", ", files)} is installed. On Debian or Ubuntu install fonts-dejavu-core "
                    + $"(apt-get install fonts-dejavu-core), or put the files in {Path.Combine(AppContext.BaseDirectory, "fonts")}. Searched: {string.Join(", ", Directories())}.");
        }

        return paths;
    }

    /// <summary>Beside the app first, then where Linux and Windows keep fonts.</summary>
    private static IEnumerable<string> Directories()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "fonts");
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            yield return Path.Combine(home, ".local", "share", "fonts");
        }

        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (windows.Length > 0)
        {
            yield return windows;
        }
    }
}
