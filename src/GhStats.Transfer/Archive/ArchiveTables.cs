namespace GhStats.Transfer.Archive;

/// <summary>The tables an archive holds, in the order they are written and restored (a row only names rows before it).</summary>
internal static class ArchiveTables
{
    public const string ManifestFile = "manifest.json";

    public const string Tenants = "tenants";
    public const string Connections = "connections";
    public const string Repositories = "repositories";
    public const string TrackedOwners = "tracked_owners";
    public const string TrafficDays = "traffic_days";
    public const string ReferrerSnapshots = "referrer_snapshots";
    public const string PathSnapshots = "path_snapshots";
    public const string RepositoryStats = "repository_stats";
    public const string TrafficWeeks = "traffic_weeks";
    public const string StarHistory = "star_history";
    public const string StarBackfills = "star_backfills";
    public const string Releases = "releases";
    public const string ReleaseAssetSnapshots = "release_asset_snapshots";
    public const string ReleaseReads = "release_reads";
    public const string Annotations = "annotations";
    public const string PublicDashboards = "public_dashboards";

    public static readonly IReadOnlyList<string> Order =
        [
            Tenants, Connections, Repositories, TrackedOwners, TrafficDays, ReferrerSnapshots, PathSnapshots, RepositoryStats,
            TrafficWeeks, StarHistory, StarBackfills, Releases, ReleaseAssetSnapshots, ReleaseReads, Annotations, PublicDashboards,
        ];

    /// <summary>The entry a table's JSON lines are stored in, at the archive's root.</summary>
    public static string FileOf(string table) => table + ".jsonl";
}
