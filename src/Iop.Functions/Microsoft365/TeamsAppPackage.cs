using System.IO.Compression;
using System.Text;

namespace Iop.Functions.Microsoft365;

/// <summary>
/// The Teams app the coordinator installs so the product can post to their activity feed: the manifest (with
/// <c>webApplicationInfo.id</c> = the app registration and the <c>iopCaseUpdate</c> activity type) and two icons, zipped
/// for upload in the Teams admin center. Run: <c>dotnet run --project src/Iop.Functions -- teams-app
/// --client-id &lt;app registration&gt; --host &lt;app host&gt; [--municipality "Mora kommun"] [--out teams-app.zip]</c>.
/// </summary>
internal static class TeamsAppPackage
{
    public static void Write(Stream output, Guid teamsAppId, Guid clientId, string host, string municipality)
    {
        var assembly = typeof(TeamsAppPackage).Assembly;
        string Template() => new StreamReader(assembly.GetManifestResourceStream("teams/manifest.json")!, Encoding.UTF8).ReadToEnd();
        var manifest = Template()
            .Replace("{{TeamsAppId}}", teamsAppId.ToString(), StringComparison.Ordinal)
            .Replace("{{AppRegistrationClientId}}", clientId.ToString(), StringComparison.Ordinal)
            .Replace("{{AppHost}}", host, StringComparison.Ordinal)
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

    /// <summary>The command line: true when the arguments asked for the package (which is then written).</summary>
    public static bool TryRun(string[] args, TextWriter output)
    {
        if (args is not ["teams-app", ..])
        {
            return false;
        }

        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (!Guid.TryParse(Option("--client-id"), out var clientId) || Option("--host") is not { Length: > 0 } host)
        {
            output.WriteLine("Usage: teams-app --client-id <app registration client id> --host <app host name> [--municipality <name>] [--out <file.zip>]");
            Environment.ExitCode = 2;
            return true;
        }

        var path = Option("--out") ?? "teams-app.zip";
        var teamsAppId = Guid.NewGuid();
        using (var file = File.Create(path))
        {
            Write(file, teamsAppId, clientId, host, Option("--municipality") ?? "Kommunen");
        }

        output.WriteLine($"Teams app {teamsAppId} written to {Path.GetFullPath(path)}.");
        return true;
    }
}
