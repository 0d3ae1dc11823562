namespace Iop.Functions.Storage.Cases;

/// <summary>
/// Reconciles the case list's index with the cases at start-up (building it, the first time, from the snapshots) and
/// then every <c>Storage:IndexReconcileInterval</c> (default one hour). One failed round is logged and tried again next time.
/// </summary>
internal sealed class CaseIndexReconciler(TableCaseStore store, Microsoft.Extensions.Options.IOptions<StorageOptions> options, TimeProvider time, ILogger<CaseIndexReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var written = await store.ReconcileIndexAsync(stoppingToken).ConfigureAwait(false);
                if (written > 0)
                {
                    logger.LogInformation("The case list's index was brought up to date for {Count} cases.", written);
                }
            }
            catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException or System.Text.Json.JsonException)
            {
                logger.LogWarning(e, "Reconciling the case list's index failed; it is tried again in {Interval}.", options.Value.IndexReconcileInterval);
            }

            try
            {
                await Task.Delay(options.Value.IndexReconcileInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
