using GhStats.Administration;
using System.Security.Claims;
using System.Text.Encodings.Web;
using GhStats.Stores;
using GhStats.Web.Api;
using GhStats.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Security;

/// <summary>Authenticates <c>Authorization: Bearer ghst_...</c> personal API tokens, with exactly the rights of the token's user.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiTokenStore tokens,
    AccessCache access,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Last use is written at most this often per token, so reads do not each cost a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiTokenFormat.LooksLikeToken(token))
        {
            return AuthenticateResult.Fail("The Bearer token is not a GhStats API token.");
        }

        var hash = ApiTokenFormat.Hash(token);
        var stored = await access.TokenAsync(hash, () => tokens.FindByHashAsync(hash, Context.RequestAborted));
        var now = clock.GetUtcNow();
        if (stored is null || !stored.IsUsableAt(now))
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        if (stored.LastUsedAt is null || now - stored.LastUsedAt > LastUsedResolution)
        {
            await tokens.RecordUseAsync(stored.Id, Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(GhStatsClaimTypes.UserId, stored.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(GhStatsClaimTypes.TokenId, stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            Scheme.Name);
        OwnIdentity.Mark(Context, identity);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "TokenChallenge");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "TokenForbidden");
}
