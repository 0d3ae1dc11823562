using Azure.Data.Tables;
using Azure.Storage.Queues;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Iop.Functions.Mail;
using Iop.Functions.Outbox;
using Iop.Functions.Portal;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Storage.RegistrationNumbers;
using Iop.Intake;
using Iop.Policies;
using Iop.Screening;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Iop.Functions.Tests.Infrastructure;

/// <summary>The storage pieces wired as the app wires them, on tables and a queue of their own on the test run's Azurite.</summary>
internal sealed class TestCases
{
    /// <param name="azurite">The test run's Azurite.</param>
    /// <param name="start">The fake clock's start.</param>
    /// <param name="suffix">Storage names as an app given <see cref="IopAppFactory.WithOwnStorage"/> with this suffix uses them; unique names otherwise.</param>
    public TestCases(AzuriteFixture azurite, DateTimeOffset? start = null, string? suffix = null)
    {
        string Name(string prefix) => suffix is null ? AzuriteFixture.UniqueName(prefix) : prefix + suffix;
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions
        {
            CasesTable = Name("cases"),
            CaseIndexTable = Name("caseindex"),
            RegistryTable = Name("registry"),
            LocalOutboxTable = Name("devoutbox"),
            OutboxQueue = Name("outbox"),
            DocumentsContainer = Name("documents"),
        });
        Tables = azurite.Tables();
        Queues = azurite.Queues();
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        Signal = new QueueOutboxSignal(Queues, Options, NullLogger<QueueOutboxSignal>.Instance);
        Store = new TableCaseStore(Tables, Options, Signal, Policies, NullLogger<TableCaseStore>.Instance);
        Numbers = new TableRegistrationNumbers(Tables, Options, Settings, NullLogger<TableRegistrationNumbers>.Instance);
        Service = new CaseService(Store, Numbers, Policies, Time);
    }

    public static PolicyProfile Policy { get; } = PolicyProfileLoader.LoadBuiltIn();

    /// <summary>The default profile as the one new cases follow, with every built-in one.</summary>
    public static PolicyCatalog Policies { get; } = PolicyCatalog.WithBuiltIns(Policy);

    public static IOptions<IopOptions> Settings { get; } = Microsoft.Extensions.Options.Options.Create(new IopOptions
    {
        Municipality = "Mora kommun",
        PublicBaseUrl = new Uri("http://localhost"),
        CoordinatorMailbox = "iop@mora.example",
        CoordinatorName = "IOP-samordnaren",
    });

    public static IOptions<PortalOptions> Portal { get; } = Microsoft.Extensions.Options.Options.Create(new PortalOptions
    {
        SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    });

    public PortalTokens Tokens { get; } = new(Portal);

    public MailComposer Composer => new(Settings, Policies, Tokens);

    public static Actor Coordinator { get; } = new("saga@mora.example", "Saga Samordnare", ActorRole.Coordinator);

    public IOptions<StorageOptions> Options { get; }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public FakeTimeProvider Time { get; }

    public QueueOutboxSignal Signal { get; }

    public TableCaseStore Store { get; }

    public TableRegistrationNumbers Numbers { get; }

    public CaseService Service { get; }

    public TableClient IndexTable => Tables.GetTableClient(Options.Value.CaseIndexTable);

    public TableClient CasesTable => Tables.GetTableClient(Options.Value.CasesTable);

    public static Initiative Initiative(string organisation = "Föreningen Navet", string challenge = "Ofrivillig ensamhet bland äldre.", string idea = "Träffpunkter.") =>
        new(organisation, "802012-3454", new ContactPerson("Karin Ek", "karin.ek@navet.example", "0250-123 45"), challenge, idea, ValueList<CriterionAssessment>.Empty);

    public async Task<CaseId> SubmitAsync(Initiative? initiative = null)
    {
        var id = CaseId.New();
        var result = await Service.SubmitAsync(id, initiative ?? Initiative(), CancellationToken.None);
        Assert.IsType<Accepted>(result);
        return id;
    }

    /// <summary>Every row of the case's partition, to prove that a failed write changed nothing.</summary>
    public async Task<List<string>> RowsAsync(CaseId id)
    {
        var rows = new List<string>();
        await foreach (var row in CasesTable.QueryAsync<TableEntity>(e => e.PartitionKey == id.ToString()))
        {
            rows.Add($"{row.RowKey}@{row.ETag}");
        }

        return rows;
    }
}
