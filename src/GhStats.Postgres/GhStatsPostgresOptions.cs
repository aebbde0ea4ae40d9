namespace GhStats.Postgres;

/// <summary>PostgreSQL settings, bound from <c>GhStats:Postgres</c>.</summary>
public sealed class GhStatsPostgresOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Postgres";

    /// <summary>An Npgsql connection string, e.g. "Host=db;Database=ghstats;Username=ghstats;Password=...". Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL's <c>max_parallel_workers_per_gather</c> for GhStats' connections: 0 (the default) plans every query
    /// without parallel workers; null leaves the server's setting (PostgreSQL's own default is 2). GhStats' reads are
    /// short index-range reads, for which starting workers costs more than it saves: a 365-day summary of 1,000
    /// repositories took about 20 ms without workers and 55 to 90 ms with PostgreSQL's default (bench/README.md, "cold").
    /// A <c>-c max_parallel_workers_per_gather=...</c> in the connection string's <c>Options</c> wins over this.
    /// </summary>
    public int? MaxParallelWorkersPerGather { get; set; } = 0;
}
