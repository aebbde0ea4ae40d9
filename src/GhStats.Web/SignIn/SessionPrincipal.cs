using System.Globalization;
using System.Security.Claims;
using GhStats.Domain;

namespace GhStats.Web.SignIn;

/// <summary>The principal kept in the session cookie: the profile id only; roles are read from the database per request.</summary>
internal static class SessionPrincipal
{
    public static ClaimsPrincipal For(UserProfile profile, bool developmentSignIn)
    {
        var claims = new List<Claim>
        {
            new(GhStatsClaimTypes.UserId, profile.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, profile.DisplayName ?? profile.Email ?? profile.Subject),
        };
        if (developmentSignIn)
        {
            claims.Add(new Claim(GhStatsClaimTypes.DevelopmentSignIn, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, GhStatsAuthenticationSchemes.Cookie, ClaimTypes.Name, ClaimTypes.Role));
    }
}
