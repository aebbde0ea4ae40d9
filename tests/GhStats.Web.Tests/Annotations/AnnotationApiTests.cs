using System.Globalization;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing;
using GhStats.Web.Tests.Csv;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Annotations;

/// <summary>
/// Owners' notes through the API: written by owners on a repository or a whole tenant, read by everyone who sees the
/// repository as chart markers ({ items: [{ id, kind, date, title, text, link, scope }] }), exported as CSV, audited;
/// viewers read but never write, another tenant answers 404, bad input answers 400 with problem details.
/// </summary>
public sealed class AnnotationApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 6, 18, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private WebApp _app = null!;
    private Tenant _acme = null!;
    private Tenant _other = null!;
    private TrackedRepository _repo = null!;
    private TrackedRepository _sibling = null!;
    private SeededUser _owner = null!;
    private SeededUser _viewer = null!;
    private SeededUser _otherOwner = null!;

    private static string Range => $"from={Today.AddDays(-29):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync(new WebAppOptions { Clock = new FakeTimeProvider(Now) });
        _acme = await _app.CreateTenantAsync("acme");
        _other = await _app.CreateTenantAsync("other");
        _repo = await _app.TrackAsync(_acme, "octo", "hello");
        _sibling = await _app.TrackAsync(_acme, "octo", "sibling");
        _owner = await _app.CreateUserAsync("owner@acme.example");
        _viewer = await _app.CreateUserAsync("viewer@acme.example");
        _otherOwner = await _app.CreateUserAsync("owner@other.example");
        await _app.AddMemberAsync(_acme, _owner, TenantRole.Owner);
        await _app.AddMemberAsync(_acme, _viewer, TenantRole.Viewer);
        await _app.AddMemberAsync(_other, _otherOwner, TenantRole.Owner);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnOwnersNotes_OnTheRepositoryAndTheTenant_AreTheRepositorysMarkers_InTheMarkerShape()
    {
        var owner = _app.As(_owner);
        var release = await owner.PostJsonExpectingAsync($"api/v1/repos/{_repo.Id}/annotations",
            new { date = $"{Today.AddDays(-2):yyyy-MM-dd}", text = "Shipped v2 to everyone\nwith the new docs", link = "https://example.com/v2" }, HttpStatusCode.Created);
        var outage = await owner.PostJsonExpectingAsync("api/v1/tenants/acme/annotations",
            new { date = $"{Today.AddDays(-5):yyyy-MM-dd}", text = "Docs site down all day" }, HttpStatusCode.Created);
        await owner.PostJsonExpectingAsync($"api/v1/repos/{_sibling.Id}/annotations", new { date = $"{Today:yyyy-MM-dd}", text = "Sibling only" }, HttpStatusCode.Created);

        release.GetProperty("kind").GetString().ShouldBe("note");
        release.GetProperty("title").GetString().ShouldBe("Shipped v2 to everyone");
        release.GetProperty("scope").GetString().ShouldBe("repository");
        outage.GetProperty("scope").GetString().ShouldBe("tenant");

        var markers = await owner.GetJsonAsync($"api/v1/repos/{_repo.Id}/annotations?{Range}");
        var items = markers.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items[0].GetProperty("id").GetInt64().ShouldBe(outage.GetProperty("id").GetInt64());
        items[0].GetProperty("date").GetString().ShouldBe($"{Today.AddDays(-5):yyyy-MM-dd}");
        items[0].GetProperty("link").ValueKind.ShouldBe(JsonValueKind.Null);
        items[0].GetProperty("scope").GetString().ShouldBe("tenant");
        items[1].GetProperty("text").GetString().ShouldBe("Shipped v2 to everyone\nwith the new docs");
        items[1].GetProperty("link").GetString().ShouldBe("https://example.com/v2");
        items[1].EnumerateObject().Select(p => p.Name).ShouldBe(["id", "kind", "date", "title", "text", "link", "scope"]);

        var tenantWide = (await owner.GetJsonAsync($"api/v1/tenants/acme/annotations?{Range}")).GetProperty("items").EnumerateArray().ToList();
        tenantWide.ShouldHaveSingleItem().GetProperty("text").GetString().ShouldBe("Docs site down all day");

        // Outside the range asked for, nothing.
        var earlier = await owner.GetJsonAsync($"api/v1/repos/{_repo.Id}/annotations?from={Today.AddDays(-60):yyyy-MM-dd}&to={Today.AddDays(-31):yyyy-MM-dd}");
        earlier.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AViewer_ReadsTheNotesButWritesNone_AndAnotherTenantsOwnerSeesNothing()
    {
        var note = await _app.As(_owner).PostJsonExpectingAsync($"api/v1/repos/{_repo.Id}/annotations", new { date = $"{Today:yyyy-MM-dd}", text = "Acme secret plan" }, HttpStatusCode.Created);
        var id = note.GetProperty("id").GetInt64();
        var viewer = _app.As(_viewer);
        var stranger = _app.As(_otherOwner);

        (await viewer.GetJsonAsync($"api/v1/repos/{_repo.Id}/annotations?{Range}")).GetProperty("items").GetArrayLength().ShouldBe(1);
        await ShouldAnswerAsync(viewer.PostJsonAsync($"api/v1/repos/{_repo.Id}/annotations", new { date = $"{Today:yyyy-MM-dd}", text = "x" }), HttpStatusCode.Forbidden);
        await ShouldAnswerAsync(viewer.PostJsonAsync("api/v1/tenants/acme/annotations", new { date = $"{Today:yyyy-MM-dd}", text = "x" }), HttpStatusCode.Forbidden);
        await ShouldAnswerAsync(viewer.DeleteAsync($"api/v1/tenants/acme/annotations/{id}"), HttpStatusCode.Forbidden);

        foreach (var answer in new[]
        {
            stranger.GetAsync($"api/v1/repos/{_repo.Id}/annotations"),
            stranger.GetAsync($"api/v1/repos/{_repo.Id}/annotations.csv"),
            stranger.GetAsync("api/v1/tenants/acme/annotations"),
            stranger.PostJsonAsync($"api/v1/repos/{_repo.Id}/annotations", new { date = $"{Today:yyyy-MM-dd}", text = "x" }),
            stranger.PostJsonAsync("api/v1/tenants/acme/annotations", new { date = $"{Today:yyyy-MM-dd}", text = "x" }),
            stranger.DeleteAsync($"api/v1/tenants/acme/annotations/{id}"),
            stranger.DeleteAsync($"api/v1/tenants/other/annotations/{id}"),
        })
        {
            var body = await ShouldAnswerAsync(answer, HttpStatusCode.NotFound);
            body.ShouldNotContain("Acme secret plan");
        }

        (await viewer.GetJsonAsync($"api/v1/repos/{_repo.Id}/annotations?{Range}")).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("2025-13-01", "Launch", null, "date")]
    [InlineData("18/06/2025", "Launch", null, "date")]
    [InlineData(null, "Launch", null, "date")]
    [InlineData("2031-01-01", "Launch", null, "date")]
    [InlineData("2025-06-01", "", null, "text")]
    [InlineData("2025-06-01", "   ", null, "text")]
    [InlineData("2025-06-01", null, null, "text")]
    [InlineData("2025-06-01", "Launch", "javascript:alert(1)", "link")]
    [InlineData("2025-06-01", "Launch", "ftp://example.com/notes", "link")]
    [InlineData("2025-06-01", "Launch", "example.com/notes", "link")]
    public async Task BadInput_Answers400WithProblemDetails_NamingTheField(string? date, string? text, string? link, string field)
    {
        using var response = await _app.As(_owner).PostJsonAsync($"api/v1/repos/{_repo.Id}/annotations", new { date, text, link });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("detail").GetString()!.ShouldStartWith(field);
        (await _app.As(_owner).GetJsonAsync($"api/v1/repos/{_repo.Id}/annotations?{Range}")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task TooLongText_Answers400()
    {
        using var response = await _app.As(_owner).PostJsonAsync("api/v1/tenants/acme/annotations", new { date = $"{Today:yyyy-MM-dd}", text = new string('x', FieldLimits.AnnotationText + 1) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"at most {FieldLimits.AnnotationText} fit");
    }

    [Fact]
    public async Task CreatingAndDeleting_AreAudited_AndADeletedNoteIsGone()
    {
        var owner = _app.As(_owner);
        var note = await owner.PostJsonExpectingAsync("api/v1/tenants/acme/annotations", new { date = $"{Today:yyyy-MM-dd}", text = "Conference talk" }, HttpStatusCode.Created);
        var id = note.GetProperty("id").GetInt64();

        await ShouldAnswerAsync(owner.DeleteAsync($"api/v1/tenants/acme/annotations/{id}"), HttpStatusCode.NoContent);
        await ShouldAnswerAsync(owner.DeleteAsync($"api/v1/tenants/acme/annotations/{id}"), HttpStatusCode.NotFound);

        (await owner.GetJsonAsync($"api/v1/repos/{_repo.Id}/annotations?{Range}")).GetProperty("items").GetArrayLength().ShouldBe(0);
        var audit = (await owner.GetJsonAsync("api/v1/tenants/acme/audit")).GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("targetKind").GetString() == "annotation").ToList();
        audit.Select(e => e.GetProperty("action").GetString()).ShouldBe([AuditActions.AnnotationDeleted, AuditActions.AnnotationCreated]);
        audit.ShouldAllBe(e => e.GetProperty("targetId").GetString() == id.ToString(CultureInfo.InvariantCulture));
        audit[1].GetProperty("targetName").GetString().ShouldBe($"{Today:yyyy-MM-dd} Conference talk");
        audit[1].GetProperty("actor").GetString()!.ShouldStartWith("owner@acme.example");
    }

    [Fact]
    public async Task TheCsv_CarriesEveryMarker_WithFormulasDefused()
    {
        var owner = _app.As(_owner);
        await owner.PostJsonExpectingAsync($"api/v1/repos/{_repo.Id}/annotations", new { date = $"{Today.AddDays(-1):yyyy-MM-dd}", text = "=HYPERLINK(\"http://evil\"), launched", link = "https://example.com/a?b=1,2" }, HttpStatusCode.Created);
        await owner.PostJsonExpectingAsync("api/v1/tenants/acme/annotations", new { date = $"{Today.AddDays(-3):yyyy-MM-dd}", text = "Tenant-wide freeze" }, HttpStatusCode.Created);

        using var response = await _app.As(_viewer).GetAsync($"api/v1/repos/{_repo.Id}/annotations.csv?{Range}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        var rows = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        rows[0].ShouldBe(["repository", "date", "kind", "scope", "title", "text", "link", "id"]);
        rows.Count.ShouldBe(3);
        rows[1].Take(5).ShouldBe(["octo/hello", $"{Today.AddDays(-3):yyyy-MM-dd}", "note", "tenant", "Tenant-wide freeze"]);
        rows[2][5].ShouldBe("'=HYPERLINK(\"http://evil\"), launched");
        rows[2][6].ShouldBe("https://example.com/a?b=1,2");
    }

    [Fact]
    public async Task ARepositorysReleases_AreMarkersOnTheirPublicationDay_BeforeThatDaysNotes_InTheApiAndTheCsv()
    {
        var published = Today.AddDays(-4);
        ReleaseReading Release(long id, string tag, string name, DateOnly on, bool pre = false) => new(id, tag, name, on, pre, [new AssetReading(id * 10, "a.zip", on, 1)]);
        await _app.Get<GhStats.Stores.IReleaseStore>().MergeReleaseReadAsync(new ReleaseRead(_repo.Id, Today,
            [Release(3, "v2.0", "", published), Release(2, "v1.9", "=Ninth", published, pre: true), Release(1, "v0.1", "Long ago", Today.AddDays(-90))]));
        await _app.Get<GhStats.Stores.IReleaseStore>().MergeReleaseReadAsync(new ReleaseRead(_sibling.Id, Today, [Release(9, "s1", "Sibling release", published)]));
        var owner = _app.As(_owner);
        await owner.PostJsonExpectingAsync($"api/v1/repos/{_repo.Id}/annotations", new { date = $"{published:yyyy-MM-dd}", text = "Announced" }, HttpStatusCode.Created);

        var items = (await _app.As(_viewer).GetJsonAsync($"api/v1/repos/{_repo.Id}/annotations?{Range}")).GetProperty("items").EnumerateArray()
            .Select(m => (m.GetProperty("kind").GetString(), m.GetProperty("date").GetString(), m.GetProperty("title").GetString(), m.GetProperty("text").GetString(), m.GetProperty("id").ValueKind))
            .ToList();

        var day = $"{published:yyyy-MM-dd}";
        items.ShouldBe([
            ("release", day, "=Ninth", "v1.9 (pre-release)", JsonValueKind.Null),
            ("release", day, "v2.0", "v2.0", JsonValueKind.Null),
            ("note", day, "Announced", "Announced", JsonValueKind.Number)]);
        (await owner.GetJsonAsync($"api/v1/tenants/acme/annotations?{Range}")).GetProperty("items").GetArrayLength().ShouldBe(0, "a tenant's charts carry its tenant-wide notes, not every repository's releases");

        using var response = await owner.GetAsync($"api/v1/repos/{_repo.Id}/annotations.csv?{Range}");
        var rows = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        rows.Skip(1).Select(r => (r[2], r[4], r[5], r[7])).ShouldBe([("release", "'=Ninth", "v1.9 (pre-release)", ""), ("release", "v2.0", "v2.0", ""), ("note", "Announced", "Announced", rows[3][7])]);
        rows[3][7].ShouldNotBeEmpty();
    }

    private static async Task<string> ShouldAnswerAsync(Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return body;
    }
}
