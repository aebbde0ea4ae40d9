using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private const string WeakTag = "W/\"0f343b0931126a20f133d67c2b018a3b\"";

    protected IGitHubETagStore ETags => Services.GetRequiredService<IGitHubETagStore>();

    [StoreFact]
    public async Task SaveETags_KeepsOnePerRepositoryConnectionAndRead_AndReplacesTheTagAndDay()
    {
        var repository = await NewRepositoryAsync();
        var other = await NewRepositoryAsync();
        (await ETags.ListAsync(repository.Id, 1)).ShouldBeEmpty();

        await ETags.SaveAsync(
        [
            new GitHubETag(repository.Id, 1, "views.day", WeakTag, Today.AddDays(-1)),
            new GitHubETag(repository.Id, 1, "repository", "\"strong\"", Today.AddDays(-1)),
            new GitHubETag(repository.Id, 2, "views.day", "W/\"other-token\"", Today),
            new GitHubETag(other.Id, 1, "views.day", "W/\"other-repository\"", Today),
        ]);
        await ETags.SaveAsync([new GitHubETag(repository.Id, 1, "views.day", "W/\"newer\"", Today)]);

        (await ETags.ListAsync(repository.Id, 1)).ShouldBe(
        [
            new GitHubETag(repository.Id, 1, "repository", "\"strong\"", Today.AddDays(-1)),
            new GitHubETag(repository.Id, 1, "views.day", "W/\"newer\"", Today),
        ]);
        (await ETags.ListAsync(repository.Id, 2)).ShouldBe([new GitHubETag(repository.Id, 2, "views.day", "W/\"other-token\"", Today)]);
        (await ETags.ListAsync(other.Id, 1)).Single().ETag.ShouldBe("W/\"other-repository\"");
    }

    [StoreFact]
    public async Task SaveETags_TakesTheLastOfTwoForOneKey_AndManyInOneCall()
    {
        var repository = await NewRepositoryAsync();
        var many = Enumerable.Range(0, 150).Select(i => new GitHubETag(repository.Id, 7, "read." + i, "W/\"" + i + "\"", Today)).ToList();

        await ETags.SaveAsync([.. many, new GitHubETag(repository.Id, 7, "read.3", "W/\"last\"", Today)]);

        var stored = await ETags.ListAsync(repository.Id, 7);
        stored.Count.ShouldBe(150);
        stored.Single(e => e.Read == "read.3").ETag.ShouldBe("W/\"last\"");
    }

    [StoreFact]
    public async Task SaveETags_RefusesAnUnknownRepository_AndBadValues_WritingNothing()
    {
        var repository = await NewRepositoryAsync();

        await Should.ThrowAsync<GhStatsNotFoundException>(() => ETags.SaveAsync(
            [new GitHubETag(repository.Id, 1, "views.day", WeakTag, Today), new GitHubETag(long.MaxValue, 1, "views.day", WeakTag, Today)]));
        await Should.ThrowAsync<ArgumentException>(() => ETags.SaveAsync([new GitHubETag(repository.Id, 1, "views.day", new string('x', FieldLimits.GitHubETag + 1), Today)]));
        await Should.ThrowAsync<ArgumentException>(() => ETags.SaveAsync([new GitHubETag(repository.Id, 1, " ", WeakTag, Today)]));

        (await ETags.ListAsync(repository.Id, 1)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task PurgingARepository_AndDeletingItsTenant_DeleteItsETags()
    {
        var tenant = await NewTenantAsync();
        var purged = await NewRepositoryAsync(tenant);
        var kept = await NewRepositoryAsync(tenant);
        var doomedTenant = await NewTenantAsync();
        var doomed = await NewRepositoryAsync(doomedTenant);
        await ETags.SaveAsync(
        [
            new GitHubETag(purged.Id, 1, "views.day", WeakTag, Today),
            new GitHubETag(kept.Id, 1, "views.day", WeakTag, Today),
            new GitHubETag(doomed.Id, 1, "views.day", WeakTag, Today),
        ]);

        await Repositories.RemoveAsync(tenant.Id, purged.Id, purge: true);
        await Tenants.DeleteAsync(doomedTenant.Id);

        (await ETags.ListAsync(purged.Id, 1)).ShouldBeEmpty();
        (await ETags.ListAsync(doomed.Id, 1)).ShouldBeEmpty();
        (await ETags.ListAsync(kept.Id, 1)).Count.ShouldBe(1);
        (await Repositories.FindAsync(doomed.Id)).ShouldBeNull();
    }
}
