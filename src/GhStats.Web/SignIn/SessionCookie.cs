using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GhStats.Web.SignIn;

/// <summary>
/// The session cookie: HttpOnly, SameSite=Lax, scoped to GhStats' prefix, Secure and named <c>__Host-</c> (at the root) or
/// <c>__Secure-</c> (under a prefix) over https; API calls get 401/403, pages a redirect. A session ends after
/// <see cref="GhStatsAuthenticationOptions.SessionIdleTimeout"/> without use, after
/// <see cref="GhStatsAuthenticationOptions.SessionMaxLifetime"/> in any case, and when the profile's session stamp changes.
/// </summary>
internal static class SessionCookie
{
    /// <summary>The cookie's name over plain http; https adds a <c>__Host-</c> or <c>__Secure-</c> prefix instead of the dot.</summary>
    public const string Name = ".GhStats.Session";

    public static void Configure(CookieAuthenticationOptions options, GhStatsPaths paths, IOptionsMonitor<GhStatsAuthenticationOptions> settings)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = paths.Prefix.Length == 0 ? "/" : paths.Prefix;
        options.CookieManager = new PrefixedCookieManager(paths);
        options.ExpireTimeSpan = settings.CurrentValue.SessionIdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = paths.SignIn;
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = context => ValidateAsync(context, settings.CurrentValue),
            OnRedirectToLogin = context => paths.IsApi(context.Request.Path)
                ? ApiProblems.Write(context.HttpContext, StatusCodes.Status401Unauthorized, "SessionChallenge")
                : Redirect(context),
            OnRedirectToAccessDenied = context => ApiProblems.Write(context.HttpContext, StatusCodes.Status403Forbidden, "RolesDoNotAllow"),
        };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, GhStatsAuthenticationOptions settings)
    {
        var identity = context.Principal?.Identities.FirstOrDefault(i => i.HasClaim(c => c.Type == GhStatsClaimTypes.UserId));
        var services = context.HttpContext.RequestServices;
        if (identity is null
            || OwnIdentity.Number(identity, GhStatsClaimTypes.UserId) is not { } userId
            || OwnIdentity.Number(identity, SessionPrincipal.StampClaim) is not { } stamp
            || OwnIdentity.Number(identity, SessionPrincipal.SignedInClaim) is not { } signedIn

            // A development session means nothing where the development sign-in does not exist, e.g. a production replica.
            || (identity.HasClaim(c => c.Type == GhStatsClaimTypes.DevelopmentSignIn) && !SignInEndpoints.DevelopmentSignInExists(services))

            // However active, a session ends this long after its sign-in.
            || services.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(signedIn) > settings.SessionMaxLifetime

            // Signed out, removed or demoted since, here or on another replica (re-read at most every SessionCheckInterval).
            || await CurrentStampAsync(context.HttpContext, userId) != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(GhStatsAuthenticationSchemes.Cookie);
            return;
        }

        OwnIdentity.Mark(context.HttpContext, identity);
    }

    private static Task<long?> CurrentStampAsync(HttpContext context, long userId)
    {
        var users = context.RequestServices.GetRequiredService<IUserStore>();
        return context.RequestServices.GetRequiredService<AccessCache>()
            .SessionStampAsync(userId, () => users.GetSessionStampAsync(userId, context.RequestAborted));
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Over https the cookie gets a name browsers hold to its promise: <c>__Host-</c> (Secure, Path=/, no Domain) at the
    /// root, <c>__Secure-</c> under a prefix. Over http (a developer's loopback) it keeps the plain name.
    /// </summary>
    private sealed class PrefixedCookieManager(GhStatsPaths paths) : ICookieManager
    {
        private readonly ChunkingCookieManager _inner = new();

        public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, NameFor(context, key));

        public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
            _inner.AppendResponseCookie(context, NameFor(context, key), value, options);

        public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
            _inner.DeleteCookie(context, NameFor(context, key), options);

        private string NameFor(HttpContext context, string key) =>
            !context.Request.IsHttps || key != Name
                ? key
                : (paths.Prefix.Length == 0 ? "__Host-" : "__Secure-") + Name.TrimStart('.');
    }
}
