using Iop.Cases;
using Iop.Functions.Storage.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iop.Functions.Tests.Corpus;

/// <summary>
/// The app's case store, failing for one case as storage fails: with an exception, whose text must never reach a
/// response in Production. A genuine unhandled exception on a page and in the API, with no endpoint added for it.
/// </summary>
internal sealed class FailingCaseStore(ICaseStore store) : ICaseStore
{
    public static readonly CaseId Failing = new(Guid.Parse("0badcafe-0000-4000-8000-000000000500"));

    /// <summary>Text of the failure: a message and a path that must not be shown.</summary>
    public const string Secret = "corpus-secret in /work/secret/TableCaseStore.cs:line 42";

    public static void Register(IServiceCollection services)
    {
        services.RemoveAll<ICaseStore>();
        services.AddSingleton<TableCaseStore>();
        services.AddSingleton<ICaseStore>(sp => new FailingCaseStore(sp.GetRequiredService<TableCaseStore>()));
    }

    public Task<StoredCase?> LoadAsync(CaseId id, CancellationToken cancellationToken) => id == Failing ? Fail<StoredCase?>() : store.LoadAsync(id, cancellationToken);

    public Task<StoredCase?> LoadForDecisionAsync(CaseId id, CancellationToken cancellationToken) => id == Failing ? Fail<StoredCase?>() : store.LoadForDecisionAsync(id, cancellationToken);

    public Task<bool> TryCommitAsync(CaseChange change, CancellationToken cancellationToken) => store.TryCommitAsync(change, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> LoadHistoryAsync(CaseId id, CancellationToken cancellationToken) => store.LoadHistoryAsync(id, cancellationToken);

    public Task<IReadOnlyList<CaseSummary>> ListAsync(Stage? stage, CancellationToken cancellationToken) => store.ListAsync(stage, cancellationToken);

    private static Task<T> Fail<T>() => throw new InvalidOperationException(Secret);
}
