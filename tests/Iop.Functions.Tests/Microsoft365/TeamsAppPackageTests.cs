using System.IO.Compression;
using System.Text.Json.Nodes;
using Iop.Functions.Microsoft365;

namespace Iop.Functions.Tests.Microsoft365;

public sealed class TeamsAppPackageTests
{
    [Fact]
    public void The_package_names_the_app_registration_and_declares_the_activity_type_the_notifier_sends()
    {
        var clientId = Guid.NewGuid();
        using var buffer = new MemoryStream();

        TeamsAppPackage.Write(buffer, Guid.NewGuid(), clientId, "iop.mora.example", "Mora kommun");

        buffer.Position = 0;
        using var zip = new ZipArchive(buffer);
        Assert.Equal(["manifest.json", "color.png", "outline.png"], zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        Assert.False(text.StartsWith('\uFEFF'));
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal(clientId.ToString(), manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal(ActivityFeedNotifier.ActivityType, manifest["activities"]!["activityTypes"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("{title}", manifest["activities"]!["activityTypes"]![0]!["templateText"]!.GetValue<string>());
        Assert.Equal("iop.mora.example", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal("Mora kommun", manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal("IOP-ärenden", manifest["name"]!["short"]!.GetValue<string>());
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        using var icon = zip.GetEntry("color.png")!.Open();
        var signature = new byte[8];
        icon.ReadExactly(signature);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
    }

    private static JsonNode Manifest(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!;
    }

    [Fact]
    public void Generating_twice_keeps_the_app_id_normalises_the_host_and_takes_the_version()
    {
        var clientId = Guid.NewGuid().ToString();
        var first = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.zip");
        var second = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.zip");
        using var output = new StringWriter();

        Assert.True(TeamsAppPackage.TryRun(["teams-app", "--client-id", clientId, "--host", "https://iop.mora.example/", "--out", first], output));
        Assert.True(TeamsAppPackage.TryRun(["teams-app", "--client-id", clientId, "--host", "IOP.mora.example", "--version", "1.0.1", "--out", second], output));

        var (a, b) = (Manifest(first), Manifest(second));
        Assert.Equal(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>());
        Assert.Equal(("1.0.0", "1.0.1"), (a["version"]!.GetValue<string>(), b["version"]!.GetValue<string>()));
        Assert.Equal("https://iop.mora.example/arenden", a["staticTabs"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.Equal("iop.mora.example", b["validDomains"]![0]!.GetValue<string>());
        Assert.Contains($"Teams app {a["id"]!.GetValue<string>()} version 1.0.0", output.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(a["id"]!.GetValue<string>(), TeamsAppPackage.DerivedAppId(Guid.NewGuid()).ToString());
        Assert.Equal('5', TeamsAppPackage.DerivedAppId(Guid.Parse(clientId)).ToString()[14]);
    }

    [Theory]
    [InlineData("--host", "https://https://iop.mora.example//")]
    [InlineData("--host", "http://iop.mora.example")]
    [InlineData("--host", "localhost")]
    [InlineData("--host", "iop.mora.example:8443")]
    [InlineData("--version", "1.0")]
    [InlineData("--version", "v1.0.1")]
    [InlineData("--app-id", "not-a-guid")]
    public void A_bad_option_is_named_and_nothing_is_written(string option, string value)
    {
        var path = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.zip");
        string[] args = ["teams-app", "--client-id", Guid.NewGuid().ToString(), "--host", "iop.mora.example", "--out", path];
        using var output = new StringWriter();
        var exitCode = Environment.ExitCode;
        try
        {
            Assert.True(TeamsAppPackage.TryRun([.. args.Where((_, i) => option != "--host" || (i != 3 && i != 4)), option, value], output));

            Assert.Equal(2, Environment.ExitCode);
            Assert.StartsWith(option, output.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(path));
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }
}
