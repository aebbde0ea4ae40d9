using System.Text.Encodings.Web;
using GhStats.Web.Api;
using GhStats.Web.Identity;
using GhStats.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Security;

/// <summary>
/// Refusals under GhStats' prefix when it is embedded with the host's scheme. The host's cookie handler would redirect to
/// the host's access-denied page (often one it does not have); a person signed in to the app whom GhStats does not know
/// should read why instead: 403 with the reason, as a page or as problem details for the API.
/// </summary>
internal sealed class HostForbiddenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CallerResolver callers,
    GhStatsPaths paths) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (BearerToken.IsPresent(Request))
        {
            await Context.ForbidAsync(GhStatsAuthenticationSchemes.ApiToken, properties);
            return;
        }

        // The profile binder's refusal stays English this round; GhStats' own reasons are in the request's language.
        var hasProfile = await callers.ResolveAsync(Context) is not null;
        var text = ApiProblems.Text(Context);
        var detail = hasProfile ? text["RolesDoNotAllow"] : CallerResolver.RefusalOf(Context) ?? text["NoProfile"];
        if (hasProfile || paths.IsApi(Request.Path))
        {
            await ApiProblems.Write(Context, ApiProblemException.FromText(StatusCodes.Status403Forbidden, detail));
            return;
        }

        await SignInPages.WriteRefusalAsync(Context, StatusCodes.Status403Forbidden, "NoAccess", detail, paths);
    }
}
