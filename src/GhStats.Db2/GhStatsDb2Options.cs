namespace GhStats.Db2;

/// <summary>Db2 settings, bound from <c>GhStats:Db2</c>.</summary>
public sealed class GhStatsDb2Options
{
    /// <summary>The configuration section, under "GhStats".</summary>
    public const string SectionName = "Db2";

    /// <summary>An IBM Data Server Provider connection string, e.g. "Server=db2:50000;Database=GHSTATS;UID=ghstats;PWD=...". Required.</summary>
    public string? ConnectionString { get; set; }
}
