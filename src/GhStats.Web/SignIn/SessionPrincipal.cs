using System.Globalization;
using System.Security.Claims;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Web.SignIn;

/// <summary>
/// The principal kept in the session cookie: the profile id, the session stamp it was signed in with and when; roles
/// are read from the database per request.
/// </summary>
internal static class SessionPrincipal
{
    /// <summary>The profile's session stamp at sign-in; a session whose stamp no longer matches has ended.</summary>
    public const string StampClaim = "ghstats:stamp";

    /// <summary>When the session was signed in (Unix seconds), for the absolute lifetime.</summary>
    public const string SignedInClaim = "ghstats:signed_in";

    public static async Task<ClaimsPrincipal> ForAsync(HttpContext context, UserProfile profile, bool developmentSignIn)
    {
        var services = context.RequestServices;
        var stamp = await services.GetRequiredService<IUserStore>().GetSessionStampAsync(profile.Id, context.RequestAborted)
            ?? throw new GhStatsNotFoundException("user", profile.Id);
        var signedIn = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var claims = new List<Claim>
        {
            new(GhStatsClaimTypes.UserId, profile.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, profile.DisplayName ?? profile.Email ?? profile.Subject),
            new(StampClaim, stamp.ToString(CultureInfo.InvariantCulture)),
            new(SignedInClaim, signedIn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (developmentSignIn)
        {
            claims.Add(new Claim(GhStatsClaimTypes.DevelopmentSignIn, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, GhStatsAuthenticationSchemes.Cookie, ClaimTypes.Name, ClaimTypes.Role));
    }
}
