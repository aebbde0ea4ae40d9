using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Auditing;
using GhStats.Web.Identity;
using GhStats.Web.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace GhStats.Web.Localization;

/// <summary>
/// <c>POST {prefix}/language</c>, the menu's language picker: a form with <c>language</c> and <c>returnUrl</c> and the
/// antiforgery field. It remembers the choice in the browser (<see cref="LanguageCookie"/>) and, for a signed-in
/// person, in their profile, so the next sign-in on another browser and their digests and alerts use it too; then it
/// goes back to <c>returnUrl</c> when that is a page of GhStats, else to the start page. Signed out, only the cookie.
/// </summary>
internal static class LanguageEndpoints
{
    public static void Map(IEndpointRouteBuilder module) =>
        module.MapPost("/language", ChooseAsync).ExcludeFromDescription().DisableAntiforgery();

    private static async Task<IResult> ChooseAsync(
        HttpContext context, IAntiforgery antiforgery, GhStatsPaths paths, CallerResolver callers, IUserStore users, AccessCache cache,
        IStringLocalizer<LanguageChoice> l, TimeProvider clock)
    {
        // The form's token was issued to the signed-in person (or to nobody): read the session first, as the token checks.
        var session = await context.AuthenticateAsync(GhStatsAuthenticationSchemes.Default);
        if (session.Succeeded)
        {
            context.User = session.Principal;
        }

        if (!context.Request.HasFormContentType || !await FormIsValidAsync(context, antiforgery))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["NotChanged"], detail: l["NoToken"]);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var language = GhStatsLanguages.Normalize(form["language"]);
        if (language is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["NotChanged"],
                detail: l["Unsupported", string.Join(", ", GhStatsLanguages.Supported)]);
        }

        LanguageCookie.Remember(context, language, clock.GetUtcNow());
        if (session.Succeeded && await callers.ResolveAsync(context) is { ViaToken: false } caller)
        {
            await StoreAsync(context, caller.User, language, users, cache);
        }

        return TypedResults.Redirect(ReturnAddress.Within(paths, form["returnUrl"]));
    }

    /// <summary>Stores a person's language in their profile and records the change; the same language again changes nothing.</summary>
    internal static async Task<UserProfile> StoreAsync(HttpContext context, UserProfile user, string? language, IUserStore users, AccessCache cache)
    {
        if (string.Equals(user.Language, language, StringComparison.Ordinal))
        {
            return user;
        }

        var updated = await users.SetLanguageAsync(user.Id, language, context.RequestAborted);

        // The cached caller carries the profile; GET /me and the next pages must see the new language.
        cache.Invalidate();
        await AuditTrail.Of(context).RecordAsync(AuditActions.LanguageChanged, null, AuditTargets.Profile(updated),
            $"language={user.Language ?? "-"} -> {updated.Language ?? "-"}");
        return updated;
    }

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
}
