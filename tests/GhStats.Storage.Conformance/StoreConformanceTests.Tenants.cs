using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task CreateTenant_StoresIt_AndFindsItBySlug()
    {
        var slug = "acme-" + Unique();

        var tenant = await Tenants.CreateAsync(slug, "Acme <Corp> & \"Friends\"");

        tenant.Slug.ShouldBe(slug);
        tenant.CreatedAt.ShouldBe(Start);
        (await Tenants.GetAsync(tenant.Id)).ShouldBe(tenant);
        (await Tenants.FindBySlugAsync(slug)).ShouldBe(tenant);
        (await Tenants.ListAsync()).ShouldContain(tenant);
    }

    [StoreFact]
    public async Task CreateTenant_Conflicts_WhenTheSlugIsTaken()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<GhStatsConflictException>(() => Tenants.CreateAsync(tenant.Slug, "Another"));
    }

    [StoreFact]
    public async Task CreateTenant_OneWins_WhenTwoCreateTheSameSlugAtOnce()
    {
        var slug = "race-" + Unique();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await Tenants.CreateAsync(slug, "Racer " + i);
                return true;
            }
            catch (GhStatsConflictException)
            {
                return false;
            }
        })));

        attempts.Count(won => won).ShouldBe(1);
    }

    [StoreTheory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("double--hyphen")]
    [InlineData("with space")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task CreateTenant_RefusesAMalformedSlug(string slug)
    {
        await Should.ThrowAsync<ArgumentException>(() => Tenants.CreateAsync(slug, "Name"));

        (await Tenants.FindBySlugAsync(slug)).ShouldBeNull();
    }

    [StoreFact]
    public async Task CreateTenant_RefusesANameLongerThanItsColumn()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => Tenants.CreateAsync("long-" + Unique(), new string('n', FieldLimits.TenantName + 1)));

        error.Message.ShouldContain("at most 200");
    }

    [StoreFact]
    public async Task RenameTenant_ChangesTheName_AndIsNotFoundForAnUnknownTenant()
    {
        var tenant = await NewTenantAsync();

        var renamed = await Tenants.RenameAsync(tenant.Id, "Renamed");

        renamed.ShouldBe(tenant with { Name = "Renamed" });
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Tenants.RenameAsync(long.MaxValue, "x"));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Tenants.GetAsync(long.MaxValue));
    }

    [StoreFact]
    public async Task DeleteTenant_RemovesEverythingItHeld_AndNothingElse()
    {
        var doomed = await NewTenantAsync();
        var kept = await NewRepositoryAsync();
        var repo = await NewRepositoryAsync(doomed);
        var user = await NewUserAsync();
        await Memberships.SetMemberAsync(doomed.Id, user.Id, TenantRole.Owner);
        await Memberships.InviteAsync(doomed.Id, $"invitee-{Unique()}@example.com", TenantRole.Viewer);
        await Memberships.GrantRepositoryAsync(user.Id, repo.Id);
        await Connections.AddAsync(new NewGitHubConnection(doomed.Id, "pat", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", "protected"));
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, Today, 1, 1, 1, 1), new TrafficDay(kept.Id, Today, 2, 2, 2, 2)]);
        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repo.Id, Today, 1, 1, 1, 1, 1)]);
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id, Today, [new ReleaseReading(1, "v1", "v1", Today, false, [new AssetReading(2, "a.zip", Today, 3)])]));

        await Tenants.DeleteAsync(doomed.Id);

        (await Tenants.FindBySlugAsync(doomed.Slug)).ShouldBeNull();
        (await Repositories.FindAsync(repo.Id)).ShouldBeNull();
        (await Memberships.ListMembershipsAsync(user.Id)).ShouldBeEmpty();
        (await Memberships.ListGrantsAsync(user.Id)).ShouldBeEmpty();
        (await Users.FindAsync(user.Id)).ShouldNotBeNull();
        (await Traffic.GetTrafficSeriesAsync(kept.TenantId, kept.Id, new DateRange(Today, Today), TrafficPeriod.Day)).Totals.Views.ShouldBe(2);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Tenants.DeleteAsync(doomed.Id));
    }
}
