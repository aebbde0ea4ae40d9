namespace GhStats.Diagnostics;

/// <summary>
/// The names and tags of GhStats' health checks, registered by every storage provider (<c>UseSqlite()</c>,
/// <c>UsePostgres()</c>, <c>UseDb2()</c>). An app includes them in its own health endpoints by tag, e.g.
/// <c>app.MapHealthChecks("/ready", new() { Predicate = r =&gt; r.Tags.Contains(GhStatsHealthChecks.ReadyTag) })</c>.
/// </summary>
public static class GhStatsHealthChecks
{
    /// <summary>Every GhStats check carries this tag.</summary>
    public const string Tag = "ghstats";

    /// <summary>Checks that say whether this process can serve requests; <c>{prefix}/readyz</c> runs them.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Checks that say whether this process is alive; <c>{prefix}/healthz</c> runs them. None needs the database.</summary>
    public const string LiveTag = "live";

    /// <summary>The tag of the collection freshness check, so an app can leave it out or run it alone.</summary>
    public const string CollectionTag = "collection";

    /// <summary>A connection to the database opens. Unhealthy when it does not. Tags: ghstats, ready.</summary>
    public const string Database = "ghstats.database";

    /// <summary>The database schema is at the version this build needs. Unhealthy when behind or ahead. Tags: ghstats, ready.</summary>
    public const string Schema = "ghstats.schema";

    /// <summary>
    /// The last collection that stored anything finished within <c>GhStats:Health:CollectionMaxAge</c> (2 days by default),
    /// when any repository is tracked. Degraded, never Unhealthy, when not. Tags: ghstats, ready, collection.
    /// </summary>
    public const string Collection = "ghstats.collection";
}
