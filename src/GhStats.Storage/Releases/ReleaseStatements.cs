using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Releases;

/// <summary>The SQL of <see cref="ReleaseStore"/>.</summary>
internal sealed class ReleaseStatements : StatementSet
{
    // The newest read describes a release; last_seen_on only moves forward, so a late, slow read never hides a release.
    public static readonly MergeShape ReleaseShape = new("releases",
    [
        new("repo_id", ColumnType.Identifier), new("github_release_id", ColumnType.Identifier),
        new("tag", ColumnType.Text, MergeRule.Replace, FieldLimits.ReleaseTag),
        new("name", ColumnType.Text, MergeRule.Replace, FieldLimits.ReleaseName),
        new("published_on", ColumnType.Date, MergeRule.Replace),
        new("prerelease", ColumnType.Count, MergeRule.Replace),
        new("last_seen_on", ColumnType.Date, MergeRule.Max),
    ]);

    // A second read on the same day keeps the larger count: download counts only grow within a day's reads.
    public static readonly MergeShape AssetShape = new("release_asset_snapshots",
    [
        new("repo_id", ColumnType.Identifier), new("asset_id", ColumnType.Identifier), new("captured_on", ColumnType.Date),
        new("github_release_id", ColumnType.Identifier, MergeRule.Replace),
        new("asset_name", ColumnType.Text, MergeRule.Replace, FieldLimits.AssetName),
        new("created_on", ColumnType.Date, MergeRule.Replace),
        new("download_count", ColumnType.Identifier, MergeRule.Max),
    ]);

    public static readonly MergeShape ReadShape = new("release_reads",
    [
        new("repo_id", ColumnType.Identifier), new("read_on", ColumnType.Date),
        new("releases", ColumnType.Count, MergeRule.Max),
    ]);

    // A restore never replaces what is stored: a release keeps its description and takes the later last read day.
    public static readonly MergeShape RestoredReleaseShape = new("releases",
    [
        new("repo_id", ColumnType.Identifier), new("github_release_id", ColumnType.Identifier),
        new("tag", ColumnType.Text, MergeRule.Keep, FieldLimits.ReleaseTag),
        new("name", ColumnType.Text, MergeRule.Keep, FieldLimits.ReleaseName),
        new("published_on", ColumnType.Date, MergeRule.Keep),
        new("prerelease", ColumnType.Count, MergeRule.Keep),
        new("last_seen_on", ColumnType.Date, MergeRule.Max),
    ]);

    // A restored snapshot of a day already stored keeps the stored asset's description and the larger count, as a second read that day would.
    public static readonly MergeShape RestoredAssetShape = new("release_asset_snapshots",
    [
        new("repo_id", ColumnType.Identifier), new("asset_id", ColumnType.Identifier), new("captured_on", ColumnType.Date),
        new("github_release_id", ColumnType.Identifier, MergeRule.Keep),
        new("asset_name", ColumnType.Text, MergeRule.Keep, FieldLimits.AssetName),
        new("created_on", ColumnType.Date, MergeRule.Keep),
        new("download_count", ColumnType.Identifier, MergeRule.Max),
    ]);

    public ReleaseStatements(SqlDialect dialect)
        : base(dialect)
    {
        RepositoryExists = CountRepository("Releases");
        RepositoryInTenant = CountRepositoryInTenant("Releases");

        LastRead = new("Releases.LastRead", $"SELECT {ReleaseRows.LastReadShape.Select()} FROM {T("release_reads")} WHERE repo_id = @repo_id");
        ReadDays = new("Releases.ReadDays", $"SELECT {ReleaseRows.ReadDayShape.Select()} FROM {T("release_reads")} WHERE repo_id = @repo_id ORDER BY read_on");

        Published = new("Releases.Published",
            $"SELECT {ReleaseRows.Shape.Select()} FROM {T("releases")} " +
            "WHERE repo_id = @repo_id AND published_on >= @from_day AND published_on <= @to_day ORDER BY published_on, github_release_id");
        All = new("Releases.All",
            $"SELECT {ReleaseRows.Shape.Select()} FROM {T("releases")} WHERE repo_id = @repo_id ORDER BY published_on, github_release_id");

        PublishedStored = new("Releases.PublishedStored",
            $"SELECT {ReleaseRows.Shape.Select()} FROM {T("releases")} " +
            "WHERE repo_id = @repo_id AND published_on >= @from_day AND published_on <= @to_day ORDER BY published_on, github_release_id");
        AssetSnapshotsCaptured = new("Releases.AssetSnapshotsCaptured",
            $"SELECT {ReleaseRows.SnapshotShape.Select()} FROM {T("release_asset_snapshots")} " +
            "WHERE repo_id = @repo_id AND captured_on >= @from_day AND captured_on <= @to_day ORDER BY captured_on, asset_id");
        ReadDaysIn = new("Releases.ReadDaysIn",
            $"SELECT {ReleaseRows.ReadRowShape.Select()} FROM {T("release_reads")} " +
            "WHERE repo_id = @repo_id AND read_on >= @from_day AND read_on <= @to_day ORDER BY read_on");

        // The whole history up to the range's end: a day's downloads need each asset's snapshot before the range too.
        AssetSnapshots = new("Releases.AssetSnapshots",
            $"SELECT {ReleaseRows.AssetShape.Select()} FROM {T("release_asset_snapshots")} " +
            "WHERE repo_id = @repo_id ORDER BY asset_id, captured_on");
    }

    public SqlStatement RepositoryExists { get; }

    public SqlStatement RepositoryInTenant { get; }

    public SqlStatement LastRead { get; }

    public SqlStatement ReadDays { get; }

    public SqlStatement Published { get; }

    public SqlStatement All { get; }

    public SqlStatement AssetSnapshots { get; }

    public SqlStatement PublishedStored { get; }

    public SqlStatement AssetSnapshotsCaptured { get; }

    public SqlStatement ReadDaysIn { get; }

    public SqlStatement MergeReleases(int rows) => Merge("Releases.MergeReleases", ReleaseShape, rows);

    public SqlStatement MergeAssets(int rows) => Merge("Releases.MergeAssets", AssetShape, rows);

    public SqlStatement MergeReads(int rows) => Merge("Releases.MergeReads", ReadShape, rows);

    public SqlStatement MergeRestoredReleases(int rows) => Merge("Releases.MergeRestoredReleases", RestoredReleaseShape, rows);

    public SqlStatement MergeRestoredAssets(int rows) => Merge("Releases.MergeRestoredAssets", RestoredAssetShape, rows);
}
