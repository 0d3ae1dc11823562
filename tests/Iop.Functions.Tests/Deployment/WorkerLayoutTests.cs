using System.Reflection;
using System.Text.Json;
using Iop.Functions.Triggers;
using Iop.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Iop.Functions.Tests.Deployment;

/// <summary>The published worker holds the isolated worker's functions: one per orchestrator and activity class, and the triggers.</summary>
public sealed class WorkerLayoutTests(PublishedWorker published) : IClassFixture<PublishedWorker>
{
    private static readonly Assembly App = typeof(Program).Assembly;

    private static Type[] Concrete<T>() => [.. App.GetTypes().Where(t => typeof(T).IsAssignableFrom(t) && t is { IsAbstract: false, IsClass: true })];

    private static string[] OrchestratorNames => [.. Concrete<ITaskOrchestrator>().Select(t => t.Name)];

    private static string[] ActivityNames => [.. Concrete<ITaskActivity>().Select(t => t.Name)];

    public static TheoryData<string> Orchestrators => [.. OrchestratorNames];

    public static TheoryData<string> Activities => [.. ActivityNames];

    private static IEnumerable<MethodInfo> FunctionMethods() =>
        App.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);

    private JsonElement Function(string name) => Assert.Single(published.Functions, f => f.GetProperty("name").GetString() == name);

    private static JsonElement Binding(JsonElement function, string type) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == type);

    [Fact]
    public void The_package_has_the_hosts_files_at_its_root()
    {
        foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "Iop.Functions.dll" })
        {
            Assert.Contains(file, published.ZipRootEntries);
        }

        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.PublishDir, "host.json")));
        Assert.Equal("%IopTaskHub%", host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString());
        Assert.Equal("none", host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void The_package_carries_the_case_file_pdfs_fonts_with_their_licence()
    {
        // An App Service image may have no fonts at all; PDFsharp reads them from the fonts folder beside the app.
        Assert.True(File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), "The build machine needs fonts-dejavu-core, which .ci/run installs.");
        foreach (var file in new[] { "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf", "fonts/DejaVuSansMono.ttf", "fonts/LICENSE-DejaVu.txt" })
        {
            Assert.Contains(file, published.ZipEntries);
        }
    }

    [Fact]
    public void The_assembly_has_the_workflows_classes() // guards the theories below against an empty reflection
    {
        Assert.Contains(nameof(CaseLifecycle), OrchestratorNames);
        Assert.Contains(nameof(Functions.Workflow.Activities.SendMail), ActivityNames);
    }

    [Theory]
    [MemberData(nameof(Orchestrators))]
    public void Every_orchestrator_is_an_orchestration_trigger_function(string name) =>
        Binding(Function(name), "orchestrationTrigger");

    [Theory]
    [MemberData(nameof(Activities))]
    public void Every_activity_is_an_activity_trigger_function(string name) =>
        Binding(Function(name), "activityTrigger");

    [Fact]
    public void The_relay_is_triggered_by_the_outbox_queue_with_a_durable_client()
    {
        var relay = Function(nameof(RelayFunctions.Relay));

        Assert.Equal("outbox", Binding(relay, "queueTrigger").GetProperty("queueName").GetString());
        Binding(relay, "durableClient");
    }

    [Fact]
    public void The_sweep_runs_every_minute_with_a_durable_client()
    {
        var sweep = Function(nameof(RelayFunctions.RelaySweep));

        Assert.Equal("30 * * * * *", Binding(sweep, "timerTrigger").GetProperty("schedule").GetString());
        Binding(sweep, "durableClient");
    }

    [Fact]
    public void The_weekly_digest_runs_on_monday_mornings() =>
        Assert.Equal("0 0 6 * * 1", Binding(Function(nameof(DigestFunction.WeeklyDigest)), "timerTrigger").GetProperty("schedule").GetString());

    [Fact]
    public void The_package_has_no_other_functions_and_each_entry_point_exists()
    {
        string[] expected = [.. OrchestratorNames, .. ActivityNames, "Relay", "RelaySweep", "WeeklyDigest"];

        Assert.Equal(expected.Order(StringComparer.Ordinal), published.Functions.Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        foreach (var function in published.Functions)
        {
            var entryPoint = function.GetProperty("entryPoint").GetString()!;
            var type = App.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!;
            Assert.NotNull(type.GetMethod(entryPoint[(entryPoint.LastIndexOf('.') + 1)..]));
        }
    }

    [Theory]
    [MemberData(nameof(Orchestrators))]
    public void Every_orchestrator_class_has_exactly_one_wrapper_returning_its_output(string name)
    {
        var orchestrator = Concrete<ITaskOrchestrator>().Single(t => t.Name == name);
        var wrapper = Assert.Single(FunctionMethods(), m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);

        var trigger = Assert.Single(wrapper.GetParameters(), p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null);
        Assert.Equal(typeof(TaskOrchestrationContext), trigger.ParameterType);
        Assert.Equal(typeof(Task<>).MakeGenericType(BaseArguments(orchestrator, typeof(TaskOrchestrator<,>))[1]), wrapper.ReturnType);
    }

    [Theory]
    [MemberData(nameof(Activities))]
    public void Every_activity_class_has_exactly_one_wrapper_taking_its_input_and_returning_its_output(string name)
    {
        var activity = Concrete<ITaskActivity>().Single(t => t.Name == name);
        var wrapper = Assert.Single(FunctionMethods(), m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);

        var trigger = Assert.Single(wrapper.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
        var arguments = BaseArguments(activity, typeof(TaskActivity<,>));
        Assert.Equal(arguments[0], trigger.ParameterType);
        Assert.Equal(typeof(Task<>).MakeGenericType(arguments[1]), wrapper.ReturnType);
    }

    [Fact]
    public void Every_orchestrator_and_activity_class_is_registered_for_the_local_worker()
    {
        var registry = new DurableTaskRegistry();
        registry.AddWorkflowTasks();

        // The registry refuses a second registration of a name: each class must already be there.
        foreach (var orchestrator in Concrete<ITaskOrchestrator>())
        {
            Assert.Throws<ArgumentException>(() => registry.AddOrchestrator(orchestrator));
        }

        foreach (var activity in Concrete<ITaskActivity>())
        {
            Assert.Throws<ArgumentException>(() => registry.AddActivity(activity));
        }
    }

    private static Type[] BaseArguments(Type type, Type generic)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic)
            {
                return t.GetGenericArguments();
            }
        }

        throw new InvalidOperationException($"{type.Name} does not derive from {generic.Name}.");
    }
}
