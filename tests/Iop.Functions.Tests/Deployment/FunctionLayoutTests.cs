using System.IO.Compression;
using System.Text.Json.Nodes;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace Iop.Functions.Tests.Deployment;

/// <summary>
/// The function folders and the app agree: every <c>function.json</c> is valid and declares a trigger the app handles
/// under the same name, every trigger the app handles has its <c>function.json</c>, and the package carries them all.
/// </summary>
[Collection("Azurite")]
public sealed class FunctionLayoutTests(AzuriteFixture azurite)
{
    private static string FunctionsFolder => Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "Iop.Functions", "Functions");

    private static IEnumerable<(string Name, JsonObject Json)> FunctionJsons() =>
        Directory.GetDirectories(FunctionsFolder).Select(d => (Path.GetFileName(d), JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))!.AsObject()));

    private List<ITriggerFunction> AppTriggers()
    {
        // The app as configured in Azure: default storage names.
        using var app = new IopAppFactory(azurite.ConnectionString);
        return [.. app.Services.GetServices<ITriggerFunction>()];
    }

    [Fact]
    public void Every_function_json_is_valid_and_declares_a_trigger_the_app_handles_under_that_name()
    {
        var triggers = AppTriggers().ToDictionary(t => t.Name);

        foreach (var (name, json) in FunctionJsons())
        {
            var trigger = json["bindings"]!.AsArray().Single(b => b!["direction"]!.GetValue<string>() == "in")!.AsObject();
            var type = trigger["type"]!.GetValue<string>();
            if (type == "httpTrigger")
            {
                // Forwarded as-is to the ASP.NET Core routes: every path, every method, no function key.
                Assert.Equal("{*path}", trigger["route"]!.GetValue<string>());
                Assert.Equal("anonymous", trigger["authLevel"]!.GetValue<string>());
                Assert.Contains("post", trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
                Assert.Contains(json["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "http" && b["direction"]!.GetValue<string>() == "out");
                continue;
            }

            Assert.True(triggers.TryGetValue(name, out var handler), $"No trigger handler for the function {name}.");
            Assert.Equal(handler.Binding.Type, type);
            Assert.Equal(handler.Binding.Name, trigger["name"]!.GetValue<string>());
            Assert.Equal(handler.Binding.QueueName, trigger["queueName"]?.GetValue<string>());
            if (type == TriggerBinding.TimerTrigger)
            {
                Assert.Equal(6, trigger["schedule"]!.GetValue<string>().Split(' ').Length);
            }
        }
    }

    [Fact]
    public void Every_trigger_the_app_handles_has_a_function_json()
    {
        var folders = FunctionJsons().Select(f => f.Name).ToHashSet();

        var triggers = AppTriggers();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.Contains(t.Name, folders));
        Assert.Equal(triggers.Count, triggers.Select(t => t.Name).Distinct().Count());
        var trackedQueues = triggers.Where(t => t.Binding.Type == TriggerBinding.QueueTrigger).Select(t => t.Binding.QueueName).ToHashSet();
        Assert.Superset(new HashSet<string?> { "outbox", "outbox-poison", "timers", "timers-poison" }, trackedQueues);
    }

    [Fact]
    public void Host_json_runs_the_app_as_a_custom_handler_proxying_http_with_plain_queue_messages()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "host.json")))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("Iop.Functions", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(host["customHandler"]!["enableProxyingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());

        // The app's queue clients write plain text; the host must not expect base64.
        Assert.Equal("none", host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());
        Assert.StartsWith("[4.", host["extensionBundle"]!["version"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>The deployable zip, made by the README's publish command (the package the host tests run).</summary>
[Collection("FunctionsHost")]
public sealed class FunctionPackageTests(FunctionsHostFixture fixture)
{
    [Fact]
    public void The_zip_holds_host_json_every_function_and_the_self_contained_linux_executable_host_json_names()
    {
        using var zip = ZipFile.OpenRead(fixture.Package.Zip);
        var entries = zip.Entries.ToDictionary(e => e.FullName.Replace('\\', '/'));
        var host = JsonNode.Parse(new StreamReader(entries["host.json"].Open()).ReadToEnd())!;
        var executable = host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>();

        Assert.True(entries.ContainsKey(executable), $"{executable} is not in the package.");
        var mode = (UnixFileMode)((entries[executable].ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{executable} is not executable ({mode}).");
        Assert.Contains("libcoreclr.so", entries.Keys);
        Assert.Contains("Iop.Functions.dll", entries.Keys);
        foreach (var function in Directory.GetDirectories(Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "Iop.Functions", "Functions")).Select(Path.GetFileName))
        {
            Assert.Contains($"{function}/function.json", entries.Keys);
        }

        Assert.DoesNotContain(entries.Keys, k => k.StartsWith("Functions/", StringComparison.Ordinal));
    }
}
