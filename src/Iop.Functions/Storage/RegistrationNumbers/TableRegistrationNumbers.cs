using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Iop.Cases;
using Iop.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Storage.RegistrationNumbers;

/// <summary>
/// Registration numbers (diarienummer) from a per-year counter row in Azure Tables. The counter's update (under its ETag),
/// a row for the number and a row for the case are one entity-group transaction: a number is never given twice, never
/// skipped by a lost race, and a case asking again gets the number it already has.
/// </summary>
internal sealed class TableRegistrationNumbers(
    TableServiceClient tables,
    IOptions<StorageOptions> storage,
    IOptions<IopOptions> settings,
    ILogger<TableRegistrationNumbers> logger)
    : IRegistrationNumbers
{
    private const string CounterRow = "counter";
    private const int MaxAttempts = 200;
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(storage.Value.RegistryTable);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    });

    public async Task<RegistrationNumber> AllocateAsync(CaseId caseId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await _table.Value.ConfigureAwait(false);
        var year = TimeZoneInfo.ConvertTime(at, Stockholm).Year;
        var partition = year.ToString(CultureInfo.InvariantCulture);
        var caseRow = $"case-{caseId}";

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, caseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (existing.HasValue)
            {
                return Format(year, existing.Value!.GetInt32("Sequence")!.Value);
            }

            var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = (counter.HasValue ? counter.Value!.GetInt32("Last")!.Value : 0) + 1;
            var updated = new TableEntity(partition, CounterRow) { ["Last"] = next };
            TableTransactionAction[] transaction =
            [
                counter.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, updated, counter.Value!.ETag)
                    : new(TableTransactionActionType.Add, updated),
                new(TableTransactionActionType.Add, new TableEntity(partition, $"number-{next:D6}") { ["CaseId"] = caseId.ToString() }),
                new(TableTransactionActionType.Add, new TableEntity(partition, caseRow) { ["Sequence"] = next }),
            ];

            try
            {
                await table.SubmitTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
                return Format(year, next);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another submission took this number (or this case was numbered meanwhile): read again and retry.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2)), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2)), cancellationToken).ConfigureAwait(false);
            }
        }

        logger.LogError("Could not allocate a registration number for case {CaseId} after {Attempts} attempts.", caseId, MaxAttempts);
        throw new InvalidOperationException($"Could not allocate a registration number after {MaxAttempts} attempts.");
    }

    private RegistrationNumber Format(int year, int sequence) => RegistrationNumber.Format(settings.Value.RegistrationNumberFormat, year, sequence);
}
