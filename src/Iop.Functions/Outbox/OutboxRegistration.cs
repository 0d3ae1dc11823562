using Iop.Functions.Mail;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Functions.Storage.Cases;
using Iop.Functions.Timers;
using Iop.Functions.Triggers;
using Iop.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iop.Functions.Outbox;

internal static class OutboxRegistration
{
    /// <summary>
    /// The outbox dispatcher (options in section <c>Outbox</c>) over the case store's partitions, with the local
    /// Microsoft 365 stand-ins (table <c>Storage:LocalOutboxTable</c>, default <c>devoutbox</c>). Register a Graph
    /// <see cref="IMailer"/> or <see cref="ICoordinatorNotifier"/> before this call and the local one stays out. The
    /// polling dispatcher runs in this process unless <c>Outbox:RunLocally</c> is false (under the Functions host).
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTableCaseStore(configuration);
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<EffectDelivery>();
        services.TryAddSingleton<MailComposer>();
        services.TryAddSingleton<TimerQueue>();
        services.TryAddSingleton<LocalOutboxStore>();
        services.TryAddSingleton<IMailer, LocalMailer>();
        services.TryAddSingleton<ICoordinatorNotifier, LocalCoordinatorNotifier>();
        services.TryAddSingleton<ICalendar, LocalCalendar>();
        services.TryAddSingleton<PoisonNotices>();
        if (configuration.GetValue($"{OutboxOptions.Section}:{nameof(OutboxOptions.RunLocally)}", true))
        {
            services.AddHostedService<OutboxHostedService>();
        }

        return services;
    }
}
