namespace GhStats;

/// <summary>Storage settings shared by every provider, bound from <c>GhStats:Storage</c>.</summary>
public sealed class GhStatsStorageOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Storage";

    /// <summary>The schema that holds GhStats' tables on PostgreSQL and Db2 (SQLite has none). Default "ghstats".</summary>
    public string Schema { get; set; } = "ghstats";

    /// <summary>Apply pending migrations when the host starts. Turn off where DBAs apply the DDL by hand. Default true.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long a process waits for another process's migration to finish. Default 5 minutes.</summary>
    public TimeSpan MigrationLockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Database command timeout. Default 30 seconds.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
