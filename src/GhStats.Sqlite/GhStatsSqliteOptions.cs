namespace GhStats.Sqlite;

/// <summary>SQLite settings, bound from <c>GhStats:Sqlite</c>.</summary>
public sealed class GhStatsSqliteOptions
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Sqlite";

    /// <summary>A Microsoft.Data.Sqlite connection string, e.g. "Data Source=ghstats.db". Required.</summary>
    public string? ConnectionString { get; set; }
}
