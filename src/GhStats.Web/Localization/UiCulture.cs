using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Localization;

namespace GhStats.Web.Localization;

/// <summary>
/// Picks the language of every request to GhStats' own paths: the <see cref="CookieName"/> cookie the menu's picker
/// (and signing in, from the profile) sets, else the browser's Accept-Language, else English. Formats follow the same
/// culture. Requests to the host's other paths keep the host's own culture.
/// </summary>
internal sealed class UiCulture(GhStatsPaths paths) : IStartupFilter
{
    /// <summary>The cookie that remembers a browser's choice, in ASP.NET Core's format (<c>c=de|uic=de</c>).</summary>
    public const string CookieName = "ghstats-language";

    /// <summary>The cultures GhStats offers, in <see cref="GhStatsLanguages.Supported"/> order.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = GhStatsLanguages.Supported.Select(CultureInfo.GetCultureInfo).ToList();

    /// <summary>Whether a culture is written right to left, for the html element's <c>dir</c>.</summary>
    public static string DirectionOf(CultureInfo culture) => culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";

    /// <summary>The cookie value that selects a language for both texts and formats.</summary>
    public static string CookieValue(string language) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var options = Options();
        app.UseWhen(context => paths.Owns(context.Request.Path), branch => branch.UseRequestLocalization(options));
        next(app);
    };

    private static RequestLocalizationOptions Options()
    {
        var cultures = Cultures.ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(GhStatsLanguages.Default),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // de-AT asks for German, en-GB for English; pt-PT has no parent GhStats speaks and moves on to the next language.
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            ApplyCurrentCultureToResponseHeaders = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = CookieName, Options = options },
            new AcceptLanguageHeaderRequestCultureProvider { Options = options },
        ];
        return options;
    }
}
