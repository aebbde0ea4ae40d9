using System.Security.Claims;

namespace GhStats.Web.Identity;

/// <summary>Reads who signed in from a principal's claims, by the configured claim names.</summary>
internal static class IdentityClaims
{
    public static SignInIdentity? Read(ClaimsPrincipal principal, GhStatsAuthenticationOptions options, string fallbackIssuer)
    {
        var names = options.ClaimNames;
        var subjectClaim = principal.FindFirst(names.Subject) ?? principal.FindFirst(ClaimTypes.NameIdentifier);
        if (subjectClaim is null || string.IsNullOrWhiteSpace(subjectClaim.Value))
        {
            return null;
        }

        var issuer = principal.FindFirst("iss")?.Value;
        if (string.IsNullOrWhiteSpace(issuer))
        {
            issuer = subjectClaim.Issuer is { Length: > 0 } claimIssuer && claimIssuer != ClaimsIdentity.DefaultIssuer ? claimIssuer : fallbackIssuer;
        }

        var email = (principal.FindFirst(names.Email) ?? principal.FindFirst(ClaimTypes.Email))?.Value;
        var verifiedClaim = principal.FindFirst(names.EmailVerified)?.Value;
        var verified = verifiedClaim is null ? options.AssumeEmailVerified : string.Equals(verifiedClaim, "true", StringComparison.OrdinalIgnoreCase);
        var name = (principal.FindFirst(names.Name) ?? principal.FindFirst(ClaimTypes.Name))?.Value;
        return new SignInIdentity(issuer, subjectClaim.Value, email, verified, name);
    }
}
