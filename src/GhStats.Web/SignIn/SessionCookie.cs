using GhStats.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GhStats.Web.SignIn;

/// <summary>The session cookie: HttpOnly, SameSite=Lax, scoped to GhStats' prefix; API calls get 401/403, pages a redirect.</summary>
internal static class SessionCookie
{
    public static void Configure(CookieAuthenticationOptions options, GhStatsPaths paths, IOptionsMonitor<GhStatsAuthenticationOptions> settings)
    {
        options.Cookie.Name = ".GhStats.Session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = paths.Prefix.Length == 0 ? "/" : paths.Prefix;
        options.ExpireTimeSpan = settings.CurrentValue.SessionIdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = paths.SignIn;
        options.Events = new CookieAuthenticationEvents
        {
            // A development session means nothing where the development sign-in does not exist, e.g. a production replica.
            OnValidatePrincipal = context =>
            {
                if (context.Principal?.HasClaim(c => c.Type == GhStatsClaimTypes.DevelopmentSignIn) == true
                    && !SignInEndpoints.DevelopmentSignInExists(context.HttpContext.RequestServices))
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            },
            OnRedirectToLogin = context => paths.IsApi(context.Request.Path)
                ? ApiProblems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in",
                    "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.")
                : Redirect(context),
            OnRedirectToAccessDenied = context => ApiProblems.Write(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
                "Your roles do not allow this."),
        };
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
