using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task Schema_IsCurrent_AndMigratingAgainChangesNothing()
    {
        await Migrator.MigrateAsync();

        var status = await Migrator.GetStatusAsync();

        status.Reachable.ShouldBeTrue();
        status.IsReady.ShouldBeTrue(status.Message);
        status.AppliedVersion.ShouldBe(status.LatestVersion);
    }

    [StoreFact]
    public async Task Migrations_FromTwoProcessesAtOnce_BothSucceed()
    {
        // The migration lock is waited for on the injected clock: a real one here, since nobody moves the fake one.
        await using var first = Database.BuildServices(TimeProvider.System);
        await using var second = Database.BuildServices(TimeProvider.System);

        await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<ISchemaMigrator>().MigrateAsync()),
            Task.Run(() => second.GetRequiredService<ISchemaMigrator>().MigrateAsync()));

        (await first.GetRequiredService<ISchemaMigrator>().GetStatusAsync()).IsReady.ShouldBeTrue();
    }

    [StoreFact]
    public async Task Migration_WaitsForTheLock_AndGivesUpWithAClearError_WhileAnotherProcessHoldsIt()
    {
        await using var holder = Database.BuildServices(TimeProvider.System);
        await using var waiter = Database.BuildServices(TimeProvider.System, s => s.Configure<GhStatsStorageOptions>(o => o.MigrationLockTimeout = TimeSpan.FromSeconds(1)));
        var provider = holder.GetRequiredService<RelationalStoreProvider>();

        await using (await provider.AcquireMigrationLockAsync(TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            var error = await Should.ThrowAsync<TimeoutException>(() => waiter.GetRequiredService<ISchemaMigrator>().MigrateAsync());
            error.Message.ShouldContain("migrat", Case.Insensitive);
        }

        await waiter.GetRequiredService<ISchemaMigrator>().MigrateAsync();
    }

    [StoreFact]
    public void Script_HoldsTheWholeSchema_WithoutAConnection()
    {
        var script = Migrator.GenerateScript();

        foreach (var table in new[]
        {
            "tenants", "users", "system_roles", "memberships", "repo_grants", "invitations", "github_connections", "repositories",
            "traffic_daily", "traffic_weekly", "referrer_snapshots", "path_snapshots", "repo_daily_stats", "collection_runs",
            "collection_errors", "api_tokens", "leases", "data_protection_keys", "notification_channels", "notification_subscriptions",
            "notification_events", "notification_outbox", "notification_deliveries", "notification_conditions", "annotations", "transfer_jobs",
        })
        {
            script.ShouldContain(table);
        }

        script.ShouldContain("CREATE TABLE", Case.Insensitive);
    }
}
