using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Releases;

/// <summary>The columns of <c>releases</c>, <c>release_asset_snapshots</c> and <c>release_reads</c> rows, and how to read them.</summary>
internal static class ReleaseRows
{
    public static readonly RowShape Shape = new("release");

    public static readonly RowShape AssetShape = new("release asset snapshot");

    public static readonly RowShape ReadDayShape = new("release read day");

    public static readonly RowShape LastReadShape = new("last release read");

    public static readonly RowShape SnapshotShape = new("stored release asset snapshot");

    public static readonly RowShape ReadRowShape = new("release read");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn ReleaseId = Shape.Column("github_release_id");
    private static readonly RowColumn Tag = Shape.Column("tag");
    private static readonly RowColumn Name = Shape.Column("name");
    private static readonly RowColumn PublishedOn = Shape.Column("published_on");
    private static readonly RowColumn Prerelease = Shape.Column("prerelease");
    private static readonly RowColumn LastSeenOn = Shape.Column("last_seen_on");

    private static readonly RowColumn AssetId = AssetShape.Column("asset_id");
    private static readonly RowColumn CapturedOn = AssetShape.Column("captured_on");
    private static readonly RowColumn AssetReleaseId = AssetShape.Column("github_release_id");
    private static readonly RowColumn CreatedOn = AssetShape.Column("created_on");
    private static readonly RowColumn DownloadCount = AssetShape.Column("download_count");

    private static readonly RowColumn ReadOn = ReadDayShape.Column("read_on");

    private static readonly RowColumn SnapshotRepositoryId = SnapshotShape.Column("repo_id");
    private static readonly RowColumn SnapshotAssetId = SnapshotShape.Column("asset_id");
    private static readonly RowColumn SnapshotCapturedOn = SnapshotShape.Column("captured_on");
    private static readonly RowColumn SnapshotReleaseId = SnapshotShape.Column("github_release_id");
    private static readonly RowColumn SnapshotName = SnapshotShape.Column("asset_name");
    private static readonly RowColumn SnapshotCreatedOn = SnapshotShape.Column("created_on");
    private static readonly RowColumn SnapshotDownloadCount = SnapshotShape.Column("download_count");

    private static readonly RowColumn ReadRepositoryId = ReadRowShape.Column("repo_id");
    private static readonly RowColumn ReadRowOn = ReadRowShape.Column("read_on");
    private static readonly RowColumn ReadReleases = ReadRowShape.Column("releases");

    private static readonly RowColumn LastReadOn = LastReadShape.Column("last_read_on", "MAX(read_on)");

    public static (RepositoryRelease Release, DateOnly LastSeenOn) Read(RowReader r) => (
        new RepositoryRelease(r.Int64(RepositoryId), r.Int64(ReleaseId), r.Text(Tag), r.Text(Name), r.Date(PublishedOn), r.Int32(Prerelease) != 0),
        r.Date(LastSeenOn));

    public static AssetSnapshot ReadAsset(RowReader r) =>
        new(r.Int64(AssetId), r.Int64(AssetReleaseId), r.Date(CapturedOn), r.Date(CreatedOn), r.Int64(DownloadCount));

    public static ReleaseAssetSnapshot ReadSnapshot(RowReader r) => new(
        r.Int64(SnapshotRepositoryId), r.Int64(SnapshotAssetId), r.Date(SnapshotCapturedOn), r.Int64(SnapshotReleaseId),
        r.Text(SnapshotName), r.Date(SnapshotCreatedOn), r.Int64(SnapshotDownloadCount));

    public static ReleaseReadDay ReadReadDay(RowReader r) => new(r.Int64(ReadRepositoryId), r.Date(ReadRowOn), r.Int32(ReadReleases));

    public static DateOnly ReadDay(RowReader r) => r.Date(ReadOn);

    public static DateOnly? ReadLastRead(RowReader r) => r.NullableDate(LastReadOn);
}
