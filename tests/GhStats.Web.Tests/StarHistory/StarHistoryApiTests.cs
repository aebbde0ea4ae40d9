using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.StarHistory;

/// <summary>
/// GET /repos/{id}/star-history over a real store: the backfilled days before tracking, every day carrying the last count,
/// the backfill's state as it moves (not started, in progress, limited), always a lower bound; another tenant's
/// repository answers 404.
/// </summary>
public sealed class StarHistoryApiTests : IAsyncLifetime
{
    private static readonly DateOnly FirstStar = new(2024, 3, 1);

    private WebApp _app = null!;
    private WebCaller _viewer = null!;
    private WebCaller _stranger = null!;
    private TrackedRepository _repository = null!;

    private string Address => $"api/v1/repos/{_repository.Id}/star-history?from={FirstStar.AddDays(-2):yyyy-MM-dd}&to={FirstStar.AddDays(10):yyyy-MM-dd}";

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        var tenant = await _app.CreateTenantAsync("stars");
        var other = await _app.CreateTenantAsync("other");
        var viewer = await _app.CreateUserAsync("viewer@stars.example");
        var stranger = await _app.CreateUserAsync("owner@other.example");
        await _app.AddMemberAsync(tenant, viewer, TenantRole.Viewer);
        await _app.AddMemberAsync(other, stranger, TenantRole.Owner);
        _viewer = _app.As(viewer);
        _stranger = _app.As(stranger);
        _repository = await _app.TrackAsync(tenant, "octo", "starry");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task BeforeAnyPage_TheBackfillIsNotStarted_WithNoPoints()
    {
        var history = await _viewer.GetJsonAsync(Address);

        history.GetProperty("state").GetString().ShouldBe("notStarted");
        history.GetProperty("lowerBound").GetBoolean().ShouldBeTrue();
        history.GetProperty("seriesStart").ValueKind.ShouldBe(JsonValueKind.Null);
        history.GetProperty("starsRead").GetInt32().ShouldBe(0);
        history.GetProperty("points").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AnUnfinishedThenLimitedBackfill_EndsAtTheNewestStarRead_AndSaysWhy()
    {
        var stars = _app.Get<IStarHistoryStore>();
        await stars.StorePageAsync(new StarBackfillPage(_repository.Id, 1,
            [new StarHistoryDay(_repository.Id, FirstStar, 2), new StarHistoryDay(_repository.Id, FirstStar.AddDays(3), 5)], 5, HasNextPage: true));

        var unfinished = await _viewer.GetJsonAsync(Address);
        unfinished.GetProperty("state").GetString().ShouldBe("inProgress");
        unfinished.GetProperty("seriesStart").GetString().ShouldBe("2024-03-01");
        unfinished.GetProperty("knownThrough").GetString().ShouldBe("2024-03-04");
        unfinished.GetProperty("starsRead").GetInt32().ShouldBe(5);
        Points(unfinished).ShouldBe([("2024-03-01", 2), ("2024-03-02", 2), ("2024-03-03", 2), ("2024-03-04", 5)]);
        unfinished.GetProperty("points")[0].GetProperty("source").GetString().ShouldBe("backfill");

        await stars.MarkLimitedAsync(_repository.Id, "GitHub answered 422: pagination is limited for this resource");

        var limited = await _viewer.GetJsonAsync(Address);
        limited.GetProperty("state").GetString().ShouldBe("limited");
        limited.GetProperty("limitReason").GetString().ShouldBe("GitHub answered 422: pagination is limited for this resource");
        limited.GetProperty("knownThrough").GetString().ShouldBe("2024-03-04");
        Points(limited).ShouldBe(Points(unfinished));
    }

    [Fact]
    public async Task AnotherTenantsOwner_GetsNotFound()
    {
        using var response = await _stranger.GetAsync(Address);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static List<(string?, int)> Points(JsonElement history) =>
        [.. history.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("date").GetString(), p.GetProperty("stars").GetInt32()))];
}
