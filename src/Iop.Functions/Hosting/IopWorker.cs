using Iop.Functions.Workflow;
using Microsoft.Azure.Functions.Worker.Builder;

namespace Iop.Functions.Hosting;

/// <summary>
/// The worker role: an Azure Functions isolated worker, started by the Functions host, that runs the <c>[Function]</c>
/// wrappers in <c>Triggers/</c>. The Functions host provides Durable (host.json), so no local durable backend, Durable Task
/// worker or relay poller is registered here, and no pages.
/// </summary>
internal static class IopWorker
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.AddIopServices();
        builder.Services.AddWorkflowServices(builder.Configuration);
        return builder;
    }
}
