using System.Data.Common;
using System.Globalization;
using GhStats.Postgres;
using GhStats.Storage;
using GhStats.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GhStats.Bench.Merge;

/// <summary>A throwaway PostgreSQL server from this machine's binaries (GhStats.Testing), one database per scenario run.</summary>
internal sealed class PostgresStoreUnderTest : StoreUnderTest
{
    private readonly PostgresServer _server;

    private PostgresStoreUnderTest(PostgresServer server) => _server = server;

    public override string Name => "postgres";

    public override string DisplayName => "PostgreSQL";

    public override SqlDialect Dialect { get; } = new PostgresDialect("ghstats");

    public static async Task<PostgresStoreUnderTest> StartAsync() => new(await PostgresServer.StartAsync());

    public override async Task<IReadOnlyList<string>> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT name, setting, COALESCE(unit, '') FROM pg_settings " +
            "WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'wal_buffers', 'max_wal_size') ORDER BY name",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var settings = new List<string>();
        var version = "?";
        while (await reader.ReadAsync())
        {
            if (reader.GetString(0) == "server_version")
            {
                version = reader.GetString(1);
            }
            else
            {
                settings.Add($"{reader.GetString(0)}={reader.GetString(1)}{reader.GetString(2)}");
            }
        }

        return
        [
            $"- PostgreSQL: {version} (Npgsql {typeof(NpgsqlConnection).Assembly.GetName().Version}), a local server over TCP loopback started by GhStats.Testing",
            $"- PostgreSQL settings: {string.Join(", ", settings)} (the test server runs with fsync off: no disk flush on commit, for baseline and merge alike)",
        ];
    }

    public override string CpuScope => "CPU time of the benchmark process plus the PostgreSQL server's processes (from /proc)";

    public override TimeSpan CpuTime() => base.CpuTime() + ServerCpuTime();

    public override async Task<string?> SettleAsync(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM (ANALYZE)";
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
        return "VACUUM (ANALYZE), what autovacuum does after an import";
    }

    public override async Task<DbConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task DropDatabaseAsync(string connectionString)
    {
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The name was made by PostgresServer from [a-z0-9_] only.
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync() => await _server.DisposeAsync();

    protected override Task<string> CreateEmptyDatabaseAsync() => _server.CreateDatabaseAsync("bench_merge");

    protected override void UseStore(GhStatsBuilder builder, string connectionString) => builder.UsePostgres(connectionString);

    /// <summary>
    /// CPU time of this server's processes from /proc (Linux): the postmaster with its reaped children, plus its live
    /// children (backends, WAL writer, checkpointer, autovacuum). Zero where there is no /proc.
    /// </summary>
    private TimeSpan ServerCpuTime()
    {
        var pidFile = Path.Combine(_server.RootDirectory, "data", "postmaster.pid");
        if (!Directory.Exists("/proc") || !File.Exists(pidFile))
        {
            return TimeSpan.Zero;
        }

        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(folder, "stat"));
            }
            catch (IOException)
            {
                continue; // The process ended meanwhile.
            }

            // Fields after "(comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), counted from 1.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += Field(14) + Field(15) + Field(16) + Field(17);
            }
            else if (Field(4) == postmaster)
            {
                ticks += Field(14) + Field(15);
            }
        }

        // /proc counts in USER_HZ, which is 100 on Linux.
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
