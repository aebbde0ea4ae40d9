namespace GhStats.Testing.Browser;

/// <summary>The <c>prefers-color-scheme</c> a page is opened with; also the middle part of its screenshot's file name.</summary>
public enum BrowserColorScheme
{
    /// <summary><c>prefers-color-scheme: light</c>.</summary>
    Light,

    /// <summary><c>prefers-color-scheme: dark</c>.</summary>
    Dark,
}
