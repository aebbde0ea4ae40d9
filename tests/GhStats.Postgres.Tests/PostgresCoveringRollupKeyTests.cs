using GhStats.Storage.Conformance.Databases;
using Npgsql;
using Shouldly;
using Xunit;

namespace GhStats.Postgres.Tests;

/// <summary>
/// Migrations 20 and 22: the rollups' primary key carries the blocks' values and the 4-day blocks' days, so the tenant
/// summary's runs of blocks and its edge days are read from the key alone (an index-only scan), with no visit to the
/// table per block.
/// </summary>
public sealed class PostgresCoveringRollupKeyTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task TheRollupsKey_KeepsItsColumns_AndIncludesTheBlocksValues()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'ghstats' AND tablename = 'traffic_rollups' ORDER BY indexname", connection);
        var definitions = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                definitions.Add(reader.GetString(0));
            }
        }

        definitions.ShouldHaveSingleItem().ShouldBe(
            "CREATE UNIQUE INDEX pk_traffic_rollups ON ghstats.traffic_rollups USING btree (tenant_id, span, block_start, repo_id) " +
            "INCLUDE (views, clones, peak_unique_views, peak_unique_clones, days, partial_days, " +
            string.Join(", ", Enumerable.Range(0, 4).SelectMany(k => new[] { "views", "unique_views", "clones", "unique_clones", "coverage" }.Select(v => $"day{k}_{v}"))) + ")");
    }

    [Theory]
    [InlineData("SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days " +
        "FROM ghstats.traffic_rollups b WHERE b.tenant_id = 1 AND b.span = 16 AND b.block_start >= 739600 AND b.block_start <= 739632")]
    [InlineData("SELECT b.repo_id, b.day2_views, b.day2_clones, b.day2_unique_views, b.day2_unique_clones, b.day2_coverage " +
        "FROM ghstats.traffic_rollups b WHERE b.tenant_id = 1 AND b.span = 4 AND b.block_start = 739600 AND b.day2_coverage > 0")]
    public async Task ARunOfBlocks_AndAnEdgeDay_AreReadFromTheKeyAlone(string query)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        // Scans of the table itself off, so the plan shows which index scan the key allows: an index-only scan needs every
        // column the summary reads in the index.
        await using (var settings = new NpgsqlCommand("SET enable_seqscan = off; SET enable_bitmapscan = off", connection))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + query, connection);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        plan[0].ShouldStartWith("Index Only Scan using pk_traffic_rollups", customMessage: string.Join('\n', plan));
    }
}
