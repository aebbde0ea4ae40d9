using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GhStats.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using GhStats.Web.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace GhStats.Web.SignIn;

/// <summary>
/// The few server-rendered pages of signing in: the development sign-in form and refusals. Every value
/// is HTML-encoded; no script runs; the Content-Security-Policy says so; the style is the pages' own stylesheet.
/// </summary>
internal static class SignInPages
{
    // Letters outside Basic Latin stay letters (a Japanese page is readable as sent); markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The banner over every page of a development sign-in session, in the request's language.</summary>
    /// <param name="localizers">The app's string localizers.</param>
    public static string DevelopmentBanner(IStringLocalizerFactory localizers) => Text(localizers)["DevelopmentBanner"];

    /// <summary>A refusal or failure page: <paramref name="titleKey"/> and <paramref name="messageKey"/> in Resources/SignIn/SignInPages.resx.</summary>
    public static Task WriteMessageAsync(HttpContext context, int status, string titleKey, string messageKey, GhStatsPaths paths, params object?[] arguments) =>
        WriteRefusalAsync(context, status, titleKey, Text(context)[messageKey, (object[])arguments], paths);

    /// <summary>A refusal page whose reason is text already (the profile binder's, which stays English this round).</summary>
    public static Task WriteRefusalAsync(HttpContext context, int status, string titleKey, string reason, GhStatsPaths paths)
    {
        var text = Text(context);
        var body = new StringBuilder()
            .Append("<p>").Append(Encode(reason)).Append("</p>")
            .Append("<p><a href=\"").Append(Encode(paths.SignIn)).Append("\">").Append(Encode(text["SignInAgain"])).Append("</a></p>");
        return WriteAsync(context, status, text[titleKey], body.ToString(), banner: null);
    }

    /// <summary>The development sign-in form; <paramref name="errorKey"/> (a key in SignInPages.resx, or null) says why the last attempt failed.</summary>
    public static Task WriteDevelopmentFormAsync(HttpContext context, AntiforgeryTokenSet tokens, string returnUrl, string? email, string? errorKey)
    {
        var text = Text(context);
        var body = new StringBuilder();
        if (errorKey is not null)
        {
            body.Append("<p role=\"alert\">").Append(Encode(text[errorKey])).Append("</p>");
        }

        body.Append("<form method=\"post\" id=\"dev-signin\" class=\"stack\">")
            .Append("<input type=\"hidden\" name=\"").Append(Encode(tokens.FormFieldName)).Append("\" value=\"").Append(Encode(tokens.RequestToken ?? string.Empty)).Append("\">")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(Encode(returnUrl)).Append("\">")
            .Append("<label for=\"email\">").Append(Encode(text["Email"])).Append("</label><input id=\"email\" name=\"email\" type=\"email\" required autocomplete=\"email\" value=\"").Append(Encode(email ?? string.Empty)).Append("\">")
            .Append("<label for=\"name\">").Append(Encode(text["DisplayName"])).Append("</label><input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\">")
            .Append("<button type=\"submit\" id=\"dev-signin-submit\" class=\"primary\">").Append(Encode(text["SignIn"])).Append("</button></form>")
            .Append("<p>").Append(Encode(text["WhoGetsIn"])).Append("</p>");
        return WriteAsync(context, errorKey is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, text["DevelopmentSignIn"], body.ToString(), text["DevelopmentBanner"]);
    }

    private static IStringLocalizer Text(HttpContext context) => Text(context.RequestServices.GetRequiredService<IStringLocalizerFactory>());

    private static IStringLocalizer Text(IStringLocalizerFactory localizers) => localizers.Create(typeof(SignInPages));

    private static async Task WriteAsync(HttpContext context, int status, string title, string body, string? banner)
    {
        var assets = context.RequestServices.GetRequiredService<UiAssets>();
        var paths = context.RequestServices.GetRequiredService<GhStatsPaths>();
        var culture = CultureInfo.CurrentUICulture;
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(Encode(culture.Name)).Append("\" dir=\"").Append(UiCulture.DirectionOf(culture))
            .Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>()["DocumentTitle", title])).Append("</title>")
            .Append("<link rel=\"icon\" href=\"").Append(Encode(assets.Url(paths, "icon.svg"))).Append("\" type=\"image/svg+xml\">")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(assets.Url(paths, "ghstats.css"))).Append("\"></head><body>");
        if (banner is not null)
        {
            page.Append("<p class=\"banner\" role=\"status\" id=\"dev-banner\">").Append(Encode(banner)).Append("</p>");
        }

        page.Append("<main><h1>").Append(Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        await response.WriteAsync(page.ToString(), context.RequestAborted);
    }

    private static string Encode(string value) => Html.Encode(value);
}
