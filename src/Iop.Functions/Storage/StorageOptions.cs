namespace Iop.Functions.Storage;

/// <summary>Names of the tables and queues the app uses (section <c>Storage</c>).</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    public string CasesTable { get; set; } = "cases";

    public string RegistryTable { get; set; } = "registry";

    public string OutboxQueue { get; set; } = "outbox";

    public string LocalOutboxTable { get; set; } = "devoutbox";

    public string DocumentsContainer { get; set; } = "documents";
}
