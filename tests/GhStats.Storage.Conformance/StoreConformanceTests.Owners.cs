using GhStats.Domain;
using Shouldly;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task TrackOwner_StoresItsFilters_AndListsIt()
    {
        var tenant = await NewTenantAsync();
        var connection = await Connections.AddAsync(new NewGitHubConnection(tenant.Id, "org pat", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", "protected"));

        var owner = await Owners.AddAsync(new NewTrackedOwner(tenant.Id, "octo-org", connection.Id, " api-* , web?? ", "*-archive", SkipForks: true, SkipArchived: false));

        owner.Include.ShouldBe("api-*,web??");
        owner.Exclude.ShouldBe("*-archive");
        owner.SkipForks.ShouldBeTrue();
        owner.SkipArchived.ShouldBeFalse();
        (await Owners.ListAsync(tenant.Id)).ShouldBe([owner]);
        (await Owners.ListForCollectionAsync(tenant.Id)).ShouldBe([owner]);
        (await Owners.ListForCollectionAsync()).ShouldContain(owner);
    }

    [StoreFact]
    public async Task TrackOwner_RefusesDuplicatesBadNamesAndOtherTenantsConnections()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var foreign = await Connections.AddAsync(new NewGitHubConnection(other.Id, "theirs", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", "protected"));
        await Owners.AddAsync(new NewTrackedOwner(tenant.Id, "octo"));

        await Should.ThrowAsync<GhStatsConflictException>(() => Owners.AddAsync(new NewTrackedOwner(tenant.Id, "OCTO")));
        await Should.ThrowAsync<ArgumentException>(() => Owners.AddAsync(new NewTrackedOwner(tenant.Id, "bad owner")));
        await Should.ThrowAsync<ArgumentException>(() => Owners.AddAsync(new NewTrackedOwner(tenant.Id, "fine", Include: "a/b")));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Owners.AddAsync(new NewTrackedOwner(tenant.Id, "fine", foreign.Id)));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Owners.AddAsync(new NewTrackedOwner(long.MaxValue, "fine")));
        (await Owners.ListAsync(tenant.Id)).Count.ShouldBe(1);
    }

    [StoreFact]
    public async Task UntrackOwner_KeepsTheRepositoriesFoundSoFar_AndIsScopedToTheTenant()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var owner = await Owners.AddAsync(new NewTrackedOwner(tenant.Id, "octo"));
        var found = await Repositories.AddAsync(tenant.Id, "octo", "found");

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Owners.RemoveAsync(other.Id, owner.Id));
        await Owners.RemoveAsync(tenant.Id, owner.Id);

        (await Owners.ListAsync(tenant.Id)).ShouldBeEmpty();
        (await Repositories.GetAsync(tenant.Id, found.Id)).IsActive.ShouldBeTrue();
    }

    [StoreFact]
    public async Task DeletingAConnection_DetachesItsTrackedOwners()
    {
        var tenant = await NewTenantAsync();
        var connection = await Connections.AddAsync(new NewGitHubConnection(tenant.Id, "pat", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", "protected"));
        await Owners.AddAsync(new NewTrackedOwner(tenant.Id, "octo", connection.Id));

        await Connections.DeleteAsync(tenant.Id, connection.Id);

        (await Owners.ListAsync(tenant.Id)).ShouldHaveSingleItem().ConnectionId.ShouldBeNull();
    }

    [StoreFact]
    public async Task RecordCollection_RemembersTheDayWeeklyFiguresWereRead()
    {
        var repo = await NewRepositoryAsync();

        await Repositories.RecordCollectionAsync(repo.Id, "ok", weeklyCollectedOn: Today);
        await Repositories.RecordCollectionAsync(repo.Id, "ok");

        (await Repositories.GetAsync(repo.TenantId, repo.Id)).WeeklyCollectedOn.ShouldBe(Today);
    }
}
