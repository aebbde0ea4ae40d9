using GhStats.Domain;
using GhStats.Transfer.Import;
using static GhStats.Transfer.Archive.ArchiveRows;

namespace GhStats.Transfer.Archive;

/// <summary>The checks of GitHub's weekly figures, star history and releases: each row names a repository of the archive, in order.</summary>
internal static partial class ArchiveValidation
{
    private static void ValidateHistory(ArchiveReader reader, List<int> repositoryTenants, DateOnly today, CancellationToken cancellationToken)
    {
        (int, DateOnly, string) last = default;
        foreach (var (row, line) in reader.Read<WeekRow>(ArchiveTables.TrafficWeeks, cancellationToken))
        {
            const string table = ArchiveTables.TrafficWeeks;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(row.WeekStart.DayOfWeek == DayOfWeek.Monday, table, line, $"week {row.WeekStart:yyyy-MM-dd} does not start on a Monday (GitHub's weeks do)");
            Require(row.Views >= 0 && row.UniqueViews >= 0 && row.Clones >= 0 && row.UniqueClones >= 0, table, line, "negative count");
            var problem = SourceRows.Problem(new SourceDay(row.WeekStart, row.Views, row.UniqueViews, row.Clones, row.UniqueClones, DayCoverage.Complete), today);
            Require(problem is null, table, line, problem ?? "");
            last = Ordered(last, (row.Repository, row.WeekStart, ""), table, line);
        }

        last = default;
        foreach (var (row, line) in reader.Read<StarDayRow>(ArchiveTables.StarHistory, cancellationToken))
        {
            const string table = ArchiveTables.StarHistory;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(row.Stars >= 0, table, line, "negative count");
            Require(Day(row.Day, today), table, line, $"bad date {row.Day:yyyy-MM-dd}");
            last = Ordered(last, (row.Repository, row.Day, ""), table, line);
        }

        last = default;
        foreach (var (row, line) in reader.Read<StarBackfillRow>(ArchiveTables.StarBackfills, cancellationToken))
        {
            const string table = ArchiveTables.StarBackfills;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(
                row.State switch
                {
                    StarBackfillState.InProgress => row.NextPage >= 2,
                    StarBackfillState.Complete or StarBackfillState.Limited => row.NextPage == 0,
                    _ => false,
                },
                table,
                line,
                "a stored backfill is in progress with a next page after the first, or complete or limited with none");
            Require(row.StarsRead >= 0, table, line, "negative count");
            Require(
                (row.FirstStarOn is null && row.KnownThrough is null)
                    || (row.FirstStarOn is { } first && row.KnownThrough is { } through && Day(first, today) && Day(through, today) && first <= through),
                table,
                line,
                "firstStarOn and knownThrough are both days, the first not after the second, or both null");
            Require(
                row.State == StarBackfillState.Limited
                    ? row.LimitReason is { } reason && !string.IsNullOrWhiteSpace(reason) && reason.Length <= FieldLimits.StarBackfillLimitReason
                    : row.LimitReason is null,
                table,
                line,
                "a limited backfill says why (within its column's limit); no other does");

            // One state a repository: strictly increasing keys.
            last = Ordered(last, (row.Repository, DateOnly.MinValue, ""), table, line);
        }

        (int, DateOnly, long) lastRelease = default;
        var releaseIds = new HashSet<long>();
        foreach (var (row, line) in reader.Read<ReleaseRow>(ArchiveTables.Releases, cancellationToken))
        {
            const string table = ArchiveTables.Releases;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(row.Release > 0, table, line, "GitHub's release id is positive");
            Require(Text(row.Tag, FieldLimits.ReleaseTag), table, line, "tag empty, too long or holding control characters");

            // A release's title is free text on GitHub (line ends included): only its length and a NUL are refused.
            Require(!string.IsNullOrWhiteSpace(row.Name) && row.Name.Length <= FieldLimits.ReleaseName && !row.Name.Contains('\0', StringComparison.Ordinal), table, line, "name empty or too long");
            Require(Day(row.PublishedOn, today) && Day(row.LastSeenOn, today), table, line, $"bad date {row.PublishedOn:yyyy-MM-dd} or {row.LastSeenOn:yyyy-MM-dd}");
            if (row.Repository != lastRelease.Item1)
            {
                releaseIds.Clear();
            }

            Require(releaseIds.Add(row.Release), table, line, "release listed twice for its repository");
            lastRelease = Ordered(lastRelease, (row.Repository, row.PublishedOn, row.Release), table, line);
        }

        lastRelease = default;
        foreach (var (row, line) in reader.Read<ReleaseAssetRow>(ArchiveTables.ReleaseAssetSnapshots, cancellationToken))
        {
            const string table = ArchiveTables.ReleaseAssetSnapshots;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(row.Asset > 0 && row.Release > 0, table, line, "GitHub's asset and release ids are positive");
            Require(Text(row.Name, FieldLimits.AssetName), table, line, "name empty, too long or holding control characters");
            Require(row.Downloads >= 0, table, line, "negative count");
            Require(Day(row.CapturedOn, today) && Day(row.CreatedOn, today), table, line, $"bad date {row.CapturedOn:yyyy-MM-dd} or {row.CreatedOn:yyyy-MM-dd}");
            lastRelease = Ordered(lastRelease, (row.Repository, row.CapturedOn, row.Asset), table, line);
        }

        last = default;
        foreach (var (row, line) in reader.Read<ReleaseReadRow>(ArchiveTables.ReleaseReads, cancellationToken))
        {
            const string table = ArchiveTables.ReleaseReads;
            Repository(repositoryTenants, row.Repository, table, line);
            Require(row.Releases >= 0, table, line, "negative count");
            Require(Day(row.ReadOn, today), table, line, $"bad date {row.ReadOn:yyyy-MM-dd}");
            last = Ordered(last, (row.Repository, row.ReadOn, ""), table, line);
        }
    }

    /// <summary>Rows keyed by GitHub's ids come together by repository, then day, then id.</summary>
    private static (int, DateOnly, long) Ordered((int, DateOnly, long) last, (int, DateOnly, long) current, string table, long line)
    {
        Require(current.CompareTo(last) > 0, table, line, OutOfOrder);
        return current;
    }

    private static bool Day(DateOnly day, DateOnly today) => day >= SourceRows.EarliestDay && day <= today;
}
