using Iop.Cases;
using Iop.Functions.Outbox;
using Iop.Functions.Storage;
using Iop.Functions.Storage.Azurite;
using Iop.Functions.Storage.Documents;
using Iop.Functions.Storage.RegistrationNumbers;

namespace Iop.Functions.Hosting;

internal static class StorageRegistration
{
    /// <summary>Azure Storage clients, the case store, registration numbers and the outbox with the local Microsoft 365 stand-in.</summary>
    public static IHostApplicationBuilder AddIopStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Registered first so Azurite is up before anything else that starts touches storage.
        if (LocalAzurite.ShouldStart(builder.Configuration, builder.Environment))
        {
            services.AddHostedService<LocalAzurite>();
        }

        services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        var clients = StorageClients.From(builder.Configuration);
        services.AddSingleton(clients.Tables);
        services.AddSingleton(clients.Queues);
        services.AddSingleton(clients.Blobs);
        services.AddSingleton<BlobDocumentStore>();
        services.AddHostedService<StorageInitializer>();

        services.AddSingleton<IRegistrationNumbers, TableRegistrationNumbers>();

        // The case store, its outbox and the local Microsoft 365 stand-ins; the clients above are reused.
        services.AddOutbox(builder.Configuration);

        // After Azurite and the tables: the case list's index, built from the cases once and reconciled hourly.
        services.AddHostedService<Storage.Cases.CaseIndexReconciler>();

        return builder;
    }
}
