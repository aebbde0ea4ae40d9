using System.Buffers.Binary;
using GhStats.Testing.Browser;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Browser;

[Collection(SharedChromium.Name)]
public sealed class ScreenshotFolderTests(ChromiumFixture chromium, TestSite site)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("repos", BrowserColorScheme.Light, BrowserViewport.Desktop, "repos.light.png")]
    [InlineData("repos", BrowserColorScheme.Dark, BrowserViewport.Desktop, "repos.dark.png")]
    [InlineData("repo-traffic", BrowserColorScheme.Light, BrowserViewport.Phone, "repo-traffic.light.phone.png")]
    [InlineData("sign-in2", BrowserColorScheme.Dark, BrowserViewport.Phone, "sign-in2.dark.phone.png")]
    public void FileName_IsPageNameSchemeAndPhone(string pageName, BrowserColorScheme scheme, BrowserViewport viewport, string expected) =>
        ScreenshotFolder.FileName(pageName, scheme, viewport).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("Repos")]
    [InlineData("../repos")]
    [InlineData("repos.light")]
    [InlineData("repo--traffic")]
    public void FileName_RefusesANameThatIsNotLowercaseWordsAndDashes(string pageName) =>
        Should.Throw<ArgumentException>(() => ScreenshotFolder.FileName(pageName, BrowserColorScheme.Light, BrowserViewport.Desktop));

    [Fact]
    public void InRepository_IsArtifactsScreenshots_AtTheRepositoryRoot()
    {
        var folder = ScreenshotFolder.InRepository().Path;

        Path.GetFileName(folder).ShouldBe("screenshots");
        var artifacts = Path.GetDirectoryName(folder).ShouldNotBeNull();
        Path.GetFileName(artifacts).ShouldBe("artifacts");
        File.Exists(Path.Combine(Path.GetDirectoryName(artifacts)!, "GhStats.slnx")).ShouldBeTrue();
    }

    [Fact]
    public async Task SaveScreenshot_WritesAFullPagePng_NamedAfterThePageAndItsOptions()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions
        {
            BaseAddress = site.BaseAddress,
            ColorScheme = BrowserColorScheme.Dark,
            Viewport = BrowserViewport.Phone,
        });
        await page.Page.GotoAsync("tall");

        var path = await page.SaveScreenshotAsync("browser-toolkit-tall");

        path.ShouldBe(Path.Combine(chromium.Screenshots.Path, "browser-toolkit-tall.dark.phone.png"));
        var png = await File.ReadAllBytesAsync(path);
        png.Take(PngSignature.Length).ShouldBe(PngSignature);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        width.ShouldBe(390);
        height.ShouldBeGreaterThan(2000, "a full-page screenshot holds the whole 2000px block, not the 844px screen");
    }
}
