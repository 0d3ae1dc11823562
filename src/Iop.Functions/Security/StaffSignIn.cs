using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Identity.Web;

namespace Iop.Functions.Security;

internal static class StaffSignIn
{
    public const string DevelopmentSignInPath = "/logga-in";

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

        if (mode == AuthenticationMode.Development)
        {
            builder.Services
                .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options =>
                {
                    options.LoginPath = DevelopmentSignInPath;
                    options.Cookie.Name = "Iop.Staff";
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
            builder.Services
                .AddAuthentication(OpenIdConnectDefaults())
                .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"));
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Coordinator, policy => policy.RequireAuthenticatedUser().RequireRole(StaffPolicies.CoordinatorRole))
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
                 ?? user.FindFirstValue(ClaimTypes.Email)
                 ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
                 ?? user.Identity?.Name
                 ?? "unknown";
        var name = user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Name) ?? id;
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
        });
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
