using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Csv;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Releases;

/// <summary>The releases and downloads API and CSV over a real store: days not read stay null (empty in CSV), never zero; another tenant's repository is 404.</summary>
public sealed class ReleaseApiTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private WebCaller _owner = null!;
    private WebCaller _stranger = null!;
    private TrackedRepository _repository = null!;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        var tenant = await _app.CreateTenantAsync("rel");
        var other = await _app.CreateTenantAsync("other");
        var owner = await _app.CreateUserAsync("owner@rel.example");
        var stranger = await _app.CreateUserAsync("owner@other.example");
        await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
        await _app.AddMemberAsync(other, stranger, TenantRole.Owner);
        _owner = _app.As(owner);
        _stranger = _app.As(stranger);
        _repository = await _app.TrackAsync(tenant, "octo", "shipping");

        _today = DateOnly.FromDateTime(DateTime.UtcNow);
        var published = _today.AddDays(-30);
        var store = _app.Get<IReleaseStore>();
        ReleaseRead Read(int back, long count) => new(_repository.Id, _today.AddDays(-back),
            [new ReleaseReading(7, "v1.0", "First, \"quoted\"", published, false, [new AssetReading(70, "a.zip", published, count)])]);
        await store.MergeReleaseReadAsync(Read(4, 100));
        await store.MergeReleaseReadAsync(Read(3, 112));
        await store.MergeReleaseReadAsync(Read(1, 130));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Downloads_ListEveryDay_WithDaysNotReadAsNull_AndReleasesWithTheirTotals()
    {
        using var json = await GetJsonAsync($"api/v1/repos/{_repository.Id}/downloads?from={_today.AddDays(-4):yyyy-MM-dd}&to={_today:yyyy-MM-dd}");
        var root = json.RootElement;

        root.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("downloads").ValueKind == JsonValueKind.Null ? (long?)null : p.GetProperty("downloads").GetInt64())
            .ShouldBe([0, 12, null, 18, null]);
        root.GetProperty("points")[3].GetProperty("days").GetInt32().ShouldBe(2);
        root.GetProperty("totalDownloads").GetInt64().ShouldBe(130);
        root.GetProperty("downloadsInRange").GetInt64().ShouldBe(30);
        root.GetProperty("readDays").GetInt32().ShouldBe(3);
        var release = root.GetProperty("releases").EnumerateArray().ShouldHaveSingleItem();
        (release.GetProperty("tag").GetString(), release.GetProperty("totalDownloads").GetInt64(), release.GetProperty("downloadsInRange").GetInt64())
            .ShouldBe(("v1.0", 130L, 30L));
    }

    [Fact]
    public async Task Releases_ListTagNamePublicationAndTotal()
    {
        using var json = await GetJsonAsync($"api/v1/repos/{_repository.Id}/releases");
        var release = json.RootElement.GetProperty("releases").EnumerateArray().ShouldHaveSingleItem();

        release.GetProperty("name").GetString().ShouldBe("First, \"quoted\"");
        release.GetProperty("publishedOn").GetString().ShouldBe($"{_today.AddDays(-30):yyyy-MM-dd}");
        release.GetProperty("prerelease").GetBoolean().ShouldBeFalse();
        release.GetProperty("totalDownloads").GetInt64().ShouldBe(130);
        json.RootElement.GetProperty("lastReadOn").GetString().ShouldBe($"{_today.AddDays(-1):yyyy-MM-dd}");
    }

    [Fact]
    public async Task DownloadsCsv_HasAHeader_EmptyCellsForDaysNotRead_AndAPerReleaseRow()
    {
        var response = await _owner.GetAsync($"api/v1/repos/{_repository.Id}/downloads.csv?from={_today.AddDays(-4):yyyy-MM-dd}&to={_today.AddDays(-2):yyyy-MM-dd}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");

        Rfc4180.Parse(text).ShouldBe(
        [
            ["repository", "date", "read", "release", "downloads", "days"],
            ["octo/shipping", $"{_today.AddDays(-4):yyyy-MM-dd}", "yes", "", "0", "1"],
            ["octo/shipping", $"{_today.AddDays(-3):yyyy-MM-dd}", "yes", "", "12", "1"],
            ["octo/shipping", $"{_today.AddDays(-3):yyyy-MM-dd}", "yes", "v1.0", "12", "1"],
            ["octo/shipping", $"{_today.AddDays(-2):yyyy-MM-dd}", "no", "", "", "0"],
        ]);
    }

    [Theory]
    [InlineData("releases")]
    [InlineData("downloads")]
    [InlineData("downloads.csv")]
    public async Task AnotherTenantsRepository_IsNotFound(string route)
    {
        var response = await _stranger.GetAsync($"api/v1/repos/{_repository.Id}/{route}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("v1.0");
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        var response = await _owner.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
