using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task AddConnection_StoresAPersonalAccessToken_AndReadsItBack()
    {
        var tenant = await NewTenantAsync();

        var added = await Connections.AddAsync(TokenConnection(tenant.Id, "Main"));

        added.ShouldBe(new GitHubConnection(
            added.Id, tenant.Id, "Main", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", "sealed-secret", null, null, Start));
        (await Connections.GetAsync(tenant.Id, added.Id)).ShouldBe(added);
    }

    [StoreFact]
    public async Task AddConnection_StoresAGitHubApp_WithItsIds()
    {
        var tenant = await NewTenantAsync();

        var added = await Connections.AddAsync(new NewGitHubConnection(
            tenant.Id, "Enterprise app", GitHubConnectionKind.App, "https://ghe.example.com/api/v3/", "sealed-pem", 123456, 9876543210));

        var stored = await Connections.GetAsync(tenant.Id, added.Id);
        stored.ShouldBe(added);
        stored.Kind.ShouldBe(GitHubConnectionKind.App);
        stored.AppId.ShouldBe(123456);
        stored.InstallationId.ShouldBe(9876543210);
    }

    [StoreFact]
    public async Task AddConnection_Refuses_AnAppWithoutPositiveIds()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(AppConnection(tenant.Id, null, 1)));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(AppConnection(tenant.Id, 1, null)));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(AppConnection(tenant.Id, 0, 1)));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(AppConnection(tenant.Id, 1, -5)));
        (await Connections.ListAsync(tenant.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AddConnection_Refuses_APersonalAccessTokenWithAppIds()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(TokenConnection(tenant.Id, "Token") with { AppId = 1 }));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(TokenConnection(tenant.Id, "Token") with { InstallationId = 1 }));
        (await Connections.ListAsync(tenant.Id)).ShouldBeEmpty();
    }

    [StoreTheory]
    [InlineData("api.github.com")]
    [InlineData("/api/v3/")]
    [InlineData("ftp://ghe.example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task AddConnection_Refuses_AnApiBaseUrlThatIsNotAbsoluteHttp(string apiBaseUrl)
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(TokenConnection(tenant.Id, "Token") with { ApiBaseUrl = apiBaseUrl }));
    }

    [StoreFact]
    public async Task AddConnection_Refuses_MissingOrOverLongValues()
    {
        var tenant = await NewTenantAsync();
        var valid = TokenConnection(tenant.Id, "Token");

        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(valid with { Name = " " }));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(valid with { Name = new string('n', FieldLimits.ConnectionName + 1) }));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(valid with { ProtectedSecret = "" }));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(valid with { ProtectedSecret = new string('s', FieldLimits.ProtectedSecret + 1) }));
        await Should.ThrowAsync<ArgumentException>(() => Connections.AddAsync(
            valid with { ApiBaseUrl = "https://ghe.example.com/" + new string('p', FieldLimits.ApiBaseUrl) }));
        (await Connections.ListAsync(tenant.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AddConnection_StoresTheLongestSecret()
    {
        var tenant = await NewTenantAsync();
        var secret = new string('s', FieldLimits.ProtectedSecret);

        var added = await Connections.AddAsync(TokenConnection(tenant.Id, "Token") with { ProtectedSecret = secret });

        (await Connections.GetAsync(tenant.Id, added.Id)).ProtectedSecret.ShouldBe(secret);
    }

    [StoreFact]
    public async Task AddConnection_Throws_ForAnUnknownTenant()
    {
        var exception = await Should.ThrowAsync<GhStatsNotFoundException>(() => Connections.AddAsync(TokenConnection(-1, "Token")));

        exception.Entity.ShouldBe("tenant");
    }

    [StoreFact]
    public async Task GetConnection_Throws_ThroughAnotherTenant()
    {
        var owner = await NewTenantAsync();
        var other = await NewTenantAsync();
        var connection = await Connections.AddAsync(TokenConnection(owner.Id, "Token"));

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Connections.GetAsync(other.Id, connection.Id));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Connections.GetAsync(owner.Id, -1));
        (await Connections.ListAsync(other.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task ListConnections_ShowsTheTenantsConnections_OldestFirst()
    {
        var tenant = await NewTenantAsync();
        var first = await Connections.AddAsync(TokenConnection(tenant.Id, "Zulu"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Connections.AddAsync(TokenConnection(tenant.Id, "Alpha"));
        await Connections.AddAsync(TokenConnection((await NewTenantAsync()).Id, "Elsewhere"));

        (await Connections.ListAsync(tenant.Id)).ShouldBe([first, second]);
    }

    [StoreFact]
    public async Task UpdateSecret_ReplacesTheSecret()
    {
        var tenant = await NewTenantAsync();
        var connection = await Connections.AddAsync(TokenConnection(tenant.Id, "Token"));

        await Connections.UpdateSecretAsync(tenant.Id, connection.Id, "rotated-secret");

        (await Connections.GetAsync(tenant.Id, connection.Id)).ShouldBe(connection with { ProtectedSecret = "rotated-secret" });
    }

    [StoreFact]
    public async Task UpdateSecret_Throws_ThroughAnotherTenant_AndChangesNothing()
    {
        var owner = await NewTenantAsync();
        var other = await NewTenantAsync();
        var connection = await Connections.AddAsync(TokenConnection(owner.Id, "Token"));

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Connections.UpdateSecretAsync(other.Id, connection.Id, "stolen"));

        (await Connections.GetAsync(owner.Id, connection.Id)).ProtectedSecret.ShouldBe("sealed-secret");
    }

    [StoreFact]
    public async Task UpdateSecret_RefusesAMissingOrOverLongSecret()
    {
        var tenant = await NewTenantAsync();
        var connection = await Connections.AddAsync(TokenConnection(tenant.Id, "Token"));

        await Should.ThrowAsync<ArgumentException>(() => Connections.UpdateSecretAsync(tenant.Id, connection.Id, " "));
        await Should.ThrowAsync<ArgumentException>(() => Connections.UpdateSecretAsync(tenant.Id, connection.Id, new string('s', FieldLimits.ProtectedSecret + 1)));

        (await Connections.GetAsync(tenant.Id, connection.Id)).ProtectedSecret.ShouldBe("sealed-secret");
    }

    [StoreFact]
    public async Task DeleteConnection_KeepsItsRepositories_WithoutAConnection()
    {
        var tenant = await NewTenantAsync();
        var connection = await Connections.AddAsync(TokenConnection(tenant.Id, "Token"));
        var kept = await Connections.AddAsync(TokenConnection(tenant.Id, "Kept"));
        var repository = await Repositories.AddAsync(tenant.Id, "owner-" + Unique(), "repo", connection.Id);
        var untouched = await Repositories.AddAsync(tenant.Id, "owner-" + Unique(), "repo", kept.Id);

        await Connections.DeleteAsync(tenant.Id, connection.Id);

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Connections.GetAsync(tenant.Id, connection.Id));
        (await Repositories.GetAsync(tenant.Id, repository.Id)).ShouldBe(repository with { ConnectionId = null });
        (await Repositories.GetAsync(tenant.Id, untouched.Id)).ConnectionId.ShouldBe(kept.Id);
        (await Connections.ListAsync(tenant.Id)).ShouldBe([kept]);
    }

    [StoreFact]
    public async Task DeleteConnection_Throws_ThroughAnotherTenant_AndChangesNothing()
    {
        var owner = await NewTenantAsync();
        var other = await NewTenantAsync();
        var connection = await Connections.AddAsync(TokenConnection(owner.Id, "Token"));
        var repository = await Repositories.AddAsync(owner.Id, "owner-" + Unique(), "repo", connection.Id);

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Connections.DeleteAsync(other.Id, connection.Id));

        (await Connections.GetAsync(owner.Id, connection.Id)).ShouldBe(connection);
        (await Repositories.GetAsync(owner.Id, repository.Id)).ConnectionId.ShouldBe(connection.Id);
    }

    private static NewGitHubConnection TokenConnection(long tenantId, string name) =>
        new(tenantId, name, GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", "sealed-secret");

    private static NewGitHubConnection AppConnection(long tenantId, long? appId, long? installationId) =>
        new(tenantId, "App", GitHubConnectionKind.App, "https://api.github.com/", "sealed-pem", appId, installationId);
}
