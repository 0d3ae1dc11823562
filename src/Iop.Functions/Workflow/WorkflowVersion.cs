namespace Iop.Functions.Workflow;

/// <summary>
/// The version of the orchestration code. Raise it with any change that would replay an older history differently,
/// and keep the older path for instances still on it: every execution records the version it started under, workers run
/// that version or older (never newer), and the lifecycle moves to the current version each time it continues as new.
/// </summary>
internal static class WorkflowVersion
{
    public const string Current = "1";
}
