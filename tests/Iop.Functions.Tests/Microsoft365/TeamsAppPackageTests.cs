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
}
