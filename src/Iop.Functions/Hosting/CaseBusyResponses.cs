using Iop.Cases;
using Iop.Functions.Api;
using Microsoft.Net.Http.Headers;

namespace Iop.Functions.Hosting;

/// <summary>
/// The one place a <see cref="CaseBusyException"/> becomes a response: 503 with Retry-After, as problem details for the
/// API and as the error page for pages; likewise a <see cref="CaseTooLargeException"/> becomes 413. It sits inside the status-code pages, so a page's empty 503 is re-executed to
/// <c>/fel/503</c> like any other status; in every environment, because contention is not a bug to show a stack for.
/// </summary>
internal static class CaseBusyResponses
{
    public static IApplicationBuilder UseCaseBusyResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (CaseTooLargeException full) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CaseBusyResponses))
                .LogWarning("Answered 413: {Reason}", full.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await ApiProblems.TooLarge().ExecuteAsync(context).ConfigureAwait(false);
            }
        }
        catch (CaseBusyException busy) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CaseBusyResponses))
                .LogWarning("Answered 503: {Reason}", busy.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers[HeaderNames.RetryAfter] = ApiProblems.RetryAfterSeconds(busy).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await ApiProblems.Busy(busy).ExecuteAsync(context).ConfigureAwait(false);
            }
        }
    });
}
