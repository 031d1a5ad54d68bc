using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vermilion.Accounts.Api;
using Vermilion.Accounts.Contracts;
using Vermilion.Accounts.Demo;
using Vermilion.Accounts.IpLocation;
using Vermilion.Accounts.Passwords;
using Vermilion.Accounts.Profiles;
using Vermilion.Accounts.Roles;
using Vermilion.Accounts.Sessions;
using Vermilion.Accounts.SignIn;
using Vermilion.Accounts.SignUp;
using Vermilion.Accounts.Users;
using Vermilion.Kernel.Localization;
using Vermilion.Kernel.Persistence;

namespace Vermilion.Accounts;

/// <summary>Accounts and profiles: sign-up, sign-in, sessions, roles, and the profile every other module shows.</summary>
public static class AccountsModule
{
    /// <summary>The scheme that picks the bearer token when a request carries one, and the cookie otherwise.</summary>
    public const string SmartScheme = "Smart";

    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDb<AccountsDb>(AccountsDb.TablePrefix);
        services.AddStrings(typeof(AccountsModule).Assembly);
        services.AddMemoryCache();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<IIpLocationLookup>(new CsvIpLocationLookup(configuration["Vermilion:IpLocation:File"]));
        services.AddScoped<SessionStore>();
        services.AddScoped<SignUpHandler>();
        services.AddScoped<SignInThrottles>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<ChangePasswordHandler>();
        services.AddScoped<Users.DeleteAccountHandler>();
        services.AddScoped<UpdateProfileHandler>();
        services.AddScoped<UploadAvatarHandler>();
        services.AddScoped<GrantRoleHandler>();
        services.AddScoped<ProfileQueries>();
        services.AddMemoryCache();
        services.AddSingleton<PersonCache>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IDemoAccounts, DemoAccounts>();
        services.AddScoped<IRoleAdministration, RoleAdministration>();

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "vermilion.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure on every HTTPS request, including one a known proxy forwarded as HTTPS (the host's forwarded
                // headers); a plain-HTTP installation (the demo on port 5080) could not keep a Secure cookie at all.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/signin";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = Session.Lifetime;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = CookieSessionValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = ApiAware(StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ApiAware(StatusCodes.Status403Forbidden);
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder app)
    {
        AuthEndpoints.Map(app);
        MeEndpoints.Map(app);
        UserEndpoints.Map(app);
        return app;
    }

    /// <summary>API callers get a status code, people in a browser get the sign-in page.</summary>
    private static Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> ApiAware(int status) => context =>
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };
}
