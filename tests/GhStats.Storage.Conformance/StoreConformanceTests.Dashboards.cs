using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    protected IPublicDashboardStore Dashboards => Services.GetRequiredService<IPublicDashboardStore>();

    [StoreFact]
    public async Task Dashboard_IsCreatedReadListedAndFoundBySlug_WithItsRepositoriesAndOrigins()
    {
        var tenant = await NewTenantAsync();
        var first = await NewRepositoryAsync(tenant);
        var second = await NewRepositoryAsync(tenant);
        var slug = "s" + Unique();

        var created = await Dashboards.CreateAsync(tenant.Id, slug,
            new PublicDashboardSettings("  Our projects ", [second.Id, first.Id, second.Id], ShowReferrers: true, FrameOrigins: ["https://docs.example.com", "http://localhost:8080"]));

        created.TenantId.ShouldBe(tenant.Id);
        created.Slug.ShouldBe(slug);
        created.Title.ShouldBe("Our projects");
        created.ShowReferrers.ShouldBeTrue();
        created.ShowPopularContent.ShouldBeFalse();
        created.Published.ShouldBeTrue();
        created.FrameOrigins.ShouldBe(["https://docs.example.com", "http://localhost:8080"]);
        created.RepositoryIds.ShouldBe(new[] { first.Id, second.Id }.Order());
        created.CreatedAt.ShouldBe(Start);
        created.UpdatedAt.ShouldBe(Start);

        var read = await Dashboards.GetAsync(tenant.Id, created.Id);
        read.Slug.ShouldBe(slug);
        read.RepositoryIds.ShouldBe(created.RepositoryIds);
        read.FrameOrigins.ShouldBe(created.FrameOrigins);
        (await Dashboards.ListAsync(tenant.Id)).ShouldHaveSingleItem().RepositoryIds.ShouldBe(created.RepositoryIds);
        (await Dashboards.FindPublishedAsync(slug)).ShouldNotBeNull().Id.ShouldBe(created.Id);
        (await Dashboards.FindPublishedAsync(slug.ToUpperInvariant())).ShouldBeNull();
    }

    [StoreFact]
    public async Task Dashboard_Update_ReplacesEverything_AndUnpublishHidesItFromTheFind()
    {
        var tenant = await NewTenantAsync();
        var first = await NewRepositoryAsync(tenant);
        var second = await NewRepositoryAsync(tenant);
        var created = await Dashboards.CreateAsync(tenant.Id, "s" + Unique(), new PublicDashboardSettings("Before", [first.Id], FrameOrigins: ["https://a.example"]));
        Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await Dashboards.UpdateAsync(tenant.Id, created.Id, new PublicDashboardSettings("After", [second.Id], ShowPopularContent: true));

        updated.Title.ShouldBe("After");
        updated.RepositoryIds.ShouldBe([second.Id]);
        updated.ShowPopularContent.ShouldBeTrue();
        updated.FrameOrigins.ShouldBeEmpty();
        updated.Slug.ShouldBe(created.Slug);
        updated.CreatedAt.ShouldBe(created.CreatedAt);
        updated.UpdatedAt.ShouldBe(Start.AddMinutes(5));

        var unpublished = await Dashboards.SetPublishedAsync(tenant.Id, created.Id, published: false);
        unpublished.Published.ShouldBeFalse();
        unpublished.Title.ShouldBe("After");
        (await Dashboards.FindPublishedAsync(created.Slug)).ShouldBeNull();
        (await Dashboards.GetAsync(tenant.Id, created.Id)).Published.ShouldBeFalse();

        (await Dashboards.SetPublishedAsync(tenant.Id, created.Id, published: true)).Published.ShouldBeTrue();
        (await Dashboards.FindPublishedAsync(created.Slug)).ShouldNotBeNull();
    }

    [StoreFact]
    public async Task Dashboard_RefusesAnotherTenantsOrAnUntrackedRepository_AndIsNotFoundFromAnotherTenant()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var mine = await NewRepositoryAsync(tenant);
        var theirs = await NewRepositoryAsync(other);
        var untracked = await NewRepositoryAsync(tenant);
        await Repositories.RemoveAsync(tenant.Id, untracked.Id);
        var slug = "s" + Unique();

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.CreateAsync(tenant.Id, slug, new PublicDashboardSettings("Leaky", [mine.Id, theirs.Id])));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.CreateAsync(tenant.Id, slug, new PublicDashboardSettings("Stale", [untracked.Id])));
        (await Dashboards.FindPublishedAsync(slug)).ShouldBeNull();

        var created = await Dashboards.CreateAsync(tenant.Id, slug, new PublicDashboardSettings("Fine", [mine.Id]));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.GetAsync(other.Id, created.Id));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.UpdateAsync(other.Id, created.Id, new PublicDashboardSettings("Taken", [theirs.Id])));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.UpdateAsync(tenant.Id, created.Id, new PublicDashboardSettings("Leaky", [theirs.Id])));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.SetPublishedAsync(other.Id, created.Id, published: false));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.DeleteAsync(other.Id, created.Id));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.CreateAsync(tenant.Id + 1_000_000, "s" + Unique(), new PublicDashboardSettings("Nowhere", [])));
        (await Dashboards.GetAsync(tenant.Id, created.Id)).RepositoryIds.ShouldBe([mine.Id]);
        (await Dashboards.ListAsync(other.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Dashboard_SlugIsUniqueInTheInstallation_AndBadInputIsRefused()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var slug = "s" + Unique();
        await Dashboards.CreateAsync(tenant.Id, slug, new PublicDashboardSettings("One", []));

        await Should.ThrowAsync<GhStatsConflictException>(() => Dashboards.CreateAsync(other.Id, slug, new PublicDashboardSettings("Two", [])));
        await Should.ThrowAsync<ArgumentException>(() => Dashboards.CreateAsync(tenant.Id, "s" + Unique(), new PublicDashboardSettings(" ", [])));
        await Should.ThrowAsync<ArgumentException>(() => Dashboards.CreateAsync(tenant.Id, "s" + Unique(), new PublicDashboardSettings(new string('t', FieldLimits.DashboardTitle + 1), [])));
        await Should.ThrowAsync<ArgumentException>(() => Dashboards.CreateAsync(tenant.Id, "s" + Unique(), new PublicDashboardSettings("Spaces", [], FrameOrigins: ["https://a.example https://b.example"])));
        (await Dashboards.ListAsync(other.Id)).ShouldBeEmpty();
        (await Dashboards.ListAsync(tenant.Id)).ShouldHaveSingleItem();
    }

    [StoreFact]
    public async Task Dashboard_LosesARepository_ThatIsUntrackedOrPurged_ForGood()
    {
        var tenant = await NewTenantAsync();
        var kept = await NewRepositoryAsync(tenant);
        var untracked = await NewRepositoryAsync(tenant);
        var purged = await NewRepositoryAsync(tenant);
        var created = await Dashboards.CreateAsync(tenant.Id, "s" + Unique(), new PublicDashboardSettings("Shrinking", [kept.Id, untracked.Id, purged.Id]));

        await Repositories.RemoveAsync(tenant.Id, untracked.Id);
        await Repositories.RemoveAsync(tenant.Id, purged.Id, purge: true);

        (await Dashboards.FindPublishedAsync(created.Slug)).ShouldNotBeNull().RepositoryIds.ShouldBe([kept.Id]);
        (await Dashboards.GetAsync(tenant.Id, created.Id)).RepositoryIds.ShouldBe([kept.Id]);

        // Tracking it again does not put it back on the page: the Owner chooses again.
        await Repositories.AddAsync(tenant.Id, untracked.Owner, untracked.Name);
        (await Dashboards.ListAsync(tenant.Id)).ShouldHaveSingleItem().RepositoryIds.ShouldBe([kept.Id]);
    }

    [StoreFact]
    public async Task Dashboard_IsDeleted_AndGoesWithItsTenant()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        var deleted = await Dashboards.CreateAsync(tenant.Id, "s" + Unique(), new PublicDashboardSettings("Deleted", [repository.Id]));
        var remaining = await Dashboards.CreateAsync(tenant.Id, "s" + Unique(), new PublicDashboardSettings("Remaining", [repository.Id]));

        await Dashboards.DeleteAsync(tenant.Id, deleted.Id);

        (await Dashboards.FindPublishedAsync(deleted.Slug)).ShouldBeNull();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Dashboards.GetAsync(tenant.Id, deleted.Id));
        (await Dashboards.ListAsync(tenant.Id)).ShouldHaveSingleItem().Id.ShouldBe(remaining.Id);

        await Tenants.DeleteAsync(tenant.Id);

        (await Dashboards.FindPublishedAsync(remaining.Slug)).ShouldBeNull();
        (await Dashboards.ListAsync(tenant.Id)).ShouldBeEmpty();
    }
}
