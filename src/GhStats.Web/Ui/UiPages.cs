using GhStats.Domain;
using GhStats.Web.Api;
using GhStats.Web.Authorization;
using GhStats.Web.Identity;
using GhStats.Web.Ui.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Ui;

/// <summary>Builds a page's frame for the caller and renders pages, including the refusals (403, 404) as pages.</summary>
internal sealed class UiPages(
    IHttpContextAccessor accessor,
    CallerResolver callers,
    ApiAccess access,
    IAntiforgery antiforgery,
    UiAssets assets,
    GhStatsPaths paths,
    UiRequest request,
    IOptionsMonitor<GhStatsAuthenticationOptions> settings,
    IStringLocalizer<UiPages> text)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("UiPages is used outside a request.");

    public ApiAccess Access => access;

    /// <summary>The pages' titles and refusals (Resources/Ui/UiPages.resx), in the request's language.</summary>
    public IStringLocalizer<UiPages> Text => text;

    /// <summary>Runs a page that may be refused: what the API answers 403 or 404 answers the same here, as a page.</summary>
    /// <param name="titleKey">The page's title in <see cref="Text"/>; <paramref name="load"/> may set a more precise one.</param>
    /// <param name="load">Reads what the page shows; returns a refusal, or null to render the page.</param>
    public async Task<IResult> RenderAsync<TPage>(string titleKey, Func<UiRequest, Task<IResult?>>? load = null)
        where TPage : IComponent
    {
        var caller = await callers.ResolveAsync(Http)
            ?? throw new InvalidOperationException("A page was reached without a GhStats profile; the User policy should have refused it.");
        var tokens = antiforgery.GetAndStoreTokens(Http);
        request.Frame = new UiFrame(paths, assets, caller, UiNavigation.For(caller), tokens.RequestToken ?? string.Empty,
            showSignOut: settings.CurrentValue.HostScheme is null);
        request.Title = text[titleKey];
        try
        {
            return (load is null ? null : await load(request)) ?? Page<TPage>(StatusCodes.Status200OK);
        }
        catch (GhStatsNotFoundException)
        {
            return Message(StatusCodes.Status404NotFound, text["NotFound"], text["NotFoundMessage"]);
        }
        catch (ApiProblemException problem) when (problem.Status == StatusCodes.Status403Forbidden)
        {
            return Message(StatusCodes.Status403Forbidden, text["NotAllowed"], problem.Detail(Http));
        }
    }

    /// <summary>Refuses the page with a 403 page saying why.</summary>
    /// <param name="messageKey">The reason in <see cref="Text"/>.</param>
    public IResult Forbidden(string messageKey) => Message(StatusCodes.Status403Forbidden, text["NotAllowed"], text[messageKey]);

    /// <summary>The tenants a caller may manage: all for admins, else those it owns.</summary>
    public async Task<IReadOnlyList<Tenant>> ManagedTenantsAsync() =>
        (await access.VisibleTenantsAsync()).Where(t => request.Frame.Caller.Has(t.Id, TenantRole.Owner)).ToList();

    private RazorComponentResult<MessagePage> Message(int status, string title, string message)
    {
        request.Title = title;
        request.Message = message;
        return Page<MessagePage>(status);
    }

    private static RazorComponentResult<TPage> Page<TPage>(int status)
        where TPage : IComponent =>
        new RazorComponentResult<TPage> { StatusCode = status, ContentType = "text/html; charset=utf-8" };
}
