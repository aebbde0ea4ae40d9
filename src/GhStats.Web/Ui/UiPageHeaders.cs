using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GhStats.Web.Ui;

/// <summary>
/// Headers on every page: a Content-Security-Policy that allows scripts and styles from GhStats only (no inline
/// script, no inline style), no framing, no caching of pages that show tenant data.
/// </summary>
internal sealed class UiPageHeaders(IOptionsMonitor<GhStatsAuthenticationOptions> settings) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = Policy(settings.CurrentValue);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    }

    /// <summary>Signing out of an OpenID Connect session redirects the sign-out form to the provider, so its origin may be a form target.</summary>
    public static string Policy(GhStatsAuthenticationOptions settings)
    {
        var formAction = "'self'";
        if (settings.Oidc.IsConfigured && Uri.TryCreate(settings.Oidc.Authority, UriKind.Absolute, out var authority))
        {
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + $"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action {formAction}";
    }
}
