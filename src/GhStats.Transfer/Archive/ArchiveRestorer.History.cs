using GhStats.Domain;
using GhStats.Transfer.Import;
using static GhStats.Transfer.Archive.ArchiveRows;

namespace GhStats.Transfer.Archive;

/// <summary>
/// GitHub's weekly figures, star history and releases, restored by merges that never lower or replace what is stored: a
/// week keeps the maximum of each field, a star day the larger count, a repository's own backfill state stays (else the
/// archive's is stored), a stored release keeps its description and takes the later last read day, an asset's snapshot
/// of a day and a read day take the larger count. Each batch is compared with what is stored first, so a dry run counts
/// exactly what the restore writes.
/// </summary>
public sealed partial class ArchiveRestorer
{
    private async Task RestoreHistoryAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        await RestoreBatchesAsync(reader.Read<WeekRow>(ArchiveTables.TrafficWeeks, cancellationToken), r => r.Repository, r => r.WeekStart, run, WriteWeeksAsync, cancellationToken).ConfigureAwait(false);
        await RestoreBatchesAsync(reader.Read<StarDayRow>(ArchiveTables.StarHistory, cancellationToken), r => r.Repository, r => r.Day, run, WriteStarDaysAsync, cancellationToken).ConfigureAwait(false);
        await RestoreBackfillsAsync(reader, run, cancellationToken).ConfigureAwait(false);
        run.Advance(reader, ArchiveTables.StarBackfills);
        await RestoreBatchesAsync(reader.Read<ReleaseRow>(ArchiveTables.Releases, cancellationToken), r => r.Repository, r => r.PublishedOn, run, WriteReleasesAsync, cancellationToken).ConfigureAwait(false);
        await RestoreBatchesAsync(reader.Read<ReleaseAssetRow>(ArchiveTables.ReleaseAssetSnapshots, cancellationToken), r => r.Repository, r => r.CapturedOn, run, WriteAssetSnapshotsAsync, cancellationToken).ConfigureAwait(false);
        await RestoreBatchesAsync(reader.Read<ReleaseReadRow>(ArchiveTables.ReleaseReads, cancellationToken), r => r.Repository, r => r.ReadOn, run, WriteReleaseReadsAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands a table's rows to a writer a repository and at most <see cref="BatchRows"/> rows at a time (more where
    /// <paramref name="together"/> says the next row must join the last), with the days the batch spans; counts them.
    /// </summary>
    private static async Task RestoreBatchesAsync<T>(
        IEnumerable<(T Row, long Line)> rows,
        Func<T, int> repositoryOf,
        Func<T, DateOnly> dayOf,
        Run run,
        Func<Run, RepositoryState, List<T>, DateRange, CancellationToken, Task> write,
        CancellationToken cancellationToken,
        Func<T, T, bool>? together = null)
    {
        RepositoryState? current = null;
        var batch = new List<T>();
        foreach (var (row, _) in rows)
        {
            var repository = run.Repositories[repositoryOf(row)];
            if (repository != current || (batch.Count >= BatchRows && together?.Invoke(batch[^1], row) != true))
            {
                await FlushAsync().ConfigureAwait(false);
                current = repository;
            }

            batch.Add(row);
        }

        await FlushAsync().ConfigureAwait(false);

        async Task FlushAsync()
        {
            if (current is not null && batch.Count > 0)
            {
                await write(run, current, batch, new DateRange(batch.Min(dayOf), batch.Max(dayOf)), cancellationToken).ConfigureAwait(false);
                run.Advance(batch.Count);
            }

            batch.Clear();
        }
    }

    private async Task WriteWeeksAsync(Run run, RepositoryState repository, List<WeekRow> batch, DateRange range, CancellationToken cancellationToken)
    {
        var have = Stored(repository) is { } id
            ? (await traffic.GetTrafficWeeksAsync(repository.Tenant.Id!.Value, id, range, cancellationToken).ConfigureAwait(false)).ToDictionary(w => w.WeekStart)
            : [];
        var write = new List<TrafficWeek>();
        foreach (var row in batch)
        {
            var incoming = new TrafficWeek(repository.Id ?? 0, row.WeekStart, row.Views, row.UniqueViews, row.Clones, row.UniqueClones);
            if (!have.TryGetValue(row.WeekStart, out var kept)
                || incoming.Views > kept.Views || incoming.UniqueViews > kept.UniqueViews || incoming.Clones > kept.Clones || incoming.UniqueClones > kept.UniqueClones)
            {
                // The store keeps the maximum of each field: a week raised in one field keeps the others.
                write.Add(incoming);
            }
        }

        repository.Tenant.History.WeeksWritten += write.Count;
        if (!run.DryRun && write.Count > 0)
        {
            await traffic.MergeTrafficWeeksAsync(write, cancellationToken).ConfigureAwait(false);
            repository.Wrote = true;
        }
    }

    private async Task WriteStarDaysAsync(Run run, RepositoryState repository, List<StarDayRow> batch, DateRange range, CancellationToken cancellationToken)
    {
        var have = Stored(repository) is { } id
            ? (await stars.GetStarDaysAsync(repository.Tenant.Id!.Value, id, range, cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Day, d => d.Stars)
            : [];
        var write = batch
            .Where(row => !have.TryGetValue(row.Day, out var kept) || row.Stars > kept)
            .Select(row => new StarHistoryDay(repository.Id ?? 0, row.Day, row.Stars))
            .ToList();
        repository.Tenant.History.StarDaysWritten += write.Count;
        if (!run.DryRun && write.Count > 0)
        {
            await stars.MergeStarDaysAsync(write, cancellationToken).ConfigureAwait(false);
            repository.Wrote = true;
        }
    }

    /// <summary>A repository's own backfill state stays: the archive's is stored only where there is none.</summary>
    private async Task RestoreBackfillsAsync(ArchiveReader reader, Run run, CancellationToken cancellationToken)
    {
        foreach (var (row, _) in reader.Read<StarBackfillRow>(ArchiveTables.StarBackfills, cancellationToken))
        {
            var repository = run.Repositories[row.Repository];
            if (Stored(repository) is { } id && await stars.GetBackfillAsync(id, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            repository.Tenant.History.StarBackfillsNew++;
            if (!run.DryRun)
            {
                await stars.RestoreBackfillAsync(
                    new StarBackfill(repository.Id!.Value, row.State, row.NextPage, row.StarsRead, row.FirstStarOn, row.KnownThrough, row.LimitReason, clock.GetUtcNow()),
                    cancellationToken).ConfigureAwait(false);
                repository.Wrote = true;
            }
        }
    }

    private async Task WriteReleasesAsync(Run run, RepositoryState repository, List<ReleaseRow> batch, DateRange range, CancellationToken cancellationToken)
    {
        // By GitHub's id over every publication day: a release stored with another publication day is still the same release.
        var have = Stored(repository) is { } id
            ? (await releases.GetStoredReleasesAsync(repository.Tenant.Id!.Value, id, AllDays, cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Release.GitHubReleaseId, r => r.LastSeenOn)
            : [];
        var write = batch
            .Where(row => !have.TryGetValue(row.Release, out var lastSeenOn) || row.LastSeenOn > lastSeenOn)
            .Select(row => new StoredRelease(new RepositoryRelease(repository.Id ?? 0, row.Release, row.Tag, row.Name, row.PublishedOn, row.Prerelease), row.LastSeenOn))
            .ToList();
        repository.Tenant.History.ReleasesWritten += write.Count;
        if (!run.DryRun && write.Count > 0)
        {
            await releases.MergeReleaseHistoryAsync(new ReleaseHistory(repository.Id!.Value, write, [], []), cancellationToken).ConfigureAwait(false);
            repository.Wrote = true;
        }
    }

    private async Task WriteAssetSnapshotsAsync(Run run, RepositoryState repository, List<ReleaseAssetRow> batch, DateRange range, CancellationToken cancellationToken)
    {
        var have = Stored(repository) is { } id
            ? (await releases.GetAssetSnapshotsAsync(repository.Tenant.Id!.Value, id, range, cancellationToken).ConfigureAwait(false)).ToDictionary(s => (s.GitHubAssetId, s.CapturedOn), s => s.DownloadCount)
            : [];
        var write = batch
            .Where(row => !have.TryGetValue((row.Asset, row.CapturedOn), out var kept) || row.Downloads > kept)
            .Select(row => new ReleaseAssetSnapshot(repository.Id ?? 0, row.Asset, row.CapturedOn, row.Release, row.Name, row.CreatedOn, row.Downloads))
            .ToList();
        repository.Tenant.History.AssetSnapshotsWritten += write.Count;
        if (!run.DryRun && write.Count > 0)
        {
            await releases.MergeReleaseHistoryAsync(new ReleaseHistory(repository.Id!.Value, [], write, []), cancellationToken).ConfigureAwait(false);
            repository.Wrote = true;
        }
    }

    private async Task WriteReleaseReadsAsync(Run run, RepositoryState repository, List<ReleaseReadRow> batch, DateRange range, CancellationToken cancellationToken)
    {
        var have = Stored(repository) is { } id
            ? (await releases.GetReleaseReadDaysAsync(repository.Tenant.Id!.Value, id, range, cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.ReadOn, d => d.Releases)
            : [];
        var write = batch
            .Where(row => !have.TryGetValue(row.ReadOn, out var kept) || row.Releases > kept)
            .Select(row => new ReleaseReadDay(repository.Id ?? 0, row.ReadOn, row.Releases))
            .ToList();
        repository.Tenant.History.ReleaseReadDaysWritten += write.Count;
        if (!run.DryRun && write.Count > 0)
        {
            await releases.MergeReleaseHistoryAsync(new ReleaseHistory(repository.Id!.Value, [], [], write), cancellationToken).ConfigureAwait(false);
            repository.Wrote = true;
        }
    }

    /// <summary>The repository's id when it held rows before this restore; null for one the restore creates (or, dry, would).</summary>
    private static long? Stored(RepositoryState repository) =>
        repository.Outcome == RepositoryImportOutcome.Existing ? repository.Id : null;

    /// <summary>What a restore did (or would do) to a tenant's weekly figures, star history and releases.</summary>
    private sealed class HistoryCounts
    {
        public int WeeksWritten { get; set; }

        public int StarDaysWritten { get; set; }

        public int StarBackfillsNew { get; set; }

        public int ReleasesWritten { get; set; }

        public int AssetSnapshotsWritten { get; set; }

        public int ReleaseReadDaysWritten { get; set; }
    }
}
