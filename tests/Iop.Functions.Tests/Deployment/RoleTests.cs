using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Iop.Functions.Digest;
using Iop.Functions.Hosting;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Tests.Infrastructure;
using Iop.Functions.Triggers;
using Iop.Functions.Workflow;
using Iop.Functions.Workflow.Activities;
using Iop.Functions.Workflow.Local;
using Iop.Functions.Workflow.Relay;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Iop.Functions.Tests.Deployment;

/// <summary>One build, three roles: <c>Iop:Role</c> decides what a process hosts.</summary>
[Collection("Azurite")]
public sealed class RoleTests(AzuriteFixture azurite)
{
    private static bool HostsWorkflow(IServiceProvider services) =>
        services.GetServices<IHostedService>().Any(s => s is LocalDurableBackend or RelayHostedService)
        || services.GetService<DurableTaskClient>() is not null;

    [Fact]
    public async Task The_web_role_serves_pages_and_signals_the_queue_without_a_workflow_of_its_own()
    {
        var suffix = AzuriteFixture.UniqueName("web")[..16];
        using var app = new IopAppFactory(azurite.ConnectionString).WithOwnStorage(suffix).WithSetting(IopRoles.Key, "Web");
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/initiativ/nytt", UriKind.Relative))).StatusCode);
        Assert.False(HostsWorkflow(app.Services));

        using var response = await http.PostAsJsonAsync("/api/initiatives", Initiatives.ValidApiRequest());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("caseId").GetString();

        // The signal waits in the queue for the worker's relay: no relay in this process takes it.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var queue = azurite.Queues().GetQueueClient("outbox" + suffix);
        var signals = (await queue.PeekMessagesAsync(32)).Value;
        Assert.Contains(signals, m => m.MessageText == caseId);

        // The coordinator's case page reads what the worker writes (waits, failures) and needs no workflow here.
        var pages = app.Pages();
        await pages.SignInAsCoordinatorAsync();
        Assert.Contains("Föreningen Navet", await pages.GetStringAsync($"/arenden/{caseId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_app_service_the_web_role_redirects_to_https()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithSetting(IopRoles.Key, "Web");
        using var http = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/arenden");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Run_locally_the_app_hosts_the_workflow_and_ignores_forwarded_headers()
    {
        using var app = new IopAppFactory(azurite.ConnectionString);
        using var http = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/arenden");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await http.SendAsync(request);

        Assert.Equal("http", response.Headers.Location!.Scheme);
        Assert.True(HostsWorkflow(app.Services));
    }

    [Fact]
    public void An_unknown_role_stops_start_up_naming_the_setting()
    {
        using var app = new IopAppFactory(azurite.ConnectionString).WithSetting(IopRoles.Key, "Everything");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Iop:Role 'Everything' is not a role", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_role_at_start_up_comes_from_the_command_line_or_the_environment()
    {
        Assert.Equal(IopRole.Worker, IopRoles.AtStartUp(["--Iop:Role=Worker"]));
        Assert.Equal(IopRole.Web, IopRoles.AtStartUp(["--Iop:Role", "web"]));
        Assert.Equal(IopRole.All, IopRoles.AtStartUp([]));
        Assert.Throws<InvalidOperationException>(() => IopRoles.AtStartUp(["--Iop:Role=2"]));
    }

    [Fact]
    public async Task The_worker_role_builds_with_what_every_function_needs_and_no_local_workflow()
    {
        using var host = WorkerHost();
        var services = host.Services;

        Assert.False(HostsWorkflow(services));
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s.GetType().Namespace!.StartsWith("Microsoft.DurableTask", StringComparison.Ordinal));

        // The triggers' classes and every activity class, created as the Functions worker creates them.
        Assert.NotNull(ActivatorUtilities.CreateInstance<RelayFunctions>(services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<DigestFunction>(services));
        Assert.NotNull(services.GetRequiredService<OutboxRelay>());
        Assert.NotNull(services.GetRequiredService<CoordinatorDigest>());
        foreach (var activity in typeof(Program).Assembly.GetTypes().Where(t => typeof(ITaskActivity).IsAssignableFrom(t) && !t.IsAbstract))
        {
            Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance(services, activity));
        }

        // The worker indexes its own functions (the Functions SDK's generated metadata provider).
        var metadata = await services.GetRequiredService<IFunctionMetadataProvider>().GetFunctionMetadataAsync(AppContext.BaseDirectory);
        Assert.Contains(metadata, f => f.Name == nameof(CaseLifecycle));
        Assert.Contains(metadata, f => f.Name == nameof(RelayFunctions.Relay));
        Assert.Contains(metadata, f => f.Name == nameof(PlanWait));
    }

    [Fact]
    public async Task An_activity_runs_through_its_wrapper_on_the_workers_services()
    {
        using var host = WorkerHost();
        await using var scope = host.Services.CreateAsyncScope();

        // A case the record does not know waits for nothing: the wait is closed.
        var plan = await ActivityFunctions.RunAsync<PlanWait, WaitInput, WaitPlan>(new WaitInput(Guid.NewGuid().ToString(), "vetting"), "case:wait", scope.ServiceProvider);

        Assert.Equal(WaitPlan.Closed, plan);
    }

    private IHost WorkerHost()
    {
        var suffix = AzuriteFixture.UniqueName("wrk")[..16];
        string[] args =
        [
            $"--contentRoot={Path.Combine(AzuriteProcess.RepositoryRoot(), "src", "Iop.Functions")}",
            "--environment=Development",
            $"--{IopRoles.Key}=Worker",
            $"--ConnectionStrings:Storage={azurite.ConnectionString}",
            "--Storage:StartAzurite=false",
            $"--Storage:CasesTable=cases{suffix}",
            $"--Portal:SigningKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}",

            // What the Functions host passes its worker; nothing here connects to it, as the host is never started.
            "--Functions:Worker:HostEndpoint=http://127.0.0.1:9",
            "--Functions:Worker:WorkerId=test",
            "--Functions:Worker:RequestId=test",
        ];
        return IopWorker.CreateBuilder(args).Build();
    }
}
