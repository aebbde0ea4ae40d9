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

        await WriteAsync(
            repositoryId,
            releases.ConvertAll(r => new StoredRelease(new RepositoryRelease(repositoryId, r.GitHubReleaseId, r.Tag, r.Name, r.PublishedOn, r.Prerelease), readOn)),
            assets.ConvertAll(a => new ReleaseAssetSnapshot(repositoryId, a.Asset.GitHubAssetId, readOn, a.Release, a.Asset.Name, a.Asset.CreatedOn, a.Asset.DownloadCount)),
            [new ReleaseReadDay(repositoryId, readOn, releases.Count)],
            restored: false,
            cancellationToken).ConfigureAwait(false);
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

    public Task<IReadOnlyList<StoredRelease>> GetStoredReleasesAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(tenantId, repositoryId, range, sql.PublishedStored, ReleaseRows.Shape, r =>
        {
            var (release, lastSeenOn) = ReleaseRows.Read(r);
            return new StoredRelease(release, lastSeenOn);
        }, cancellationToken);

    public Task<IReadOnlyList<ReleaseAssetSnapshot>> GetAssetSnapshotsAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(tenantId, repositoryId, range, sql.AssetSnapshotsCaptured, ReleaseRows.SnapshotShape, ReleaseRows.ReadSnapshot, cancellationToken);

    public Task<IReadOnlyList<ReleaseReadDay>> GetReleaseReadDaysAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(tenantId, repositoryId, range, sql.ReadDaysIn, ReleaseRows.ReadRowShape, ReleaseRows.ReadReadDay, cancellationToken);

    public async Task MergeReleaseHistoryAsync(ReleaseHistory history, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(history.Releases);
        ArgumentNullException.ThrowIfNull(history.Assets);
        ArgumentNullException.ThrowIfNull(history.ReadDays);
        var repositoryId = history.RepositoryId;
        var today = db.Today;
        var stray = history.Releases.Select(r => r?.Release.RepositoryId)
            .Concat(history.Assets.Select(a => a?.RepositoryId))
            .Concat(history.ReadDays.Select(d => d?.RepositoryId))
            .FirstOrDefault(id => id != repositoryId);
        if (stray is not null || history.Releases.Any(r => r is null) || history.Assets.Any(a => a is null) || history.ReadDays.Any(d => d is null))
        {
            throw new ArgumentException($"A release, snapshot or read day of the history of repository {repositoryId} is missing or belongs to repository {stray}.", nameof(history));
        }

        // Repeats in one call fold as the database then merges them: a release's later last read, a snapshot's larger count.
        var releases = history.Releases
            .Select(r =>
            {
                // The collector's checks: tag and name within their columns, an empty name stored as the tag.
                var described = Checked(new ReleaseReading(r.Release.GitHubReleaseId, r.Release.Tag, r.Release.Name, r.Release.PublishedOn, r.Release.Prerelease, []));
                return new StoredRelease(r.Release with { Tag = described.Tag, Name = described.Name }, Input.Day(r.LastSeenOn, "LastSeenOn", repositoryId, today));
            })
            .GroupBy(r => r.Release.GitHubReleaseId)
            .Select(g => g.First() with { LastSeenOn = g.Max(r => r.LastSeenOn) })
            .OrderBy(r => r.Release.GitHubReleaseId)
            .ToList();
        var assets = history.Assets
            .Select(a =>
            {
                Input.Required(a.Name, "Name", FieldLimits.AssetName);
                Input.Day(a.CapturedOn, "CapturedOn", repositoryId, today);
                ArgumentOutOfRangeException.ThrowIfNegative(a.DownloadCount, "DownloadCount");
                return a;
            })
            .GroupBy(a => (a.GitHubAssetId, a.CapturedOn))
            .Select(g => g.First() with { DownloadCount = g.Max(a => a.DownloadCount) })
            .OrderBy(a => a.CapturedOn).ThenBy(a => a.GitHubAssetId)
            .ToList();
        var reads = history.ReadDays
            .Select(d =>
            {
                Input.Day(d.ReadOn, "ReadOn", repositoryId, today);
                Input.Count(d.Releases, "Releases", repositoryId, d.ReadOn);
                return d;
            })
            .GroupBy(d => d.ReadOn)
            .Select(g => g.MaxBy(d => d.Releases)!)
            .OrderBy(d => d.ReadOn)
            .ToList();

        await WriteAsync(repositoryId, releases, assets, reads, restored: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a repository's releases, asset snapshots and read days in one transaction: as a read describes them (the
    /// newest description wins), or, restored, keeping what is stored.
    /// </summary>
    private async Task WriteAsync(
        long repositoryId, List<StoredRelease> releases, List<ReleaseAssetSnapshot> assets, List<ReleaseReadDay> reads, bool restored, CancellationToken cancellationToken)
    {
        var started = db.Clock.GetTimestamp();
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", repositoryId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(
                    connection,
                    transaction,
                    releases,
                    sql.BatchRows(restored ? ReleaseStatements.RestoredReleaseShape : ReleaseStatements.ReleaseShape),
                    restored ? sql.MergeRestoredReleases : sql.MergeReleases,
                    (command, r, i) => command
                        .With($"repo_id_{i}", repositoryId).With($"github_release_id_{i}", r.Release.GitHubReleaseId)
                        .With($"tag_{i}", r.Release.Tag).With($"name_{i}", r.Release.Name).With($"published_on_{i}", r.Release.PublishedOn)
                        .With($"prerelease_{i}", r.Release.Prerelease ? 1 : 0).With($"last_seen_on_{i}", r.LastSeenOn),
                    cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(
                    connection,
                    transaction,
                    assets,
                    sql.BatchRows(restored ? ReleaseStatements.RestoredAssetShape : ReleaseStatements.AssetShape),
                    restored ? sql.MergeRestoredAssets : sql.MergeAssets,
                    (command, a, i) => command
                        .With($"repo_id_{i}", repositoryId).With($"asset_id_{i}", a.GitHubAssetId).With($"captured_on_{i}", a.CapturedOn)
                        .With($"github_release_id_{i}", a.GitHubReleaseId).With($"asset_name_{i}", a.Name)
                        .With($"created_on_{i}", a.CreatedOn).With($"download_count_{i}", a.DownloadCount),
                    cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(connection, transaction, reads, sql.BatchRows(ReleaseStatements.ReadShape), sql.MergeReads, (command, d, i) => command
                    .With($"repo_id_{i}", repositoryId).With($"read_on_{i}", d.ReadOn).With($"releases_{i}", d.Releases), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        metrics.Merged("release_asset_snapshots", assets.Count, db.Clock.GetElapsedTime(started));
    }

    private Task<IReadOnlyList<T>> ReadRangeAsync<T>(
        long tenantId, long repositoryId, DateRange range, SqlStatement statement, RowShape shape, Func<RowReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync<IReadOnlyList<T>>(
            async connection =>
            {
                await EnsureInTenantAsync(connection, tenantId, repositoryId, cancellationToken).ConfigureAwait(false);
                using var command = db.Command(connection, statement).With("repo_id", repositoryId).With("from_day", range.From).With("to_day", range.To);
                return await command.ListAsync(shape, map, cancellationToken).ConfigureAwait(false);
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
