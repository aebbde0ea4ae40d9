using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Storage.Sql;
using GhStats.Stores;

namespace GhStats.Storage.Releases;

/// <summary>Releases and their assets' download snapshots on a relational database.</summary>
internal sealed class ReleaseStore(StoreDatabase db, ReleaseStatements sql, GhStatsMetrics metrics) : IReleaseStore
{
    public async Task MergeReleaseReadAsync(ReleaseRead read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(read.Releases);
        var repositoryId = read.RepositoryId;
        var readOn = Input.Day(read.ReadOn, "ReadOn", repositoryId, db.Today);

        // GitHub lists a release once; two of the same id in one read (pages that shifted meanwhile) keep the last.
        var releases = read.Releases.Select(Checked).GroupBy(r => r.GitHubReleaseId).Select(g => g.Last()).OrderBy(r => r.GitHubReleaseId).ToList();
        var assets = releases
            .SelectMany(r => r.Assets.Select(a => (Release: r.GitHubReleaseId, Asset: a)))
            .GroupBy(a => a.Asset.GitHubAssetId).Select(g => g.Last())
            .OrderBy(a => a.Asset.GitHubAssetId)
            .ToList();

        var started = db.Clock.GetTimestamp();
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", repositoryId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(connection, transaction, releases, sql.BatchRows(ReleaseStatements.ReleaseShape), sql.MergeReleases, (command, r, i) => command
                    .With($"repo_id_{i}", repositoryId).With($"github_release_id_{i}", r.GitHubReleaseId)
                    .With($"tag_{i}", r.Tag).With($"name_{i}", r.Name).With($"published_on_{i}", r.PublishedOn)
                    .With($"prerelease_{i}", r.Prerelease ? 1 : 0).With($"last_seen_on_{i}", readOn), cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(connection, transaction, assets, sql.BatchRows(ReleaseStatements.AssetShape), sql.MergeAssets, (command, a, i) => command
                    .With($"repo_id_{i}", repositoryId).With($"asset_id_{i}", a.Asset.GitHubAssetId).With($"captured_on_{i}", readOn)
                    .With($"github_release_id_{i}", a.Release).With($"asset_name_{i}", a.Asset.Name)
                    .With($"created_on_{i}", a.Asset.CreatedOn).With($"download_count_{i}", a.Asset.DownloadCount), cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(connection, transaction, [readOn], sql.BatchRows(ReleaseStatements.ReadShape), sql.MergeReads, (command, day, i) => command
                    .With($"repo_id_{i}", repositoryId).With($"read_on_{i}", day).With($"releases_{i}", releases.Count), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        metrics.Merged("release_asset_snapshots", assets.Count, db.Clock.GetElapsedTime(started));
    }

    public Task<DateOnly?> GetLastReleaseReadAsync(long repositoryId, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async connection =>
            {
                using var command = db.Command(connection, sql.LastRead).With("repo_id", repositoryId);
                var rows = await command.ListAsync(ReleaseRows.LastReadShape, ReleaseRows.ReadLastRead, cancellationToken).ConfigureAwait(false);
                return rows.Count == 0 ? null : rows[0];
            },
            cancellationToken);

    public Task<IReadOnlyList<RepositoryRelease>> ListReleasesAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync<IReadOnlyList<RepositoryRelease>>(
            async connection =>
            {
                await EnsureInTenantAsync(connection, tenantId, repositoryId, cancellationToken).ConfigureAwait(false);
                using var command = db.Command(connection, sql.Published)
                    .With("repo_id", repositoryId).With("from_day", range.From).With("to_day", range.To);
                return await command.ListAsync(ReleaseRows.Shape, r => ReleaseRows.Read(r).Release, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<ReleaseDownloads> GetDailyDownloadsAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync(
            async connection =>
            {
                await EnsureInTenantAsync(connection, tenantId, repositoryId, cancellationToken).ConfigureAwait(false);
                List<DateOnly> reads;
                using (var command = db.Command(connection, sql.ReadDays).With("repo_id", repositoryId))
                {
                    reads = await command.ListAsync(ReleaseRows.ReadDayShape, ReleaseRows.ReadDay, cancellationToken).ConfigureAwait(false);
                }

                List<(RepositoryRelease Release, DateOnly LastSeenOn)> releases;
                using (var command = db.Command(connection, sql.All).With("repo_id", repositoryId))
                {
                    releases = await command.ListAsync(ReleaseRows.Shape, ReleaseRows.Read, cancellationToken).ConfigureAwait(false);
                }

                List<AssetSnapshot> snapshots;
                using (var command = db.Command(connection, sql.AssetSnapshots).With("repo_id", repositoryId))
                {
                    snapshots = await command.ListAsync(ReleaseRows.AssetShape, ReleaseRows.ReadAsset, cancellationToken).ConfigureAwait(false);
                }

                return DownloadHistory.Derive(repositoryId, range, reads, releases, snapshots);
            },
            cancellationToken);
    }

    private static ReleaseReading Checked(ReleaseReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(r.Assets);
        var tag = Input.Required(r.Tag, "Tag", FieldLimits.ReleaseTag);
        var name = string.IsNullOrWhiteSpace(r.Name) ? tag : Input.Required(r.Name, "Name", FieldLimits.ReleaseName);
        foreach (var asset in r.Assets)
        {
            ArgumentNullException.ThrowIfNull(asset);
            Input.Required(asset.Name, "Name", FieldLimits.AssetName);
            ArgumentOutOfRangeException.ThrowIfNegative(asset.DownloadCount, "DownloadCount");
        }

        return r with { Tag = tag, Name = name };
    }

    private async Task EnsureInTenantAsync(System.Data.Common.DbConnection connection, long tenantId, long repositoryId, CancellationToken cancellationToken) =>
        await db.RequireAsync(connection, null, sql.RepositoryInTenant, c => c.With("repo_id", repositoryId).With("tenant_id", tenantId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
}
