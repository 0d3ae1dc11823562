using System.Runtime.CompilerServices;

namespace Iop.Functions.Tests.Telemetry;

internal static class AzureSdkSpans
{
    /// <summary>
    /// The Azure SDK decides once per process whether it publishes spans. The app switches them on at start, before it
    /// uses a client; the test process uses clients long before any app starts, so it switches them on as it loads.
    /// </summary>
#pragma warning disable CA2255 // A test assembly is the process's entry point here, not a library.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Enable() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
}
