using FluentMigrator.Runner;
using FluentMigrator.Runner.VersionTableInfo;
using GhStats.Domain;
using GhStats.Storage.Migrations;
using GhStats.Stores;
using GhStats.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace GhStats.Postgres.Tests;

/// <summary>
/// The migrations that back-fill from data an earlier version stored, run on PostgreSQL itself: until version 21 their
/// PostgreSQL statements were never run there (they named the database by an id FluentMigrator does not give it).
/// </summary>
public sealed class PostgresBackFillTests
{
    private const string Schema = "ghstats";

    [Fact]
    public async Task Migration5_BackFillsCoverageAndTheLastDailyRead_FromTheRunHistory()
    {
        var connectionString = await OldDatabaseAsync("coverage", 4);
        await ExecuteAsync(connectionString,
            "INSERT INTO ghstats.tenants (id, slug, name, created_at) OVERRIDING SYSTEM VALUE VALUES (1, 'old', 'Old', '2024-01-01 00:00:00')",
            "INSERT INTO ghstats.repositories (id, tenant_id, owner, name, added_at) OVERRIDING SYSTEM VALUE VALUES (10, 1, 'octo', 'early', '2024-01-01 00:00:00')",
            "INSERT INTO ghstats.collection_runs (id, run_trigger, tenant_id, started_at, finished_at, status, repos_total, repos_ok, repos_failed, api_calls) OVERRIDING SYSTEM VALUE VALUES " +
            "(1, 'Cron', NULL, '2024-03-10 09:00:00', '2024-03-10 09:05:00', 'Succeeded', 1, 1, 0, 5)",
            "INSERT INTO ghstats.traffic_daily (repo_id, day, views, unique_views, clones, unique_clones) VALUES (10, '2024-03-01', 5, 2, 1, 1), (10, '2024-02-01', 9, 3, 0, 0)");

        await using var provider = await MigratedAsync(connectionString);
        var points = (await provider.GetRequiredService<ITrafficStore>().GetTrafficSeriesAsync(1, 10, new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 14)), TrafficPeriod.Day))
            .Points.ToDictionary(p => p.Date);

        // Run 1 proves 02-26 (partial) to 03-10 (partial), the days between complete; a proven day without a row is a zero.
        points[new DateOnly(2024, 3, 1)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2024, 3, 1), DayCoverage.Complete, 5, 2, 1, 1));
        points[new DateOnly(2024, 3, 2)].ShouldBe(TrafficPoint.ForDay(new DateOnly(2024, 3, 2), DayCoverage.Complete, 0, 0, 0, 0));
        points[new DateOnly(2024, 3, 10)].Coverage.ShouldBe(DayCoverage.Partial);
        points[new DateOnly(2024, 2, 1)].Coverage.ShouldBe(DayCoverage.Partial);
        points[new DateOnly(2024, 3, 11)].Coverage.ShouldBe(DayCoverage.NotCollected);
        (await provider.GetRequiredService<IRepositoryStore>().GetAsync(1, 10)).LastDailyReadOn.ShouldBe(new DateOnly(2024, 3, 10));
    }

    [Fact]
    public async Task Migration17_BackFillsTheRollups_FromTheStoredDays()
    {
        var connectionString = await OldDatabaseAsync("rollups", 16);
        await ExecuteAsync(connectionString, Tenant, Days);

        await using var provider = await MigratedAsync(connectionString);

        await SummariesShouldMatchStoredDaysAsync(provider.GetRequiredService<ITrafficStore>());
    }

    [Fact]
    public async Task Migration21_ComputesTheRollupsAgain_ForADatabaseWhoseBackFillNeverRan()
    {
        // At version 20, with days written around the rollups (as a version-16 database upgraded without its back-fill
        // holds them) and a block that does not match them.
        var connectionString = await OldDatabaseAsync("recomputed", 20);
        await ExecuteAsync(connectionString, Tenant, Days,
            "INSERT INTO ghstats.traffic_rollups (tenant_id, span, block_start, repo_id, views, clones, peak_unique_views, peak_unique_clones, days, partial_days) " +
            "VALUES (1, 4, 738960, 10, 123456, 0, 9, 0, 1, 0)");

        await using var provider = await MigratedAsync(connectionString);

        await SummariesShouldMatchStoredDaysAsync(provider.GetRequiredService<ITrafficStore>());
    }

    private const string Tenant =
        "INSERT INTO ghstats.tenants (id, slug, name, created_at) OVERRIDING SYSTEM VALUE VALUES (1, 'old', 'Old', '2024-01-01 00:00:00'); " +
        "INSERT INTO ghstats.repositories (id, tenant_id, owner, name, added_at) OVERRIDING SYSTEM VALUE VALUES (10, 1, 'octo', 'long', '2016-01-01 00:00:00'), (11, 1, 'octo', 'short', '2023-01-01 00:00:00')";

    /// <summary>About 8 years of days for one repository and a year for the other, some missing.</summary>
    private const string Days =
        "INSERT INTO ghstats.traffic_daily (repo_id, day, views, unique_views, clones, unique_clones) " +
        "SELECT r, DATE '2024-03-14' - i, 100 + (i * 37) % 500, (i * 13) % 100, 10 + (i * 11) % 50, i % 10 " +
        "FROM (VALUES (10, 3000), (11, 365)) AS l (r, n), generate_series(0, 3000) AS i WHERE i < n AND i % 7 <> 3";

    private static async Task SummariesShouldMatchStoredDaysAsync(ITrafficStore traffic)
    {
        var last = new DateOnly(2024, 3, 14);
        DateRange[] ranges = [new(last.AddDays(-3652), last), new(last.AddDays(-364), last), new(last.AddDays(-89), last), new(last.AddDays(-2000), last.AddDays(-1000))];
        foreach (var range in ranges)
        {
            var days = new List<CoveredTrafficDay>();
            await foreach (var day in traffic.StreamTenantTrafficDaysAsync(1, range))
            {
                days.Add(day);
            }

            var summary = (await traffic.GetTenantSummaryAsync(1, range)).ToDictionary(s => s.Repository.Id);
            foreach (var id in new long[] { 10, 11 })
            {
                var stored = days.Where(d => d.Traffic.RepositoryId == id && d.Coverage != DayCoverage.NotCollected).ToList();
                summary[id].Totals.Views.ShouldBe(stored.Sum(d => (long)d.Traffic.Views), $"repository {id}, {range.From} to {range.To}");
                summary[id].Totals.Clones.ShouldBe(stored.Sum(d => (long)d.Traffic.Clones), $"repository {id}, {range.From} to {range.To}");
                summary[id].Totals.PeakDailyUniqueViews.ShouldBe(stored.Count == 0 ? 0 : stored.Max(d => (long)d.Traffic.UniqueViews));
                summary[id].Totals.KnownDays.ShouldBe(stored.Count);
            }
        }
    }

    /// <summary>A new database on the shared server, migrated up to and including <paramref name="version"/> only.</summary>
    private static async Task<string> OldDatabaseAsync(string name, long version)
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync(name);
        await ExecuteAsync(connectionString, $"CREATE SCHEMA IF NOT EXISTS {Schema}");
        using var services = new ServiceCollection()
            .AddSingleton(new StoreSchema(Schema))
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner.AddPostgres().WithGlobalConnectionString(connectionString).ScanIn(typeof(InitialSchema).Assembly).For.Migrations())
            .AddScoped<IVersionTableMetaData, GhStatsVersionTable>()
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp(version);
        return connectionString;
    }

    private static async Task<ServiceProvider> MigratedAsync(string connectionString)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGhStats().UsePostgres(connectionString);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        return provider;
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
#pragma warning disable CA2100 // The tests' own statements.
            await using var command = new NpgsqlCommand(statement, connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }
    }
}
