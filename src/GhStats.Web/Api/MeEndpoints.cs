using GhStats.Administration;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api.Contracts;
using GhStats.Web.Auditing;
using GhStats.Web.Authorization;
using GhStats.Web.Identity;
using GhStats.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace GhStats.Web.Api;

/// <summary><c>/me</c>: who is calling and what they may see; <c>/me/language</c>: their language; <c>/me/tokens</c>: their personal API tokens.</summary>
internal static class MeEndpoints
{
    private const int DefaultTokenLifetimeDays = 90;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", GetAsync).WithName("GetMe");
        api.MapPut("/me/language", SetLanguageAsync).WithName("SetLanguage")
            .Accepts<SetLanguageRequest>("application/json").Produces<LanguageResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/me/tokens", ListTokensAsync).WithName("ListTokens");
        api.MapPost("/me/tokens", CreateTokenAsync).WithName("CreateToken")
            .Accepts<CreateTokenRequest>("application/json").Produces<CreatedTokenResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/me/tokens/{id:long}", RevokeTokenAsync).WithName("RevokeToken")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<MeResponse>> GetAsync(HttpContext http, ApiAccess access, IAntiforgery antiforgery)
    {
        var caller = await access.CallerAsync();
        var visible = (await access.VisibleTenantsAsync()).Select(t => t.ToResponse(caller.RoleIn(t.Id))).ToList();

        var token = caller.ViaToken ? null : antiforgery.GetAndStoreTokens(http).RequestToken;
        var user = caller.User;
        return TypedResults.Ok(new MeResponse(
            user.Id, user.Email, user.DisplayName, caller.SystemRoles.Order().Select(WireNames.Of).ToList(), visible,
            caller.GrantedRepositoryTenants.Keys.Order().ToList(), caller.DevelopmentSignIn, token, user.Language));
    }

    /// <summary>
    /// Stores the caller's language (for pages on every browser they sign in with, and their digests and alerts); from a
    /// browser session it also sets this browser's language cookie, as the menu's picker does.
    /// </summary>
    private static async Task<Ok<LanguageResponse>> SetLanguageAsync(
        HttpContext http, ApiAccess access, IUserStore users, AccessCache cache, IStringLocalizer<LanguageChoice> l, TimeProvider clock)
    {
        var caller = await access.CallerAsync();
        var request = await ApiBody.ReadAsync<SetLanguageRequest>(http);
        var language = GhStatsLanguages.Normalize(request.Language);
        if (language is null && !string.IsNullOrWhiteSpace(request.Language))
        {
            throw ApiProblems.Invalid(l["Unsupported", string.Join(", ", GhStatsLanguages.Supported)]);
        }

        var updated = await LanguageEndpoints.StoreAsync(http, caller.User, language, users, cache);
        if (!caller.ViaToken)
        {
            LanguageCookie.Remember(http, updated.Language, clock.GetUtcNow());
        }

        return TypedResults.Ok(new LanguageResponse(updated.Language));
    }

    private static async Task<Ok<List<TokenResponse>>> ListTokensAsync(HttpContext http, ApiAccess access, IApiTokenStore tokens)
    {
        var caller = await access.CallerAsync();
        var list = await tokens.ListAsync(caller.User.Id, http.RequestAborted);
        return TypedResults.Ok(list.Select(t => t.ToResponse()).ToList());
    }

    private static async Task<IResult> CreateTokenAsync(HttpContext http, ApiAccess access, GhStatsAdministration administration)
    {
        var caller = await access.CallerAsync();
        if (caller.ViaToken)
        {
            // A leaked token must not be able to mint tokens that outlive its own revocation.
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "TokenFromToken");
        }

        var request = await ApiBody.ReadAsync<CreateTokenRequest>(http);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > FieldLimits.TokenName)
        {
            throw ApiProblems.Invalid("TokenNameInvalid", FieldLimits.TokenName);
        }

        var days = request.ExpiresInDays ?? DefaultTokenLifetimeDays;
        if (days is < 1 or > GhStatsAdministration.MaxTokenLifetimeDays)
        {
            throw ApiProblems.Invalid("TokenLifetimeInvalid", GhStatsAdministration.MaxTokenLifetimeDays);
        }

        var issued = await administration.CreateApiTokenAsync(caller.User.Id, request.Name, days, http.RequestAborted);
        var token = issued.Token;
        await AuditTrail.Of(http).RecordAsync(AuditActions.TokenCreated, null, AuditTargets.Token(token), $"expiresAt={token.ExpiresAt:O}");
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{token.Id}",
            new CreatedTokenResponse(token.Id, token.Name, issued.Secret, token.CreatedAt, token.ExpiresAt));
    }

    private static async Task<IResult> RevokeTokenAsync(long id, HttpContext http, ApiAccess access, IApiTokenStore tokens, AccessCache cache)
    {
        var caller = await access.CallerAsync();
        if (!await tokens.RevokeAsync(caller.User.Id, id, http.RequestAborted))
        {
            throw new GhStatsNotFoundException("token", id);
        }

        cache.Invalidate();
        await AuditTrail.Of(http).RecordAsync(AuditActions.TokenRevoked, null, AuditTargets.Token(id));
        return TypedResults.NoContent();
    }
}
