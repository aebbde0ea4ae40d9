using Microsoft.AspNetCore.Http;

namespace GhStats.Web.Localization;

/// <summary>
/// Writes the <see cref="UiCulture.CookieName"/> cookie that remembers a browser's language: for a year, on the whole
/// site (the host's paths ignore it), SameSite=Lax so links from mail and chat keep it, Secure over https. Scripts
/// need not read it, but nothing in it is secret either.
/// </summary>
internal static class LanguageCookie
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>Remembers <paramref name="language"/> for this browser; a language GhStats does not offer changes nothing.</summary>
    /// <param name="context">The request.</param>
    /// <param name="language">One of <see cref="GhStatsLanguages.Supported"/>, or null (nothing to remember).</param>
    /// <param name="now">The time now, from the app's clock.</param>
    public static void Remember(HttpContext context, string? language, DateTimeOffset now)
    {
        if (GhStatsLanguages.Normalize(language) is not { } supported)
        {
            return;
        }

        context.Response.Cookies.Append(UiCulture.CookieName, UiCulture.CookieValue(supported), new CookieOptions
        {
            Path = "/",
            Expires = now + Lifetime,
            MaxAge = Lifetime,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            HttpOnly = false,
            IsEssential = true,
        });
    }
}
