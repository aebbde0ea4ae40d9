using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GhStats.Testing.Browser;

/// <summary>
/// The folder browser tests save full-page screenshots into, one file per page, color scheme and viewport:
/// <c>{page-name}.{light|dark}[.phone].png</c>. By default artifacts/screenshots at the repository root, which git ignores.
/// </summary>
public sealed partial class ScreenshotFolder
{
    private static readonly string[] DefaultFolder = ["artifacts", "screenshots"];

    /// <summary>A folder at <paramref name="path"/>; it is created on the first save.</summary>
    public ScreenshotFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>artifacts/screenshots under the folder holding GhStats.slnx.</summary>
    public static ScreenshotFolder InRepository() =>
        new(System.IO.Path.Combine([RepositoryRoot.Find("the screenshot folder (artifacts/screenshots)"), .. DefaultFolder]));

    /// <summary>The file name for a page: <c>repos.dark.phone.png</c> for ("repos", dark, phone).</summary>
    public static string FileName(string pageName, BrowserColorScheme colorScheme, BrowserViewport viewport)
    {
        if (!PageNamePattern().IsMatch(pageName ?? string.Empty))
        {
            throw new ArgumentException(
                $"A screenshot's page name is lowercase letters, digits and single dashes (e.g. \"repo-traffic\"); \"{pageName}\" is not.",
                nameof(pageName));
        }

        var scheme = colorScheme == BrowserColorScheme.Dark ? "dark" : "light";
        return viewport == BrowserViewport.Phone ? $"{pageName}.{scheme}.phone.png" : $"{pageName}.{scheme}.png";
    }

    /// <summary>
    /// Saves a full-page PNG of <paramref name="page"/> as <see cref="FileName"/> in this folder, replacing an older one,
    /// and returns the file's full path. The color scheme and viewport name the file; the page was opened with them.
    /// </summary>
    public async Task<string> SaveAsync(IPage page, string pageName, BrowserColorScheme colorScheme, BrowserViewport viewport)
    {
        ArgumentNullException.ThrowIfNull(page);
        var file = System.IO.Path.Combine(Path, FileName(pageName, colorScheme, viewport));
        Directory.CreateDirectory(Path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
        return file;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PageNamePattern();
}
