using Iop.Functions.Mail;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Storage.Cases;
using Iop.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iop.Functions.Outbox;

internal static class OutboxRegistration
{
    /// <summary>
    /// The outbox rows and the delivery of effects over the case store's partitions, with the local Microsoft 365
    /// stand-ins (table <c>Storage:LocalOutboxTable</c>, default <c>devoutbox</c>). Register a Graph
    /// <see cref="IMailer"/> or <see cref="ICoordinatorNotifier"/> before this call and the local one stays out.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTableCaseStore(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<EffectDelivery>();
        services.TryAddSingleton<MailComposer>();
        services.TryAddSingleton<LocalOutboxStore>();
        services.TryAddSingleton<IMailer, LocalMailer>();
        services.TryAddSingleton<ICoordinatorNotifier, LocalCoordinatorNotifier>();
        services.TryAddSingleton<ICalendar, LocalCalendar>();
        services.TryAddSingleton<Digest.CoordinatorDigest>();
        return services;
    }
}
