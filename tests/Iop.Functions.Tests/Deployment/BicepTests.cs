using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Iop.Functions.Storage.Azurite;

namespace Iop.Functions.Tests.Deployment;

/// <summary>The infrastructure builds and lints without a single warning, with the Bicep CLI from NuGet.</summary>
public sealed partial class BicepTests
{
    // Built-in role definitions, by their well-known ids.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    private static string Infra => Path.Combine(AzuriteProcess.RepositoryRoot(), "infra");

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await RunSeparatelyAsync(arguments);
        return (exitCode, (output + error).Trim());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunSeparatelyAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Infra };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Parameter files read secrets from the environment at deployment; placeholders suffice to check them.
        start.Environment["IOP_STAFF_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001";
        start.Environment["IOP_PORTAL_SIGNING_KEY"] = "placeholder";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output, error);
    }

    [Fact]
    public async Task The_infrastructure_builds_without_warnings()
    {
        var (exitCode, output) = await RunAsync("build", "main.bicep", "--stdout", "--diagnostics-format", "sarif");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("\"level\": \"warning\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"level\": \"error\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_infrastructure_passes_the_linter_without_a_finding()
    {
        var (exitCode, output) = await RunAsync("lint", "main.bicep");

        Assert.Equal(0, exitCode);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("main.bicepparam")]
    [InlineData("main.prod.bicepparam")]
    public async Task Each_environments_parameters_build(string file)
    {
        var (exitCode, output) = await RunAsync("build-params", file, "--stdout");

        Assert.True(exitCode == 0, output);
        Assert.Contains("environmentName", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_and_the_web_role_are_deployed_from_one_template()
    {
        var (exitCode, template, error) = await RunSeparatelyAsync("build", "main.bicep", "--stdout");
        Assert.True(exitCode == 0, error);

        using var document = JsonDocument.Parse(template);
        var resources = document.RootElement.GetProperty("resources").EnumerateArray().ToArray();
        var sites = resources.Where(r => TypeOf(r) == "Microsoft.Web/sites").ToArray();

        // Worker role: an isolated worker on a Flex Consumption plan.
        var worker = Assert.Single(sites, s => s.GetProperty("kind").GetString()!.Contains("functionapp", StringComparison.Ordinal));
        var flexPlan = Assert.Single(resources, r => TypeOf(r) == "Microsoft.Web/serverfarms" && r.GetProperty("sku").GetProperty("name").GetString() == "FC1");
        var workerProperties = worker.GetProperty("properties");
        Assert.Equal($"[resourceId('Microsoft.Web/serverfarms', {NameExpression(flexPlan)})]", workerProperties.GetProperty("serverFarmId").GetString());
        Assert.Equal("dotnet-isolated", workerProperties.GetProperty("functionAppConfig").GetProperty("runtime").GetProperty("name").GetString());
        Assert.True(HasSetting(SettingsOf(resources, worker), "Iop__Role", "Worker"));

        // Web role: App Service on Linux.
        var web = Assert.Single(sites, s => s.GetProperty("kind").GetString() == "app,linux");
        Assert.True(HasSetting(SettingsOf(resources, web), "Iop__Role", "Web"));

        // Both run as the one user-assigned identity.
        Assert.Equal(UserAssignedIdentity(worker), UserAssignedIdentity(web));

        // Durable, the triggers and the record need the three storage data roles on the storage account.
        var storageRoles = StorageRoleIds(document.RootElement, resources).ToArray();
        Assert.Contains(StorageBlobDataOwner, storageRoles);
        Assert.Contains(StorageQueueDataContributor, storageRoles);
        Assert.Contains(StorageTableDataContributor, storageRoles);
    }

    private static string? TypeOf(JsonElement resource) => resource.GetProperty("type").GetString();

    /// <summary>The resource's name without the brackets: Bicep writes it as an ARM expression, e.g. <c>variables('names').app</c>.</summary>
    private static string NameExpression(JsonElement resource) => resource.GetProperty("name").GetString()![1..^1];

    /// <summary>The site's <c>appsettings</c>, a child resource of its own (it reads the web app's host name).</summary>
    private static JsonElement SettingsOf(JsonElement[] resources, JsonElement site) =>
        Assert.Single(resources, r => TypeOf(r) == "Microsoft.Web/sites/config"
            && r.GetProperty("name").GetString() == $"[format('{{0}}/{{1}}', {NameExpression(site)}, 'appsettings')]");

    /// <summary>
    /// Whether the settings hold the literal value: a plain object, or the ARM expression Bicep writes for a merge
    /// (<c>union(createObject(…), createObject('Iop__Role', 'Worker', …))</c>).
    /// </summary>
    private static bool HasSetting(JsonElement settings, string name, string value)
    {
        var properties = settings.GetProperty("properties");
        return properties.ValueKind == JsonValueKind.Object
            ? properties.TryGetProperty(name, out var actual) && actual.GetString() == value
            : properties.GetString()!.Contains($"'{name}', '{value}'", StringComparison.Ordinal);
    }

    private static string UserAssignedIdentity(JsonElement site)
    {
        var identity = site.GetProperty("identity");
        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        var assigned = Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", assigned.Name, StringComparison.Ordinal);
        return assigned.Name;
    }

    /// <summary>The role definitions assigned on the storage account: literal ids, or the ids of the array a copy loop runs over.</summary>
    private static IEnumerable<string> StorageRoleIds(JsonElement template, JsonElement[] resources)
    {
        var assignments = resources.Where(r => TypeOf(r) == "Microsoft.Authorization/roleAssignments"
            && r.GetProperty("scope").GetString()!.Contains("'Microsoft.Storage/storageAccounts'", StringComparison.Ordinal));
        foreach (var assignment in assignments)
        {
            var definition = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
            var loop = LoopVariable().Match(definition);
            var ids = loop.Success
                ? template.GetProperty("variables").GetProperty(loop.Groups[1].Value).EnumerateArray().Select(element => element.GetString()!)
                : RoleId().Matches(definition).Select(match => match.Value);
            foreach (var id in ids)
            {
                yield return id;
            }
        }
    }

    [GeneratedRegex(@"variables\('(\w+)'\)\[copyIndex\(\)\]")]
    private static partial Regex LoopVariable();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleId();
}
