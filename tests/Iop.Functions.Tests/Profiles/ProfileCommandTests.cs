using System.Diagnostics;
using System.Text.Json.Nodes;
using Iop.Functions.Hosting;
using Iop.Functions.Tests.Infrastructure;
using Iop.Policies;

namespace Iop.Functions.Tests.Profiles;

/// <summary><c>profile list</c> and <c>profile check &lt;file&gt;</c>: a municipality's own guideline checked before it is used.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iop-profile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The built-in Mora profile as a file, changed by <paramref name="change"/>.</summary>
    private string ProfileFile(Action<JsonObject>? change = null)
    {
        using var stream = typeof(PolicyProfileLoader).Assembly.GetManifestResourceStream(typeof(PolicyProfileLoader).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("mora-2023.json", StringComparison.Ordinal)))!;
        var json = JsonNode.Parse(stream)!.AsObject();
        change?.Invoke(json);
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Fact]
    public void The_list_names_each_built_in_profile_with_its_counts()
    {
        var output = new StringWriter();

        Assert.True(ProfileCommand.TryRun(["profile", "list"], output));

        var mora = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("mora-2023", StringComparison.Ordinal));
        Assert.Contains("Mora kommun", mora, StringComparison.Ordinal);
        Assert.Contains("9 criteria, 8 documents, 14 agreement sections, due dates in calendar days", mora, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_profile_is_summarised_in_full()
    {
        var output = new StringWriter();

        var exit = ProfileCommand.Check(ProfileFile(), output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains(": valid.", text, StringComparison.Ordinal);
        Assert.Contains("Checklist (9 criteria):", text, StringComparison.Ordinal);
        Assert.Contains("[procurement unit's opinion]", text, StringComparison.Ordinal);
        Assert.Contains("Revisionsberättelse [may not exist]", text, StringComparison.Ordinal);
        Assert.Contains("Agreement sections (14): ", text, StringComparison.Ordinal);
        Assert.Contains("Ekonomi, fakturaadress", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_broken_profile_names_its_field()
    {
        var broken = ProfileFile(json =>
        {
            json["checklist"]![0]!["text"]!["sv"] = "";
            json["reminders"]!["dayCount"] = "bankdagar";
        });
        var output = new StringWriter();

        var exit = ProfileCommand.Check(broken, output);

        var text = output.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("errors; the app would refuse to start with it.", text, StringComparison.Ordinal);
        Assert.Contains("reminders.dayCount: must be 'calendar' or 'working', not 'bankdagar'", text, StringComparison.Ordinal);
        Assert.Contains("checklist[0]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_does_not_parse_and_a_missing_file_say_where_and_what()
    {
        var output = new StringWriter();
        var path = Path.Combine(_folder, "trasig.json");
        File.WriteAllText(path, "{ \"id\": \"x\", \"checklist\": [ { \"number\": \"nio\" } ] }");

        Assert.Equal(1, ProfileCommand.Check(path, output));
        Assert.Equal(2, ProfileCommand.Check(Path.Combine(_folder, "finns-inte.json"), output));

        Assert.Contains("checklist[0].number:", output.ToString(), StringComparison.Ordinal);
        File.WriteAllText(path, "{ \"id\": \"x\" }");
        Assert.Equal(1, ProfileCommand.Check(path, output));
        Assert.Contains("$: missing required fields: 'version', 'name'", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Iop.Policies", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("finns-inte.json: no such file.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_app_checks_a_profile_from_the_command_line_with_an_exit_code()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { AppProcess.EntryAssembly(), "profile", "check", ProfileFile(json => json["documents"] = new JsonArray()) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("documents", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_path_is_read_from_the_directory_the_command_was_typed_in()
    {
        // dotnet run --project starts the app in the project's folder; the shell's $PWD says where the person was.
        var file = ProfileFile();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.Environment["PWD"] = _folder;
        foreach (var arg in new[] { AppProcess.EntryAssembly(), "profile", "check", Path.GetFileName(file) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith($"{file}: valid.", output, StringComparison.Ordinal);
    }
}
