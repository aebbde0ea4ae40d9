using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task SetBadges_TurnsThemOnAndOff_AndEveryReadCarriesIt()
    {
        var tenant = await NewTenantAsync();
        var added = await Repositories.AddAsync(tenant.Id, "badge-org", "shown");
        added.BadgesEnabled.ShouldBeFalse();
        (await Repositories.GetAsync(tenant.Id, added.Id)).BadgesEnabled.ShouldBeFalse();

        var on = await Repositories.SetBadgesAsync(tenant.Id, added.Id, enabled: true);

        on.ShouldBe(added with { BadgesEnabled = true });
        (await Repositories.GetAsync(tenant.Id, added.Id)).BadgesEnabled.ShouldBeTrue();
        (await Repositories.FindAsync(added.Id))!.BadgesEnabled.ShouldBeTrue();
        (await Repositories.ListAsync(tenant.Id)).ShouldHaveSingleItem().BadgesEnabled.ShouldBeTrue();

        var off = await Repositories.SetBadgesAsync(tenant.Id, added.Id, enabled: false);

        off.BadgesEnabled.ShouldBeFalse();
        (await Repositories.FindAsync(added.Id))!.BadgesEnabled.ShouldBeFalse();
    }

    [StoreFact]
    public async Task SetBadges_IsNotFound_ForAnotherTenantsRepository_AndChangesNothing()
    {
        var owner = await NewTenantAsync();
        var other = await NewTenantAsync();
        var repository = await Repositories.AddAsync(owner.Id, "badge-org", "private");

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.SetBadgesAsync(other.Id, repository.Id, enabled: true));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.SetBadgesAsync(owner.Id, repository.Id + 100_000, enabled: true));

        (await Repositories.FindAsync(repository.Id))!.BadgesEnabled.ShouldBeFalse();
    }
}
