using GhStats.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Api;

/// <summary>
/// A change made with a session cookie must carry the antiforgery token from <c>GET /api/v1/me</c> in the
/// <c>RequestVerificationToken</c> header, so another site cannot make a signed-in browser change anything.
/// Calls with a Bearer token carry no ambient credentials and need none.
/// </summary>
internal sealed class ApiAntiforgeryFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        await EnsureValidAsync(context.HttpContext);
        return await next(context);
    }

    /// <summary>Ends the request with a 400 problem unless it is safe, carries a Bearer token, or has a valid antiforgery token.</summary>
    public static async Task EnsureValidAsync(HttpContext http)
    {
        if (!await IsValidAsync(http))
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "AntiforgeryMissing") { TitleKey = "TitleAntiforgeryMissing" };
        }
    }

    private static async Task<bool> IsValidAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method)
            || BearerToken.IsPresent(http.Request) || http.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        // An upload's form is its endpoint's to stream: the token comes in the header, and the form is never read here
        // (the antiforgery service would otherwise read the whole form to look for a token field).
        var headerName = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        if (http.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
            && (headerName is null || !http.Request.Headers.ContainsKey(headerName)))
        {
            return false;
        }

        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }
}
