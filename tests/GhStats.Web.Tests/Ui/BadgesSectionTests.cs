using System.Net;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Ui;

/// <summary>The repository page's Badges section: the toggle for owners; the Markdown for every reader, only while badges are on.</summary>
public sealed class BadgesSectionTests
{
    [Fact]
    public async Task OwnersSeeTheToggle_ReadersSeeTheSectionOnlyWhileBadgesAreOn()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
        var tenant = await app.CreateTenantAsync("acme");
        var repository = await app.TrackAsync(tenant, "acme", "site");
        await app.AddMemberAsync(tenant, await app.CreateUserAsync("owner@example.test"), TenantRole.Owner);
        await app.AddMemberAsync(tenant, await app.CreateUserAsync("viewer@example.test"), TenantRole.Viewer);
        var owner = await app.SignInAsync("owner@example.test");
        var viewer = await app.SignInAsync("viewer@example.test");
        var page = $"repos/{repository.Id}";

        var ownerOff = await HtmlAsync(owner, page);
        var viewerOff = await HtmlAsync(viewer, page);
        await app.Get<IRepositoryStore>().SetBadgesAsync(tenant.Id, repository.Id, enabled: true);
        var ownerOn = await HtmlAsync(owner, page);
        var viewerOn = await HtmlAsync(viewer, page);

        ownerOff.ShouldContain("id=\"badges-enabled\"");
        ownerOff.ShouldContain("data-badges-enabled=\"false\"");
        ownerOff.ShouldNotContain("id=\"badges-enabled\" aria-describedby=\"badges-public-note\" checked");
        viewerOff.ShouldNotContain("id=\"badges\"");
        ownerOn.ShouldContain("data-badges-enabled=\"true\"");
        ownerOn.ShouldContain("checked");
        viewerOn.ShouldContain($"data-badges-base=\"/badges/{repository.Id}\"");
        viewerOn.ShouldContain("<label for=\"badges-days\">Badge range</label>");
        viewerOn.ShouldNotContain("id=\"badges-enabled\"");
    }

    private static async Task<string> HtmlAsync(WebCaller caller, string path)
    {
        using var response = await caller.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
