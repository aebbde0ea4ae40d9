using GhStats.Storage.Conformance.Databases;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>SQLite serves many readers and one writer at a time without "database is locked", within and across store instances.</summary>
public sealed class SqliteConcurrencyTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>
{
    [Fact]
    public async Task Database_IsInWalMode()
    {
        await using var services = database.BuildServices(TimeProvider.System);
        await services.GetRequiredService<ITenantStore>().ListAsync();

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        (await command.ExecuteScalarAsync()).ShouldBe("wal");
    }

    [Fact]
    public async Task ConcurrentWritersAndReaders_FromTwoStoreInstances_NeverSeeDatabaseLocked()
    {
        // Two service providers stand for two processes: separate in-process write gates, one file, SQLite's own locking between them.
        await using var first = database.BuildServices(TimeProvider.System);
        await using var second = database.BuildServices(TimeProvider.System);
        var tenant = await first.GetRequiredService<ITenantStore>().CreateAsync("conc-" + Guid.NewGuid().ToString("N")[..10], "Concurrency");
        var repos = new List<TrackedRepository>();
        for (var i = 0; i < 4; i++)
        {
            repos.Add(await first.GetRequiredService<IRepositoryStore>().AddAsync(tenant.Id, "owner", "repo-" + i));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var writers = repos.Select((repo, i) => Task.Run(async () =>
        {
            var traffic = (i % 2 == 0 ? first : second).GetRequiredService<ITrafficStore>();
            for (var window = 0; window < 40; window++)
            {
                var days = Enumerable.Range(0, 14).Select(d => new TrafficDay(repo.Id, today.AddDays(-window - d), window + d + 1, 1, 1, 1)).ToList();
                await traffic.MergeTrafficDaysAsync(days);
            }
        }));
        var readers = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            var traffic = (i % 2 == 0 ? first : second).GetRequiredService<ITrafficStore>();
            var reads = 0;
            for (var n = 0; n < 60; n++)
            {
                await traffic.GetTenantSummaryAsync(tenant.Id, new DateRange(today.AddDays(-90), today));
                await traffic.GetTrafficSeriesAsync(tenant.Id, repos[n % repos.Count].Id, new DateRange(today.AddDays(-60), today), TrafficPeriod.Week);
                reads++;
            }

            return reads;
        }));

        await Task.WhenAll(writers);
        var readCounts = await Task.WhenAll(readers);

        readCounts.ShouldAllBe(r => r == 60);
        var summary = await first.GetRequiredService<ITrafficStore>().GetTenantSummaryAsync(tenant.Id, new DateRange(today.AddDays(-60), today));
        summary.Count.ShouldBe(4);
        summary.ShouldAllBe(s => s.Totals.DaysWithData == 53);
    }
}
