namespace GhStats.Testing.Browser;

/// <summary>The screen a page is opened on.</summary>
public enum BrowserViewport
{
    /// <summary>A desktop window, 1280 x 800 CSS pixels, mouse and no touch.</summary>
    Desktop,

    /// <summary>A phone, 390 x 844 CSS pixels, with a mobile viewport (the page's meta viewport applies) and touch.</summary>
    Phone,
}
