using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Outbox.LocalOutbox;
using Iop.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Iop.Functions.Tests.Outbox;

public sealed class OutboxRegistrationTests
{
    [Fact]
    public void Without_other_adapters_mail_and_notifications_go_to_the_local_outbox()
    {
        var registrations = new ServiceCollection().AddLogging().AddOutbox(Configuration());
        using var services = registrations.BuildServiceProvider();

        Assert.IsType<LocalMailer>(services.GetRequiredService<IMailer>());
        Assert.IsType<LocalCoordinatorNotifier>(services.GetRequiredService<ICoordinatorNotifier>());
        Assert.NotNull(services.GetRequiredService<ICaseStore>());
    }

    [Fact]
    public void A_mailer_registered_before_is_kept()
    {
        var graph = new NoMailer();

        var services = new ServiceCollection().AddSingleton<IMailer>(graph).AddOutbox(Configuration());

        Assert.Same(graph, Assert.Single(services, d => d.ServiceType == typeof(IMailer)).ImplementationInstance);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private sealed class NoMailer : IMailer
    {
        public Task SendAsync(MailMessage message, string idempotencyKey, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
