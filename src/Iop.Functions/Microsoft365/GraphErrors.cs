using System.Net;
using Iop.Functions.Outbox;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Iop.Functions.Microsoft365;

/// <summary>How a Graph error is handled: throttling and server errors are retried by the outbox; the rest are permanent.</summary>
internal static class GraphErrors
{
    public static readonly Dictionary<string, ParsableFactory<IParsable>> Mapping = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <summary>Runs a Graph call; a 4xx other than 408/429 becomes a <see cref="PermanentDeliveryException"/> with Graph's code and message.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError e) when (IsPermanent(e.ResponseStatusCode))
        {
            throw new PermanentDeliveryException(e.Error?.Code ?? $"HTTP{e.ResponseStatusCode}", e.Error?.Message ?? e.Message, e);
        }
        catch (ApiException e) when (IsPermanent(e.ResponseStatusCode))
        {
            throw new PermanentDeliveryException($"HTTP{e.ResponseStatusCode}", e.Message, e);
        }
    }

    public static Task CallAsync(Func<Task> call) => CallAsync(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    public static bool IsPermanent(int status) =>
        status is >= 400 and < 500 && status is not ((int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.Conflict);
}
