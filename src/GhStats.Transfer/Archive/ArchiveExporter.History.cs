using System.Runtime.CompilerServices;
using GhStats.Domain;
using static GhStats.Transfer.Archive.ArchiveRows;

namespace GhStats.Transfer.Archive;

/// <summary>
/// The tables of GitHub's weekly figures, star history and releases: each repository's stored rows in one read (at most a
/// row a day or a week), its asset download snapshots (a row per asset and day) a year at a time.
/// </summary>
public sealed partial class ArchiveExporter
{
    private async IAsyncEnumerable<WeekRow> WeeksAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var week in await traffic.GetTrafficWeeksAsync(repository.TenantId, repository.Id, Span(today), cancellationToken).ConfigureAwait(false))
            {
                yield return new WeekRow(key, week.WeekStart, week.Views, week.UniqueViews, week.Clones, week.UniqueClones);
            }
        }
    }

    private async IAsyncEnumerable<StarDayRow> StarDaysAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var day in await stars.GetStarDaysAsync(repository.TenantId, repository.Id, Span(today), cancellationToken).ConfigureAwait(false))
            {
                yield return new StarDayRow(key, day.Day, day.Stars);
            }
        }
    }

    private async IAsyncEnumerable<StarBackfillRow> BackfillsAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            if (await stars.GetBackfillAsync(repository.Id, cancellationToken).ConfigureAwait(false) is { } backfill)
            {
                yield return new StarBackfillRow(key, backfill.State, backfill.NextPage, backfill.StarsRead, backfill.FirstStarOn, backfill.KnownThrough, backfill.LimitReason);
            }
        }
    }

    private async IAsyncEnumerable<ReleaseRow> ReleasesAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var (release, lastSeenOn) in await releases.GetStoredReleasesAsync(repository.TenantId, repository.Id, Span(today), cancellationToken).ConfigureAwait(false))
            {
                yield return new ReleaseRow(key, release.GitHubReleaseId, release.Tag, release.Name, release.PublishedOn, release.Prerelease, lastSeenOn);
            }
        }
    }

    private async IAsyncEnumerable<ReleaseAssetRow> AssetSnapshotsAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var year in Years(today))
            {
                foreach (var snapshot in await releases.GetAssetSnapshotsAsync(repository.TenantId, repository.Id, year, cancellationToken).ConfigureAwait(false))
                {
                    yield return new ReleaseAssetRow(key, snapshot.CapturedOn, snapshot.GitHubAssetId, snapshot.GitHubReleaseId, snapshot.Name, snapshot.CreatedOn, snapshot.DownloadCount);
                }
            }
        }
    }

    private async IAsyncEnumerable<ReleaseReadRow> ReleaseReadsAsync(List<(TrackedRepository Repository, int Key, int Tenant)> keyed, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (repository, key, _) in keyed)
        {
            foreach (var read in await releases.GetReleaseReadDaysAsync(repository.TenantId, repository.Id, Span(today), cancellationToken).ConfigureAwait(false))
            {
                yield return new ReleaseReadRow(key, read.ReadOn, read.Releases);
            }
        }
    }
}
