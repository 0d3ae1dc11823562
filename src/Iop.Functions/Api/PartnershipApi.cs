using Iop.Functions.Register;

namespace Iop.Functions.Api;

/// <summary>The public register of partnerships as open data: JSON and CSV, without sign-in.</summary>
internal static class PartnershipApi
{
    public static RouteGroupBuilder MapPartnershipApi(this IEndpointRouteBuilder app)
    {
        var partnerships = app.MapGroup("/api/partnerships").AllowAnonymous().WithTags("Public register");
        partnerships.MapGet("/", async (PartnershipRegister register, CancellationToken cancellationToken) =>
                TypedResults.Ok(await register.ListAsync(cancellationToken).ConfigureAwait(false)))
            .WithName("ListPartnerships")
            .WithSummary("Every active and ended partnership: organisation, challenge, committees, term, co-financing per year and one contact person per party (the organisation's only where it agreed at signing). Open data, no sign-in.")
            .Produces<IReadOnlyList<RegisterEntry>>();
        partnerships.MapGet("/csv", async (PartnershipRegister register, CancellationToken cancellationToken) =>
                Results.File(PartnershipRegister.Csv(await register.ListAsync(cancellationToken).ConfigureAwait(false)), "text/csv; charset=utf-8", "partnerskap.csv"))
            .WithName("ListPartnershipsCsv")
            .WithSummary("The same register as CSV: one row per partnership, party and year (UTF-8 with BOM, semicolon-separated).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return partnerships;
    }
}
