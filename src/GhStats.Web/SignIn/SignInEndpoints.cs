using GhStats.Administration;
using GhStats.Web.Identity;
using GhStats.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Web.SignIn;

/// <summary>Sign-in, sign-out and the development sign-in.</summary>
internal static partial class SignInEndpoints
{
    public static void Map(IEndpointRouteBuilder module)
    {
        module.MapGet("/signin", SignIn).ExcludeFromDescription();
        module.MapGet("/signin/development", DevelopmentFormAsync).ExcludeFromDescription();
        module.MapPost("/signin/development", DevelopmentSignInAsync).ExcludeFromDescription().DisableAntiforgery();
        module.MapPost("/signout", SignOutAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    /// <summary>Whether this app offers the development sign-in at all: the Development environment, and not turned off.</summary>
    public static bool DevelopmentSignInExists(IServiceProvider services) =>
        services.GetService<IHostEnvironment>()?.IsDevelopment() == true
        && services.GetRequiredService<IOptionsMonitor<GhStatsAuthenticationOptions>>().CurrentValue.DevelopmentSignIn;

    /// <summary>
    /// The development sign-in exists only in Development, only when not turned off, only for requests over a loopback
    /// connection (both ends) that show no sign of a proxy, and never behind configured proxies.
    /// </summary>
    public static bool DevelopmentSignInAvailable(HttpContext context) =>
        DevelopmentSignInExists(context.RequestServices) && LoopbackRequest.IsLoopback(context);

    private static async Task SignIn(HttpContext context, GhStatsPaths paths, IOptionsMonitor<GhStatsAuthenticationOptions> monitor, string? returnUrl)
    {
        var settings = monitor.CurrentValue;
        var target = ReturnAddress.Within(paths, returnUrl);
        if (settings.Oidc.IsConfigured)
        {
            await context.ChallengeAsync(GhStatsAuthenticationSchemes.OpenIdConnect, new AuthenticationProperties { RedirectUri = target });
        }
        else if (settings.HostScheme is { } hostScheme)
        {
            await context.ChallengeAsync(hostScheme, new AuthenticationProperties { RedirectUri = target });
        }
        else if (DevelopmentSignInAvailable(context))
        {
            context.Response.Redirect($"{paths.SignIn}/development?returnUrl={Uri.EscapeDataString(target)}");
        }
        else
        {
            await SignInPages.WriteMessageAsync(context, StatusCodes.Status404NotFound, "NoSignInConfigured", "NoSignInConfiguredMessage", paths);
        }
    }

    private static async Task DevelopmentFormAsync(HttpContext context, IAntiforgery antiforgery, GhStatsPaths paths, string? returnUrl)
    {
        if (!DevelopmentSignInAvailable(context))
        {
            LogDevelopmentSignInRefused(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await SignInPages.WriteDevelopmentFormAsync(context, antiforgery.GetAndStoreTokens(context), ReturnAddress.Within(paths, returnUrl), email: null, errorKey: null);
    }

    private static async Task DevelopmentSignInAsync(HttpContext context, IAntiforgery antiforgery, ProfileBinder binder, GhStatsPaths paths)
    {
        if (!DevelopmentSignInAvailable(context))
        {
            LogDevelopmentSignInRefused(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!context.Request.HasFormContentType || !await FormIsValidAsync(context, antiforgery))
        {
            await SignInPages.WriteMessageAsync(context, StatusCodes.Status400BadRequest, "SignInFailed", "SignInFormInvalid", paths);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form["email"].ToString().Trim();
        var name = form["name"].ToString().Trim();
        var returnUrl = ReturnAddress.Within(paths, form["returnUrl"]);
        if (!GhStatsAdministration.IsEmailAddress(email))
        {
            await SignInPages.WriteDevelopmentFormAsync(context, antiforgery.GetAndStoreTokens(context), returnUrl, email, "EmailInvalid");
            return;
        }

        var identity = new SignInIdentity(ProfileBinder.DevelopmentIssuer, email.ToLowerInvariant(), email, EmailVerified: true, name.Length == 0 ? null : name);
        var binding = await binder.AdmitAsync(identity, context.RequestAborted);
        if (binding.Profile is null)
        {
            await SignInPages.WriteRefusalAsync(context, StatusCodes.Status403Forbidden, "SignInRefused", binding.Refusal!, paths);
            return;
        }

        await context.SignInAsync(GhStatsAuthenticationSchemes.Cookie, await SessionPrincipal.ForAsync(context, binding.Profile, developmentSignIn: true));
        GhStats.Web.Localization.LanguageCookie.Remember(context, binding.Profile.Language, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        context.Response.Redirect(returnUrl);
    }

    /// <summary>Whether the form carries a valid antiforgery token; a form ASP.NET Core cannot parse (e.g. a NUL in a value) is not valid.</summary>
    private static async Task<bool> FormIsValidAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static async Task SignOutAsync(HttpContext context, IAntiforgery antiforgery, GhStatsPaths paths, IOptionsMonitor<GhStatsAuthenticationOptions> monitor)
    {
        // The antiforgery token was issued to the signed-in user; it only validates against that same user.
        var session = await context.AuthenticateAsync(GhStatsAuthenticationSchemes.Cookie);
        if (session.Succeeded)
        {
            context.User = session.Principal;
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            await SignInPages.WriteMessageAsync(context, StatusCodes.Status400BadRequest, "SignOutFailed", "SignOutFormInvalid", paths);
            return;
        }

        // Signing out ends every session of this person, on every replica, not just this browser's cookie.
        if (session.Succeeded && session.Principal?.FindFirst(GhStatsClaimTypes.UserId)?.Value is { } id
            && long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            await context.RequestServices.GetRequiredService<GhStats.Stores.IUserStore>().EndSessionsAsync(userId, context.RequestAborted);
            context.RequestServices.GetRequiredService<AccessCache>().Invalidate();
        }

        await context.SignOutAsync(GhStatsAuthenticationSchemes.Cookie);
        if (monitor.CurrentValue.Oidc.IsConfigured)
        {
            await context.SignOutAsync(GhStatsAuthenticationSchemes.OpenIdConnect, new AuthenticationProperties { RedirectUri = paths.Prefix + "/" });
            return;
        }

        context.Response.Redirect(paths.Prefix + "/");
    }

    private static void LogDevelopmentSignInRefused(HttpContext context)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInEndpoints).FullName!);
        var reason = !DevelopmentSignInExists(context.RequestServices)
            ? "it exists only in the Development environment with GhStats:Authentication:DevelopmentSignIn on"
            : LoopbackRequest.Refusal(context) ?? "the request did not come from this machine (loopback)";
        LogDevelopmentSignInRefused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development sign-in refused for a request from {Remote}: {Reason}")]
    private static partial void LogDevelopmentSignInRefused(ILogger logger, string remote, string reason);
}
