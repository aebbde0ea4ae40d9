namespace GhStats.Testing.Browser;

/// <summary>How <see cref="ChromiumFixture.NewPageAsync"/> opens a page: each page gets a fresh browser context (no cookies, no storage).</summary>
public sealed record BrowserPageOptions
{
    /// <summary>Resolves relative addresses given to <c>Page.GotoAsync</c>, e.g. the host's <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>The page's <c>prefers-color-scheme</c>; light unless set.</summary>
    public BrowserColorScheme ColorScheme { get; init; } = BrowserColorScheme.Light;

    /// <summary>Desktop (1280 x 800) unless set.</summary>
    public BrowserViewport Viewport { get; init; } = BrowserViewport.Desktop;

    /// <summary>The browser's language, so numbers and dates render the same on every machine.</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>The browser's time zone, so dates the page formats render the same on every machine.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>
    /// Turns off the page's Content-Security-Policy. Only for a test that must; the pages under test should work, and
    /// be checked, with their real policy (the accessibility check and screenshots need no bypass).
    /// </summary>
    public bool BypassContentSecurityPolicy { get; init; }
}
