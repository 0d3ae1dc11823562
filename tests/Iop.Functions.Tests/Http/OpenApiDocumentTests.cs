using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Iop.Functions.Tests.Http;

/// <summary>The API's OpenAPI document, checked by Redocly CLI (an independent linter, rules in redocly.yaml) and read back.</summary>
[Collection("Azurite")]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private readonly IopAppFactory _app = new(azurite.ConnectionString);

    public void Dispose() => _app.Dispose();

    private async Task<JsonElement> DocumentAsync()
    {
        using var http = _app.CreateClient();
        return await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name is "get" or "post" or "put" or "delete" or "patch"
        select (path.Name, operation.Name, operation.Value);

    [Fact]
    public async Task Redocly_finds_no_problem_in_the_document()
    {
        var document = await DocumentAsync();
        var file = Path.Combine(Path.GetTempPath(), $"iop-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.GetRawText());
        try
        {
            var root = AzuriteProcess.RepositoryRoot();
            var start = new ProcessStartInfo("node")
            {
                ArgumentList = { Path.Combine(root, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--config", Path.Combine(root, "redocly.yaml"), "--format", "json" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = root,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var report = await stdout;
            output.WriteLine(report);
            output.WriteLine(await stderr);

            // Anything Redocly reports fails the test, but the public GETs that take no input and so have no 4xx to give:
            // the guideline and the register of partnerships (JSON and CSV).
            string[] inputless = ["~1api~1initiatives~1policy", "~1api~1partnerships", "~1api~1partnerships~1csv"];
            using var json = JsonDocument.Parse(report[report.IndexOf('{', StringComparison.Ordinal)..]);
            var problems = json.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
                .Where(p => !inputless.Any(path => p == $"operation-4xx-response at #/paths/{path}/get/responses: Operation must have at least one `4XX` response."))
                .ToList();
            Assert.True(problems.Count == 0, "Redocly found problems:\n" + string.Join("\n", problems));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_command_of_the_case_page_is_an_operation_with_its_schemas_statuses_and_security()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o);

        string[] commands =
        [
            "RecordAssessments", "CompleteScreening", "Discontinue", "ScheduleMeeting", "RecordPastMeeting", "RescheduleMeeting", "CancelMeeting", "RecordMeetingHeld",
            "StartPartnerVetting", "IssuePortalLink", "ReviewDocument", "ChangeDocumentDueDate", "ConfirmScope", "RequestProcurementOpinion", "ReassignRequest",
            "SetAgreementTerms", "EditAgreementSection", "SubmitAgreementForDecision", "ReviseAgreement", "RecordSignature", "RetryDelivery", "DismissWorkflowFailure",
        ];
        foreach (var command in commands)
        {
            Assert.True(operations.ContainsKey(command), $"{command} is not in the document.");
            var (path, method, operation) = operations[command];
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "400", "401", "403", "404", "409", "415" })
            {
                Assert.True(responses.TryGetProperty(status, out var response), $"{method} {path} does not document {status}.");
                Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path}: {status} is not problem details.");
            }

            Assert.Contains(responses.EnumerateObject(), r => r.Name is "200" or "201" or "202" or "204");
            var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            Assert.Equal(["staffCookie", "entraIdBearer"], schemes);
        }

        Assert.Equal("201", operations["ScheduleMeeting"].Operation.GetProperty("responses").EnumerateObject().First().Name);
        Assert.Equal("#/components/schemas/ScheduleMeetingRequest", operations["ScheduleMeeting"].Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        // The public intake declares that it needs no credentials (an empty requirement), and says what it answers.
        var submit = operations["SubmitInitiative"].Operation;
        Assert.Equal(JsonValueKind.Object, submit.GetProperty("security")[0].ValueKind);
        Assert.Empty(submit.GetProperty("security")[0].EnumerateObject());
        Assert.True(submit.GetProperty("responses").TryGetProperty("201", out _));

        var schemesDeclared = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("cookie", schemesDeclared.GetProperty("staffCookie").GetProperty("in").GetString());
        Assert.Equal("bearer", schemesDeclared.GetProperty("entraIdBearer").GetProperty("scheme").GetString());

        // Pages' own endpoints (language, sign-out, the case page's downloads) are not part of the API.
        Assert.DoesNotContain(Operations(document), o => !o.Path.StartsWith("/api/", StringComparison.Ordinal));
    }
}
