using GhStats.Db2;
using GhStats.Postgres;
using GhStats.Sqlite;

namespace GhStats.Host;

/// <summary>Chooses the storage provider from <c>GhStats:Storage:Provider</c> (sqlite, postgres or db2).</summary>
internal static class StorageSetup
{
    public static readonly string[] Providers = ["sqlite", "postgres", "db2"];

    public static GhStatsBuilder UseConfiguredStorage(this GhStatsBuilder builder, IConfiguration ghStats)
    {
        var provider = (ghStats["Storage:Provider"] ?? "sqlite").Trim().ToLowerInvariant();
        return provider switch
        {
            "sqlite" => builder.UseSqlite(),
            "postgres" or "postgresql" => builder.UsePostgres(),
            "db2" => builder.UseDb2(),
            _ => throw new InvalidOperationException(
                $"GhStats:Storage:Provider is '{provider}'; use one of: {string.Join(", ", Providers)} (environment variable GhStats__Storage__Provider)."),
        };
    }

    /// <summary>The schema DDL for a provider, written without a connection.</summary>
    public static string? Script(string provider, string schema) => provider.ToLowerInvariant() switch
    {
        "sqlite" => SqliteSchema.GenerateScript(),
        "postgres" or "postgresql" => PostgresSchema.GenerateScript(schema),
        "db2" => Db2Schema.GenerateScript(schema),
        _ => null,
    };
}
