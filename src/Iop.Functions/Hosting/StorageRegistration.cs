namespace Iop.Functions.Hosting;

internal static class StorageRegistration
{
    public static WebApplicationBuilder AddIopStorage(this WebApplicationBuilder builder) => builder;
}
