using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Ui;

/// <summary>The pages' scripts, styles and Chart.js are served from the assembly, versioned by content, cacheable for a year.</summary>
public sealed partial class AssetTests(PageWorld world) : IClassFixture<PageWorld>
{
    [Fact]
    public async Task APagesAssets_AreServedWithTheirTypeAndVersion()
    {
        var html = await (await world.Sessions["admin"].GetAsync($"repos/{world.RepositoryA.Id}")).Content.ReadAsStringAsync();
        var urls = AssetUrl().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();

        urls.ShouldContain(u => u.StartsWith("/assets/chart.umd.min.js?v=", StringComparison.Ordinal));
        urls.ShouldContain(u => u.StartsWith("/assets/repository.js?v=", StringComparison.Ordinal));
        urls.ShouldContain(u => u.StartsWith("/assets/ghstats.css?v=", StringComparison.Ordinal));
        foreach (var url in urls)
        {
            using var response = await world.App.Anonymous().GetAsync(url.TrimStart('/'));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Headers.CacheControl!.ToString().ShouldContain("immutable");
            response.Content.Headers.ContentType!.MediaType.ShouldBe(Path.GetExtension(url.Split('?')[0]) switch
            {
                ".js" => "text/javascript",
                ".css" => "text/css",
                _ => "image/svg+xml",
            });
        }
    }

    [Fact]
    public async Task ChartJs_IsVersionFourFromNpm()
    {
        using var response = await world.App.Anonymous().GetAsync("assets/chart.umd.min.js");
        var script = await response.Content.ReadAsStringAsync();

        script.ShouldContain("Chart.js v4.");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Fact]
    public async Task AnUnchangedAsset_AnswersNotModified()
    {
        var caller = world.App.Anonymous();
        using var first = await caller.GetAsync("assets/ghstats.js");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "assets/ghstats.js");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var second = await caller.SendAsync(request);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("assets/nothing.js")]
    [InlineData("assets/../GhStats.Web.dll")]
    [InlineData("assets/")]
    public async Task AnythingElse_IsNotFound(string path)
    {
        using var response = await world.App.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>/assets/[^\"]+)\"")]
    private static partial Regex AssetUrl();
}
