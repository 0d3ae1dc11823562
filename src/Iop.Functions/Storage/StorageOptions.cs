namespace Iop.Functions.Storage;

/// <summary>Names of the tables and queues the app uses (section <c>Storage</c>).</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    public string CasesTable { get; set; } = "cases";

    /// <summary>The case list's index (one row per case).</summary>
    public string CaseIndexTable { get; set; } = "caseindex";

    /// <summary>How often the index is reconciled with the cases (rows a stopped process left lagging).</summary>
    public TimeSpan IndexReconcileInterval { get; set; } = TimeSpan.FromHours(1);

    public string RegistryTable { get; set; } = "registry";

    /// <summary>The yearly follow-ups of closed years, kept once counted.</summary>
    public string FollowUpTable { get; set; } = "followups";

    public string OutboxQueue { get; set; } = "outbox";

    public string LocalOutboxTable { get; set; } = "devoutbox";

    public string DocumentsContainer { get; set; } = "documents";
}
