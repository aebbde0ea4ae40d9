using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using GhStats.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Web.SignIn;

/// <summary>
/// The few server-rendered pages of signing in: the development sign-in form and refusals. Every value
/// is HTML-encoded; no script runs; the Content-Security-Policy says so; the style is the pages' own stylesheet.
/// </summary>
internal static class SignInPages
{
    public const string DevelopmentBanner =
        "Development sign-in: this GhStats runs in the Development environment. Anyone on this machine can sign in here as any email, without a password.";

    public static Task WriteMessageAsync(HttpContext context, int status, string title, string message, GhStatsPaths paths)
    {
        var body = new StringBuilder()
            .Append("<p>").Append(Encode(message)).Append("</p>")
            .Append("<p><a href=\"").Append(Encode(paths.SignIn)).Append("\">Sign in again</a></p>");
        return WriteAsync(context, status, title, body.ToString(), banner: null);
    }

    public static Task WriteDevelopmentFormAsync(HttpContext context, AntiforgeryTokenSet tokens, string returnUrl, string? email, string? error)
    {
        var body = new StringBuilder();
        if (error is not null)
        {
            body.Append("<p role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        body.Append("<form method=\"post\" id=\"dev-signin\" class=\"stack\">")
            .Append("<input type=\"hidden\" name=\"").Append(Encode(tokens.FormFieldName)).Append("\" value=\"").Append(Encode(tokens.RequestToken ?? string.Empty)).Append("\">")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(Encode(returnUrl)).Append("\">")
            .Append("<label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\" required autocomplete=\"email\" value=\"").Append(Encode(email ?? string.Empty)).Append("\">")
            .Append("<label for=\"name\">Display name (optional)</label><input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\">")
            .Append("<button type=\"submit\" id=\"dev-signin-submit\" class=\"primary\">Sign in</button></form>")
            .Append("<p>Only emails that are invited to a tenant, or listed in GhStats:Bootstrap:AdminEmails, get in.</p>");
        return WriteAsync(context, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, "Development sign-in", body.ToString(), DevelopmentBanner);
    }

    private static async Task WriteAsync(HttpContext context, int status, string title, string body, string? banner)
    {
        var assets = context.RequestServices.GetRequiredService<UiAssets>();
        var paths = context.RequestServices.GetRequiredService<GhStatsPaths>();
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append(" - GhStats</title>")
            .Append("<link rel=\"icon\" href=\"").Append(Encode(assets.Url(paths, "icon.svg"))).Append("\" type=\"image/svg+xml\">")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(assets.Url(paths, "ghstats.css"))).Append("\"></head><body>");
        if (banner is not null)
        {
            page.Append("<p class=\"banner\" role=\"status\" id=\"dev-banner\">").Append(Encode(banner)).Append("</p>");
        }

        page.Append("<main><h1>").Append(Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        await response.WriteAsync(page.ToString(), context.RequestAborted);
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
