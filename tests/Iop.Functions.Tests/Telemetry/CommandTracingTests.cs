using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Iop.Cases;
using Iop.Functions.Telemetry;
using Iop.Functions.Tests.Infrastructure;

namespace Iop.Functions.Tests.Telemetry;

/// <summary>One trace per command: the HTTP request, the command (case id and registration number), the storage commit and the outbox delivery, with no personal data in any span.</summary>
[Collection("Azurite")]
public sealed class CommandTracingTests(AzuriteFixture azurite)
{
    private static readonly string[] PersonalData = ["Karin", "karin.ek@navet.example", "0250-123 45"];

    [Fact]
    public async Task A_command_is_one_trace_from_the_request_to_the_storage_commit_and_the_mail_tagged_by_case_and_number_without_personal_data()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is CaseTelemetry.SourceName or IopTelemetry.SourceName or "Microsoft.AspNetCore" || source.Name.StartsWith("Azure.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(Guid.NewGuid().ToString("N")[..8]);
        var http = app.CreateClient();
        var id = Guid.NewGuid();

        using var response = await http.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest(id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["registrationNumber"];
        var command = Assert.Single(spans, s => s.Source.Name == CaseTelemetry.SourceName && (string?)s.GetTagItem(CaseTelemetry.CaseId) == id.ToString("N"));
        Assert.Equal(number, command.GetTagItem(CaseTelemetry.RegistrationNumber));
        Assert.Equal("SubmitInitiative", command.GetTagItem(CaseTelemetry.Command));
        Assert.Equal("accepted", command.GetTagItem(CaseTelemetry.Outcome));
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.TraceId == command.TraceId);
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal) && s.ParentSpanId == command.SpanId);

        // The acknowledgement and the coordinator's notice are delivered after the commit, in the same trace.
        var deliveries = await WaitForAsync(() => spans.Where(s => s.Source.Name == IopTelemetry.SourceName && s.TraceId == command.TraceId).ToList(), found => found.Count >= 2);
        Assert.All(deliveries, d => Assert.Equal(id.ToString("N"), d.GetTagItem(CaseTelemetry.CaseId)));

        var trace = spans.Where(s => s.TraceId == command.TraceId).ToList();
        foreach (var (key, value) in trace.SelectMany(s => s.TagObjects.Select(t => (t.Key, Value: Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))))
        {
            Assert.All(PersonalData, personal => Assert.DoesNotContain(personal, value, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(trace, s => Assert.All(PersonalData, personal => Assert.DoesNotContain(personal, s.DisplayName, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox deliveries were not traced.");
    }
}
