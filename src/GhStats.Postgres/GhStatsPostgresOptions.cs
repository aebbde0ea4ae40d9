namespace GhStats.Postgres;

/// <summary>PostgreSQL settings, bound from <c>GhStats:Postgres</c>.</summary>
public sealed class GhStatsPostgresOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Postgres";

    /// <summary>An Npgsql connection string, e.g. "Host=db;Database=ghstats;Username=ghstats;Password=...". Required.</summary>
    public string? ConnectionString { get; set; }
}
