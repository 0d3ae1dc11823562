namespace Iop.Functions.Outbox;

/// <summary>
/// A delivery that will not succeed by trying again (a missing permission, an unknown mailbox): the outbox marks the
/// effect failed at once, with the service's error code and message, and tells the coordinator.
/// </summary>
internal sealed class PermanentDeliveryException(string code, string message, Exception? inner = null) : Exception($"{code}: {message}", inner)
{
    /// <summary>The service's error code, e.g. Graph's <c>ErrorAccessDenied</c>.</summary>
    public string Code { get; } = code;
}
