using Iop.Reports;

namespace Iop.Functions.Reports;

internal static class FollowUpRegistration
{
    /// <summary>The yearly follow-up's service, with the closed years kept in their table.</summary>
    public static IServiceCollection AddFollowUpReports(this IServiceCollection services)
    {
        services.AddSingleton<IFollowUpArchive, TableFollowUpArchive>();
        return services.AddSingleton<FollowUpReports>();
    }
}
