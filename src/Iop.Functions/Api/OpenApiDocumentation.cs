using Iop.Functions.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Iop.Functions.Api;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond the endpoints themselves: the product, its tags, the two ways staff
/// authenticate (the sign-in cookie, an Entra ID bearer token with the app role) and which operations need them.
/// </summary>
internal static class OpenApiDocumentation
{
    public const string CookieScheme = "staffCookie";

    public const string BearerScheme = "entraIdBearer";

    public static IServiceCollection AddIopOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Iop",
                    Version = "v1",
                    Description = "Case workflow for idéburet offentligt partnerskap (IOP): initiatives, screening, meetings, partner vetting, "
                        + "officials' requests, the agreement, committee decisions and signatures. Every failure is RFC 7807 problem details; "
                        + "a broken rule carries its stable code in the `rule` extension.",
                    License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://iop.example/license") },
                };
                // The document is served by the app itself: its own address is the base (OpenAPI's default when servers is
                // absent), right behind any proxy or custom domain, where a generated one would name the internal host.
                document.Servers = [new OpenApiServer { Url = "/", Description = "The app that serves this document." }];
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = "Initiatives", Description = "Submitting an initiative (open to anyone, like the public form)." },
                    new() { Name = "Cases", Description = "The coordinator's queries and commands (role Iop.Coordinator)." },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [CookieScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Cookie,
                        Name = "Iop.Staff",
                        Description = "The staff sign-in cookie (Entra ID single sign-on in Azure, the development sign-in locally). "
                            + "Commands take a JSON body, which a browser does not send across sites.",
                    },
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "JWT",
                        Description = "An Entra ID access token for the app's registration (audience: its client id) carrying the app role "
                            + $"{StaffPolicies.CoordinatorRole}, for a person or for an application.",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(Cases.CaseId))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Pattern = "^[0-9a-f]{32}$";
                    schema.Properties?.Clear();
                    schema.Required?.Clear();
                    schema.Description = "The case id: 32 hexadecimal digits, as in the case's URLs.";
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
                operation.Security = anonymous
                    ? [new OpenApiSecurityRequirement()]
                    :
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                    ];
                return Task.CompletedTask;
            });
        });
}
