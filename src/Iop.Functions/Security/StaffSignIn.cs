using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace Iop.Functions.Security;

internal static class StaffSignIn
{
    public const string DevelopmentSignInPath = "/logga-in";

    /// <summary>The staff sign-in cookie, in both modes.</summary>
    public const string CookieName = "Iop.Staff";

    /// <summary>The API's authentication: the sign-in cookie or an Entra ID bearer token.</summary>
    public const string ApiScheme = "Iop.Api";

    public static AuthenticationMode Mode(IConfiguration configuration) =>
        Enum.TryParse<AuthenticationMode>(configuration["Authentication:Mode"], ignoreCase: true, out var mode) ? mode : AuthenticationMode.EntraId;

    /// <summary>
    /// Staff sign in with Entra ID in Azure; locally a development sign-in stands in. The development mode refuses to
    /// start outside the Development environment, so a misconfigured production app fails closed.
    /// </summary>
    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var mode = Mode(builder.Configuration);
        if (mode == AuthenticationMode.Development && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Authentication:Mode 'Development' is only allowed in the Development environment. Use 'EntraId'.");
        }

        AuthenticationBuilder authentication;
        if (mode == AuthenticationMode.Development)
        {
            authentication = builder.Services
                .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options =>
                {
                    options.LoginPath = DevelopmentSignInPath;
                    options.Cookie.Name = CookieName;
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                    options.SlidingExpiration = true;
                    options.ExpireTimeSpan = TimeSpan.FromHours(8);
                    options.Events.OnRedirectToLogin = ApiAnswersWithStatus(StatusCodes.Status401Unauthorized);
                    options.Events.OnRedirectToAccessDenied = ApiAnswersWithStatus(StatusCodes.Status403Forbidden);
                });
        }
        else
        {
            authentication = builder.Services.AddAuthentication(OpenIdConnectDefaults());
            authentication.AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"));
            builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.SameSite = SameSiteMode.Lax;
            });
        }

        // Machine clients send an Entra ID access token; Entra ID mode always accepts one, Development when AzureAd:ClientId is set.
        var bearer = mode == AuthenticationMode.EntraId || !string.IsNullOrWhiteSpace(builder.Configuration["AzureAd:ClientId"]);
        if (bearer)
        {
            authentication.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"), JwtBearerDefaults.AuthenticationScheme);
        }

        // The API takes either: a request with "Authorization: Bearer" is the token's, any other the sign-in cookie's. Without
        // credentials it answers 401 (with WWW-Authenticate: Bearer where tokens are accepted), never a redirect to a sign-in page.
        var api = bearer ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        authentication.AddPolicyScheme(ApiScheme, "Sign-in cookie or Entra ID bearer token", options =>
        {
            options.ForwardDefaultSelector = context =>
                bearer && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme;
            options.ForwardChallenge = api;
            options.ForwardForbid = api;
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Coordinator, policy => policy.RequireAuthenticatedUser().RequireRole(StaffPolicies.CoordinatorRole))
            .AddPolicy(StaffPolicies.ApiCoordinator, policy => policy.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser().RequireRole(StaffPolicies.CoordinatorRole))
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser());
        return builder;
    }

    private static string OpenIdConnectDefaults() => Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>An API call without sign-in gets a status code (and problem details), not a redirect to a sign-in page.</summary>
    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> ApiAnswersWithStatus(int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };

    /// <summary>The recorded identity of a staff member: object id (or e-mail) and display name.</summary>
    public static Common.Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
                 ?? user.FindFirstValue("oid")
                 ?? user.FindFirstValue(ClaimTypes.Email)
                 ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
                 ?? user.Identity?.Name
                 ?? "unknown";
        // An application's token (client credentials) has no person's name; its display name is an optional claim.
        var name = user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("app_displayname") ?? id;
        return new Common.Actor(id, name, Common.ActorRole.Coordinator);
    }

    /// <summary>
    /// The signed-in person's e-mail address: the development sign-in's address, or Entra ID's
    /// <c>preferred_username</c>/<c>email</c>/UPN (in Microsoft 365 the sign-in name is the mailbox address).
    /// </summary>
    public static string? Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email)
        ?? user.FindFirstValue("preferred_username")
        ?? user.FindFirstValue("email")
        ?? user.FindFirstValue(ClaimTypes.Upn);

    /// <summary>Signing out is a POST (with anti-forgery), like every other change.</summary>
    public static void MapSignOut(this IEndpointRouteBuilder app)
    {
        // The endpoint binds no form, so ASP.NET Core would not check the token on its own: checked here, or any site
        // could sign a coordinator out with a hidden form.
        app.MapPost("/logga-ut", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Results.BadRequest();
            }

            await context.SignOutAsync().ConfigureAwait(false);
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
    }

    public static async Task SignInForDevelopmentAsync(HttpContext context, string name, string email, bool asCoordinator = true)
    {
        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, email),
            new Claim(ClaimTypes.Email, email),
            new Claim(ClaimTypes.Name, name),
            new Claim("iop:development-sign-in", "true"),
        ];
        if (asCoordinator)
        {
            claims.Add(new Claim(ClaimTypes.Role, StaffPolicies.CoordinatorRole));
        }

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
    }
}
