using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    protected IAnnotationStore Annotations => Services.GetRequiredService<IAnnotationStore>();

    [StoreFact]
    public async Task AddAnnotation_OnARepositoryAndOnItsTenant_ListsBothForTheRepositoryAndOnlyTheTenantsForTheTenant()
    {
        var tenant = await NewTenantAsync();
        var repo = await NewRepositoryAsync(tenant);
        var sibling = await NewRepositoryAsync(tenant);
        var launch = await Annotations.AddAsync(new NewAnnotation(tenant.Id, repo.Id, Today.AddDays(-3), "  Launch post  ", "https://example.com/launch", "owner@example.com"));
        var outage = await Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today.AddDays(-5), "Docs site down", null, "owner@example.com"));
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, sibling.Id, Today.AddDays(-4), "Sibling's own note", null, "owner@example.com"));
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, repo.Id, Today.AddDays(-40), "Outside the range", null, "owner@example.com"));

        launch.Text.ShouldBe("Launch post");
        launch.CreatedAt.ShouldBe(Clock.GetUtcNow());
        var range = new DateRange(Today.AddDays(-30), Today);
        (await Annotations.ListForRepositoryAsync(tenant.Id, repo.Id, range)).ShouldBe([outage, launch]);
        (await Annotations.ListForTenantAsync(tenant.Id, range)).ShouldBe([outage]);
    }

    [StoreFact]
    public async Task ListAnnotations_IsScopedToTheTenant()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var repo = await NewRepositoryAsync(tenant);
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, repo.Id, Today, "Ours", null, "owner@example.com"));
        await Annotations.AddAsync(new NewAnnotation(other.Id, null, Today, "Theirs, tenant-wide", null, "owner@example.com"));
        var range = new DateRange(Today.AddDays(-1), Today);

        // Asked with the other tenant's id, our repository is not theirs: neither its notes nor theirs come back.
        (await Annotations.ListForRepositoryAsync(other.Id, repo.Id, range)).ShouldBeEmpty();
        (await Annotations.ListForRepositoryAsync(tenant.Id, repo.Id, range)).ShouldHaveSingleItem().Text.ShouldBe("Ours");
        (await Annotations.ListForTenantAsync(tenant.Id, range)).ShouldBeEmpty();
    }

    [StoreTheory]
    [InlineData(" ", null, 0)]
    [InlineData("x", "javascript:alert(1)", 0)]
    [InlineData("x", "ftp://example.com/file", 0)]
    [InlineData("x", "/relative/path", 0)]
    [InlineData("x", "https://example.com/", 2)]
    [InlineData("x", "https://example.com/", -10_000)]
    public async Task AddAnnotation_RefusesBlankTextNonWebLinksAndDaysOutOfRange(string text, string? link, int daysFromToday)
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today.AddDays(daysFromToday), text, link, "owner@example.com")));

        (await Annotations.ListForTenantAsync(tenant.Id, new DateRange(new DateOnly(2000, 1, 1), Today.AddDays(5)))).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AddAnnotation_RefusesTooLongTextOrLink_AndAnotherTenantsRepository()
    {
        var tenant = await NewTenantAsync();
        var theirs = await NewRepositoryAsync();

        await Should.ThrowAsync<ArgumentException>(() => Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today, new string('x', FieldLimits.AnnotationText + 1), null, "o")));
        await Should.ThrowAsync<ArgumentException>(() => Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today, "x", "https://example.com/" + new string('a', FieldLimits.AnnotationLink), "o")));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Annotations.AddAsync(new NewAnnotation(tenant.Id, theirs.Id, Today, "x", null, "o")));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Annotations.AddAsync(new NewAnnotation(long.MaxValue, null, Today, "x", null, "o")));

        var longest = await Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today.AddDays(1), new string('é', FieldLimits.AnnotationText), "http://example.com/" + new string('a', FieldLimits.AnnotationLink - 19), "o"));
        (await Annotations.ListForTenantAsync(tenant.Id, new DateRange(Today, Today.AddDays(1)))).ShouldBe([longest]);
    }

    [StoreFact]
    public async Task DeleteAnnotation_IsScopedToTheTenant_AndReturnsTheNote()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var note = await Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today, "Ours", null, "owner@example.com"));

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Annotations.DeleteAsync(other.Id, note.Id));
        (await Annotations.DeleteAsync(tenant.Id, note.Id)).ShouldBe(note);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Annotations.DeleteAsync(tenant.Id, note.Id));
        (await Annotations.ListForTenantAsync(tenant.Id, new DateRange(Today, Today))).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task PurgingARepository_DeletesItsNotes_UntrackingKeepsThem_AndTheTenantsStay()
    {
        var tenant = await NewTenantAsync();
        var kept = await NewRepositoryAsync(tenant);
        var purged = await NewRepositoryAsync(tenant);
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, kept.Id, Today, "Kept", null, "o"));
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, purged.Id, Today, "Purged", null, "o"));
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today, "Tenant-wide", null, "o"));
        var range = new DateRange(Today, Today);

        await Repositories.RemoveAsync(tenant.Id, kept.Id);
        await Repositories.RemoveAsync(tenant.Id, purged.Id, purge: true);

        (await Annotations.ListForRepositoryAsync(tenant.Id, kept.Id, range)).Select(a => a.Text).ShouldBe(["Kept", "Tenant-wide"]);
        (await Annotations.ListForTenantAsync(tenant.Id, range)).ShouldHaveSingleItem().Text.ShouldBe("Tenant-wide");
    }

    [StoreFact]
    public async Task DeletingATenant_DeletesItsNotes()
    {
        var tenant = await NewTenantAsync();
        var repo = await NewRepositoryAsync(tenant);
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, repo.Id, Today, "On the repository", null, "o"));
        await Annotations.AddAsync(new NewAnnotation(tenant.Id, null, Today, "On the tenant", null, "o"));

        await Tenants.DeleteAsync(tenant.Id);

        (await Annotations.ListForTenantAsync(tenant.Id, new DateRange(Today, Today))).ShouldBeEmpty();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Tenants.GetAsync(tenant.Id));
    }
}
