using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace Iop.Functions.Localization;

/// <summary>
/// The language of the current request: Swedish unless the user chose English. Texts are written as
/// Swedish/English pairs where they are used, so a page reads in Swedish in the source too.
/// </summary>
internal static class Language
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The two-letter code for the html lang attribute.</summary>
    public static string Code => IsEnglish ? "en" : "sv";

    /// <summary>Picks the text in the current language.</summary>
    public static string T(string sv, string en) => IsEnglish ? en : sv;

    public static IServiceCollection AddLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Swedish);
            options.SupportedCultures = [Swedish, English];
            options.SupportedUICultures = [Swedish, English];
            // Swedish first: a browser that prefers English still gets Swedish until the user switches.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

    /// <summary>
    /// The language choice, a form posted with its anti-forgery token. The form is read only once the token holds (reading
    /// it with a failed token throws), and only a local return address is followed.
    /// </summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/sprak", async (HttpContext context) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !context.Request.HasFormContentType)
            {
                return Results.BadRequest();
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var culture = form["language"] == "en" ? English : Swedish;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var returnUrl = form["returnUrl"].ToString();
            return Results.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
}
