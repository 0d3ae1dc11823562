using System.Diagnostics;

namespace Iop.Functions.Telemetry;

/// <summary>The app's own spans: outbox deliveries, each continuing the trace of the command that committed it.</summary>
internal static class IopTelemetry
{
    public const string SourceName = "Iop.Functions";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A delivery span whose parent is the committing command's span (its W3C id was stored on the outbox row), so the
    /// trace runs from the HTTP request or trigger through the storage commit to every outgoing call.
    /// </summary>
    public static Activity? StartDelivery(string? traceParent, string caseId, string effect)
    {
        var activity = traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity($"outbox {effect}", ActivityKind.Internal, parent)
            : Source.StartActivity($"outbox {effect}");
        activity?.SetTag(Cases.CaseTelemetry.CaseId, caseId);
        activity?.SetTag("iop.effect", effect);
        return activity;
    }
}
