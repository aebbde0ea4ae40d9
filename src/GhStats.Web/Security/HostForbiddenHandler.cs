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

        var hasProfile = await callers.ResolveAsync(Context) is not null;
        var detail = hasProfile
            ? "Your roles do not allow this."
            : CallerResolver.RefusalOf(Context) ?? "You are signed in to this app, but GhStats has no profile for you. Ask an owner of a GhStats tenant to invite your email.";
        if (hasProfile || paths.IsApi(Request.Path))
        {
            await ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", detail);
            return;
        }

        await SignInPages.WriteMessageAsync(Context, StatusCodes.Status403Forbidden, "No access to GhStats", detail, paths);
    }
}
