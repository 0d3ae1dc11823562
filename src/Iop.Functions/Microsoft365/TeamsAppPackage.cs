using System.IO.Compression;
using System.Text;

namespace Iop.Functions.Microsoft365;

/// <summary>
/// The Teams app the coordinator installs so the product can post to their activity feed: the manifest (with
/// <c>webApplicationInfo.id</c> = the app registration and the <c>iopCaseUpdate</c> activity type) and two icons, zipped
/// for upload in the Teams admin center. Run: <c>dotnet run --project src/Iop.Functions -- teams-app
/// --client-id &lt;app registration&gt; --host &lt;app host&gt; [--app-id &lt;Teams app id&gt;] [--version 1.0.1]
/// [--municipality "Mora kommun"] [--out teams-app.zip]</c>. The Teams app id stays the same from one package to the
/// next (given, or derived from the app registration), so Teams sees an update of the same app, not a new one; an
/// update needs a higher <c>--version</c>.
/// </summary>
internal static class TeamsAppPackage
{
    /// <summary>Where the derived app ids live: a fixed namespace for name-based (version 5) UUIDs.</summary>
    private static readonly Guid Namespace = new("3b7f2a86-5a0c-4d5e-9a41-6f0c2b1d9e77");

    public static void Write(Stream output, Guid teamsAppId, Guid clientId, string host, string municipality, string version = "1.0.0")
    {
        var assembly = typeof(TeamsAppPackage).Assembly;
        string Template() => new StreamReader(assembly.GetManifestResourceStream("teams/manifest.json")!, Encoding.UTF8).ReadToEnd();
        var manifest = Template()
            .Replace("{{TeamsAppId}}", teamsAppId.ToString(), StringComparison.Ordinal)
            .Replace("{{AppRegistrationClientId}}", clientId.ToString(), StringComparison.Ordinal)
            .Replace("{{AppHost}}", host, StringComparison.Ordinal)
            .Replace("{{Version}}", version, StringComparison.Ordinal)
            .Replace("{{Municipality}}", System.Text.Json.JsonEncodedText.Encode(municipality).ToString(), StringComparison.Ordinal);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write(manifest);
        }

        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var entry = zip.CreateEntry(icon).Open();
            assembly.GetManifestResourceStream($"teams/{icon}")!.CopyTo(entry);
        }
    }

    /// <summary>The Teams app id for an app registration: the same every time, so a new package updates the same app.</summary>
    public static Guid DerivedAppId(Guid clientId)
    {
        // RFC 4122 name-based UUID (SHA-1, version 5) of the client id in the product's namespace.
        Span<byte> name = stackalloc byte[32];
        Namespace.TryWriteBytes(name[..16], bigEndian: true, out _);
        clientId.TryWriteBytes(name[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 4122 defines version 5 UUIDs with SHA-1; an identifier, not a security measure.
        System.Security.Cryptography.SHA1.HashData(name, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>
    /// The app's host name from what an administrator types: "iop.mora.example", "https://iop.mora.example/" or with a
    /// path all give "iop.mora.example"; null when no valid DNS host name is left.
    /// </summary>
    public static string? NormaliseHost(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var candidate = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort
            && Uri.CheckHostName(uri.Host) == UriHostNameType.Dns && uri.Host.Contains('.', StringComparison.Ordinal)
            ? uri.Host.ToLowerInvariant()
            : null;
    }

    /// <summary>A manifest version: three numbers, as Teams requires.</summary>
    public static bool IsVersion(string? text) =>
        text?.Split('.') is [var major, var minor, var patch] && new[] { major, minor, patch }.All(p => p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit));

    /// <summary>The command line: true when the arguments asked for the package (which is then written).</summary>
    public static bool TryRun(string[] args, TextWriter output)
    {
        if (args is not ["teams-app", ..])
        {
            return false;
        }

        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string? error = null;
        var host = NormaliseHost(Option("--host"));
        var version = Option("--version") ?? "1.0.0";
        var teamsAppId = Guid.Empty;
        if (!Guid.TryParse(Option("--client-id"), out var clientId))
        {
            error = "--client-id must be the app registration's client id (a GUID).";
        }
        else if (host is null)
        {
            error = $"--host '{Option("--host")}' is not a host name; give the app's address, e.g. iop.mora.example or https://iop.mora.example/.";
        }
        else if (!IsVersion(version))
        {
            error = $"--version '{version}' must be three numbers, e.g. 1.0.1 (raise it for every update of the package).";
        }
        else if (Option("--app-id") is { } given && !Guid.TryParse(given, out teamsAppId))
        {
            error = $"--app-id '{given}' must be a GUID (the Teams app id the package had before).";
        }

        if (error is not null)
        {
            output.WriteLine(error);
            output.WriteLine("Usage: teams-app --client-id <app registration client id> --host <app host> [--app-id <Teams app id>] [--version <x.y.z>] [--municipality <name>] [--out <file.zip>]");
            Environment.ExitCode = 2;
            return true;
        }

        teamsAppId = teamsAppId == Guid.Empty ? DerivedAppId(clientId) : teamsAppId;
        var path = Option("--out") ?? "teams-app.zip";
        using (var file = File.Create(path))
        {
            Write(file, teamsAppId, clientId, host!, Option("--municipality") ?? "Kommunen", version);
        }

        output.WriteLine($"Teams app {teamsAppId} version {version} for host {host} written to {Path.GetFullPath(path)}.");
        output.WriteLine("The app id stays the same for this app registration; upload a later package with a higher --version to update the app.");
        return true;
    }
}
