using System.Data.Common;
using System.Runtime.CompilerServices;
using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Storage.Relational;
using GhStats.Storage.Sql;
using GhStats.Stores;

namespace GhStats.Storage.Traffic;

/// <summary>Traffic, snapshots and counters on a relational database.</summary>
internal sealed class TrafficStore(StoreDatabase db, TrafficStatements sql, GhStatsMetrics metrics) : ITrafficStore
{
    public async Task MergeTrafficDaysAsync(IReadOnlyCollection<TrafficDay> days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(days);
        // A plain merge knows the counts only as a lower bound: partial; the maximum rule keeps a better coverage already stored.
        var rows = FoldDays(days, db.Today).ConvertAll(d => (Traffic: d, Coverage: DayCoverage.Partial));
        if (rows.Count == 0)
        {
            return;
        }

        var started = db.Clock.GetTimestamp();
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                // FoldDays orders by repository, so the repositories are locked in one order by every writer.
                foreach (var repository in rows.GroupBy(d => d.Traffic.RepositoryId))
                {
                    await WriteDaysAsync(connection, transaction, repository.Key, [.. repository], cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        metrics.Merged("traffic_daily", rows.Count, db.Clock.GetElapsedTime(started));
    }

    public async Task MergeTrafficWindowAsync(TrafficWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(window.Days);
        var today = db.Today;
        var repositoryId = window.RepositoryId;
        Input.Day(window.FirstDay, "FirstDay", repositoryId, today);
        Input.Day(window.LastDay, "LastDay", repositoryId, today);
        Input.Day(window.ReadOn, "ReadOn", repositoryId, today);
        if (window.FirstDay > window.LastDay)
        {
            throw new ArgumentException($"The window of repository {repositoryId} starts on {window.FirstDay:yyyy-MM-dd}, after its last day {window.LastDay:yyyy-MM-dd}.", nameof(window));
        }

        var held = FoldDays(window.Days, today);
        var stray = held.Find(d => d.RepositoryId != repositoryId || window.CoverageOf(d.Day) == DayCoverage.NotCollected);
        if (stray is not null)
        {
            throw new ArgumentException($"Day {stray.Day:yyyy-MM-dd} of repository {stray.RepositoryId} is outside the window {window.FirstDay:yyyy-MM-dd}..{window.LastDay:yyyy-MM-dd} of repository {repositoryId}.", nameof(window));
        }

        // Days the response left out are GitHub's zeros; the maximum rule keeps anything larger already stored, counts
        // and coverage alike (the window's edges partial, the days inside complete).
        var byDay = held.ToDictionary(d => d.Day);
        var days = new List<(TrafficDay Traffic, DayCoverage Coverage)>();
        for (var day = window.FirstDay; day <= window.LastDay; day = day.AddDays(1))
        {
            days.Add((byDay.GetValueOrDefault(day) ?? new TrafficDay(repositoryId, day, 0, 0, 0, 0), window.CoverageOf(day)));
        }

        var started = db.Clock.GetTimestamp();
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                await WriteDaysAsync(connection, transaction, repositoryId, days, cancellationToken).ConfigureAwait(false);
                using var read = db.Command(connection, transaction, sql.RecordDailyRead).With("read_on", window.ReadOn).With("repo_id", repositoryId).With("read_on_later", window.ReadOn);
                await read.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        metrics.Merged("traffic_daily", days.Count, db.Clock.GetElapsedTime(started));
    }

    public Task MergeTrafficWeeksAsync(IReadOnlyCollection<TrafficWeek> weeks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var today = db.Today;
        var rows = weeks
            .Select(w => Checked(w, today))
            .GroupBy(w => (w.RepositoryId, w.WeekStart))
            .Select(g => g.Aggregate((a, b) => a with
            {
                Views = Math.Max(a.Views, b.Views),
                UniqueViews = Math.Max(a.UniqueViews, b.UniqueViews),
                Clones = Math.Max(a.Clones, b.Clones),
                UniqueClones = Math.Max(a.UniqueClones, b.UniqueClones),
            }))
            .OrderBy(w => w.RepositoryId).ThenBy(w => w.WeekStart)
            .ToList();

        return MergeAsync("traffic_weekly", rows, TrafficStatements.WeeklyShape, sql.MergeWeeks, w => w.RepositoryId, (command, w, i) => command
            .With($"repo_id_{i}", w.RepositoryId).With($"week_start_{i}", w.WeekStart)
            .With($"views_{i}", w.Views).With($"unique_views_{i}", w.UniqueViews)
            .With($"clones_{i}", w.Clones).With($"unique_clones_{i}", w.UniqueClones), cancellationToken);
    }

    public Task MergeReferrerSnapshotsAsync(IReadOnlyCollection<ReferrerSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return MergeAsync("referrer_snapshots", CheckedReferrers(snapshots, db.Today), TrafficStatements.ReferrerShape, sql.MergeReferrers, s => s.RepositoryId, BindReferrer, cancellationToken);
    }

    public Task MergePathSnapshotsAsync(IReadOnlyCollection<PathSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return MergeAsync("path_snapshots", CheckedPaths(snapshots, db.Today), TrafficStatements.PathShape, sql.MergePaths, s => s.RepositoryId, BindPath, cancellationToken);
    }

    public async Task MergeImportedHistoryAsync(ImportedHistory history, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(history.Days);
        ArgumentNullException.ThrowIfNull(history.Referrers);
        ArgumentNullException.ThrowIfNull(history.Paths);
        var today = db.Today;
        var repositoryId = history.RepositoryId;
        var stray = history.Days.Select(d => (d.Traffic.RepositoryId, d.Traffic.Day))
            .Concat(history.Referrers.Select(s => (s.RepositoryId, Day: s.CapturedOn)))
            .Concat(history.Paths.Select(s => (s.RepositoryId, Day: s.CapturedOn)))
            .FirstOrDefault(k => k.RepositoryId != repositoryId);
        if (stray != default)
        {
            throw new ArgumentException($"Day {stray.Day:yyyy-MM-dd} belongs to repository {stray.RepositoryId}, not to repository {repositoryId} whose history is imported.", nameof(history));
        }

        if (history.Days.FirstOrDefault(d => d.Coverage is not (DayCoverage.Partial or DayCoverage.Complete)) is { } unproven)
        {
            throw new ArgumentException($"Day {unproven.Traffic.Day:yyyy-MM-dd} of repository {repositoryId} is imported as {unproven.Coverage}; only partial or complete days are stored.", nameof(history));
        }

        // Repeats of a day fold by the maximum of each field and the better coverage, as the database then merges them.
        var coverage = history.Days.GroupBy(d => d.Traffic.Day).ToDictionary(g => g.Key, g => g.Max(d => d.Coverage));
        var days = FoldDays(history.Days.Select(d => d.Traffic), today).ConvertAll(d => (Traffic: d, Coverage: coverage[d.Day]));
        var referrers = CheckedReferrers(history.Referrers, today);
        var paths = CheckedPaths(history.Paths, today);

        var started = db.Clock.GetTimestamp();
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                await WriteDaysAsync(connection, transaction, repositoryId, days, cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(connection, transaction, referrers, sql.BatchRows(TrafficStatements.ReferrerShape), sql.MergeReferrers, BindReferrer, cancellationToken).ConfigureAwait(false);
                await db.WriteBatchesAsync(connection, transaction, paths, sql.BatchRows(TrafficStatements.PathShape), sql.MergePaths, BindPath, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        var elapsed = db.Clock.GetElapsedTime(started);
        metrics.Merged("traffic_daily", days.Count, elapsed);
        metrics.Merged("referrer_snapshots", referrers.Count, elapsed);
        metrics.Merged("path_snapshots", paths.Count, elapsed);
    }

    public Task MergeRepositoryStatsAsync(IReadOnlyCollection<RepositoryDailyStats> stats, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var today = db.Today;
        var rows = stats
            .Select(s => Checked(s, today))
            .GroupBy(s => (s.RepositoryId, s.Day))
            .Select(g => g.Last())
            .OrderBy(s => s.RepositoryId).ThenBy(s => s.Day)
            .ToList();

        return MergeAsync("repo_daily_stats", rows, TrafficStatements.StatsShape, sql.MergeStats, s => s.RepositoryId, (command, s, i) => command
            .With($"repo_id_{i}", s.RepositoryId).With($"day_{i}", s.Day)
            .With($"stars_{i}", s.Stars).With($"forks_{i}", s.Forks).With($"watchers_{i}", s.Watchers)
            .With($"open_issues_{i}", s.OpenIssues).With($"size_kb_{i}", s.SizeKb),
            cancellationToken,
            async (connection, transaction) =>
            {
                // Each repository's latest day of this write (rows are in day order) becomes its latest counters unless
                // it already has a later day's.
                foreach (var s in rows.GroupBy(s => s.RepositoryId).Select(g => g.Last()))
                {
                    using var latest = db.Command(connection, transaction, sql.RecordLatestStats)
                        .With("day", s.Day).With("stars", s.Stars).With("forks", s.Forks).With("watchers", s.Watchers)
                        .With("open_issues", s.OpenIssues).With("size_kb", s.SizeKb).With("repo_id", s.RepositoryId).With("day_again", s.Day);
                    await latest.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            });
    }

    public Task<TrafficSeries> GetTrafficSeriesAsync(long tenantId, long repositoryId, DateRange range, TrafficPeriod per, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var covered = range.AlignTo(per);
        return db.ReadAsync(
            async connection =>
            {
                await EnsureInTenantAsync(connection, tenantId, repositoryId, cancellationToken).ConfigureAwait(false);
                (SqlStatement Statement, RowShape Shape, Func<RowReader, (TrafficPoint Point, long PeakViews, long PeakClones)> Read) query = per switch
                {
                    TrafficPeriod.Day => (sql.SeriesPerDay, CoveredDayRows.Shape, ReadDayPoint),
                    TrafficPeriod.Week => (sql.SeriesPerWeek, TrafficBucketRows.WeekShape, TrafficBucketRows.ReadWeek),
                    TrafficPeriod.Month => (sql.SeriesPerMonth, TrafficBucketRows.Shape, TrafficBucketRows.ReadMonth),
                    _ => throw new ArgumentOutOfRangeException(nameof(per), per, "Unknown traffic period."),
                };

                using var command = db.Command(connection, query.Statement)
                    .With("repo_id", repositoryId).With("from_day", covered.From).With("to_day", covered.To);
                var rows = (await command.ListAsync(query.Shape, query.Read, cancellationToken).ConfigureAwait(false)).ToDictionary(row => row.Point.Date);

                // Every period of the range gets a point; one the database has no row for was never collected.
                var points = new List<TrafficPoint>();
                long views = 0, clones = 0, peakUniqueViews = 0, peakUniqueClones = 0;
                int known = 0, partial = 0;
                for (var start = covered.From; start <= covered.To; start = NextPeriod(start, per))
                {
                    var periodDays = NextPeriod(start, per).DayNumber - start.DayNumber;
                    if (!rows.TryGetValue(start, out var row))
                    {
                        points.Add(new TrafficPoint(start, 0, null, 0, null, periodDays, 0, 0));
                        continue;
                    }

                    var point = row.Point with { Days = periodDays };
                    points.Add(point);
                    views += point.Views;
                    clones += point.Clones;
                    peakUniqueViews = Math.Max(peakUniqueViews, row.PeakViews);
                    peakUniqueClones = Math.Max(peakUniqueClones, row.PeakClones);
                    known += point.KnownDays;
                    partial += point.PartialDays;
                }

                return new TrafficSeries(repositoryId, per, covered.From, covered.To, points,
                    new TrafficTotals(views, clones, peakUniqueViews, peakUniqueClones, known, covered.Days, known, partial));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<RepositorySummary>> GetTenantSummaryAsync(long tenantId, DateRange range, IReadOnlyCollection<long>? repositoryIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync<IReadOnlyList<RepositorySummary>>(
            async connection =>
            {
                await db.RequireAsync(connection, null, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken).ConfigureAwait(false);

                List<(TrackedRepository Repository, TrafficTotals Totals, RepositoryDailyStats? Latest)> rows;
                using (var summary = BindCover(db.Command(connection, sql.TenantSummary), tenantId, range).With("tenant_id", tenantId))
                {
                    rows = await summary.ListAsync(TenantSummaryRows.Shape, r => TenantSummaryRows.Read(r, range.Days), cancellationToken).ConfigureAwait(false);
                }

                // A repository's latest counters are its last in the range unless they came after the range's end: only
                // then does the summary look each repository's last counters in the range up.
                Dictionary<long, RepositoryDailyStats>? before = null;
                if (rows.Any(row => row.Latest?.Day > range.To))
                {
                    using var stats = db.Command(connection, sql.TenantLatestStats)
                        .With("tenant_id", tenantId).With("from_day", range.From).With("to_day", range.To);
                    before = (await stats.ListAsync(RepositoryStatsRows.Shape, RepositoryStatsRows.Read, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.RepositoryId);
                }

                var visible = repositoryIds is null ? null : new HashSet<long>(repositoryIds);
                return rows
                    .Where(row => visible is null || visible.Contains(row.Repository.Id))
                    .Select(row => new RepositorySummary(row.Repository, row.Totals, row.Latest switch
                    {
                        null => null,
                        { Day: var day } when day > range.To => before!.GetValueOrDefault(row.Repository.Id),
                        { Day: var day } when day < range.From => null,
                        var latest => latest,
                    }))
                    .ToList();
            },
            cancellationToken);
    }

    public IAsyncEnumerable<CoveredTrafficDay> StreamTenantTrafficDaysAsync(long tenantId, DateRange range, IReadOnlyCollection<long>? repositoryIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(range);
        var visible = repositoryIds is null ? null : new HashSet<long>(repositoryIds);
        return db.StreamAsync((connection, cancel) => StreamTenantTrafficDaysAsync(connection, tenantId, range, visible, cancel), cancellationToken);
    }

    public Task<IReadOnlyList<ReferrerSnapshot>> GetReferrerHistoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync(tenantId, repositoryId, range, sql.ReferrerHistory, ReferrerRows.Shape, ReferrerRows.Read, cancellationToken);

    public Task<IReadOnlyList<PathSnapshot>> GetPathHistoryAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync(tenantId, repositoryId, range, sql.PathHistory, PathRows.Shape, PathRows.Read, cancellationToken);

    public Task<IReadOnlyList<TrafficWeek>> GetTrafficWeeksAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync(tenantId, repositoryId, range, sql.WeeksHistory, TrafficWeekRows.Shape, TrafficWeekRows.Read, cancellationToken);

    public Task<IReadOnlyList<RepositoryDailyStats>> GetRepositoryStatsAsync(long tenantId, long repositoryId, DateRange range, CancellationToken cancellationToken = default) =>
        ReadHistoryAsync(tenantId, repositoryId, range, sql.StatsHistory, RepositoryStatsRows.Shape, RepositoryStatsRows.Read, cancellationToken);

    /// <summary>Binds the runs of blocks and edge days that cover a range (<see cref="TrafficBlocks.Cover"/>) to the summary's statement.</summary>
    private static StoreCommand BindCover(StoreCommand command, long tenantId, DateRange range)
    {
        var runs = TrafficBlocks.Cover(range);
        for (var i = 0; i < runs.Length; i++)
        {
            var (first, last) = runs[i];
            if (TrafficBlocks.RunSpans[i] == 1)
            {
                // A run of days lies in one 4-day block: each of its places is on when its day is in the run.
                var block = TrafficBlocks.StartOf(first, TrafficBlocks.DaySpan);
                for (var k = 0; k < TrafficBlocks.DaySpan; k++)
                {
                    command.With($"has_day_{i}_{k}", first <= block + k && block + k <= last ? 1 : 0)
                        .With($"tenant_id_{i}_{k}", tenantId).With($"day_block_{i}_{k}", block);
                }
            }
            else
            {
                command.With($"tenant_id_{i}", tenantId).With($"first_block_{i}", first).With($"last_block_{i}", last);
            }
        }

        return command;
    }

    /// <summary>
    /// Writes one repository's days (folded, its own) and the changes they make to its rollups, in the caller's
    /// transaction: locks the repository (not found when it does not exist), reads the days stored before, merges the days
    /// and adds what changed to each touched block once.
    /// </summary>
    private async Task WriteDaysAsync(
        DbConnection connection, DbTransaction transaction, long repositoryId, List<(TrafficDay Traffic, DayCoverage Coverage)> days, CancellationToken cancellationToken)
    {
        long tenantId;
        using (var lockRepository = db.Command(connection, transaction, sql.LockRepository).With("repo_id", repositoryId))
        {
            tenantId = await lockRepository.ScalarInt64Async(cancellationToken).ConfigureAwait(false)
                ?? throw new GhStatsNotFoundException("repository", repositoryId);
        }

        if (days.Count == 0)
        {
            return;
        }

        Dictionary<int, StoredDay> before;
        using (var stored = db.Command(connection, transaction, sql.SeriesPerDay)
            .With("repo_id", repositoryId).With("from_day", days.Min(d => d.Traffic.Day)).With("to_day", days.Max(d => d.Traffic.Day)))
        {
            before = (await stored.ListAsync(CoveredDayRows.Shape, r => CoveredDayRows.Read(r).Day!, cancellationToken).ConfigureAwait(false))
                .ToDictionary(d => d.Traffic.Day.DayNumber, d => Stored(d.Traffic, d.Coverage));
        }

        // Each day as the merge leaves it (the maximum rule). A day it leaves as stored is not written again: the
        // repository's row lock keeps the days read above current until the transaction ends, and a collector's 14-day
        // windows overlap the stored days on all but the newest.
        var merged = days.Select(d =>
        {
            var old = before.GetValueOrDefault(d.Traffic.Day.DayNumber);
            var written = Stored(d.Traffic, d.Coverage);
            return (Day: d, Before: old, After: old is null ? written : new StoredDay(
                written.DayNumber,
                Math.Max(old.Views, written.Views),
                Math.Max(old.UniqueViews, written.UniqueViews),
                Math.Max(old.Clones, written.Clones),
                Math.Max(old.UniqueClones, written.UniqueClones),
                old.Partial && written.Partial));
        }).ToList();
        var changed = merged.Where(m => m.Before != m.After).Select(m => m.Day).ToList();
        await db.WriteBatchesAsync(connection, transaction, changed, sql.BatchRows(TrafficStatements.DailyShape), sql.MergeDays, BindDay, cancellationToken).ConfigureAwait(false);

        // The 4-day blocks first (with their days), then the larger ones: every writer touches blocks in one order.
        var changes = TrafficBlocks.Changes(tenantId, repositoryId, merged.Select(m => (m.Before, m.After)));
        var dayBlocks = changes.Where(b => b.Span == TrafficBlocks.DaySpan).ToList();
        await db.WriteBatchesAsync(connection, transaction, dayBlocks, sql.BatchRows(TrafficStatements.DayBlockShape), sql.MergeDayBlocks, BindDayBlock, cancellationToken).ConfigureAwait(false);
        var larger = changes.Where(b => b.Span != TrafficBlocks.DaySpan).ToList();
        await db.WriteBatchesAsync(connection, transaction, larger, sql.BatchRows(TrafficStatements.RollupShape), sql.MergeRollups, BindBlock, cancellationToken).ConfigureAwait(false);

        static StoredDay Stored(TrafficDay d, DayCoverage coverage) =>
            new(d.Day.DayNumber, d.Views, d.UniqueViews, d.Clones, d.UniqueClones, coverage != DayCoverage.Complete);
    }

    private static StoreCommand BindBlock(StoreCommand command, TrafficBlock b, int i) => command
        .With($"tenant_id_{i}", b.TenantId).With($"span_{i}", b.Span).With($"block_start_{i}", b.BlockStart).With($"repo_id_{i}", b.RepositoryId)
        .With($"views_{i}", b.Views).With($"clones_{i}", b.Clones)
        .With($"peak_unique_views_{i}", b.PeakUniqueViews).With($"peak_unique_clones_{i}", b.PeakUniqueClones)
        .With($"days_{i}", b.Days).With($"partial_days_{i}", b.PartialDays);

    /// <summary>A 4-day block: its sums and peaks, and each of its days the change wrote (zeros elsewhere, which the maximum rule leaves).</summary>
    private static StoreCommand BindDayBlock(StoreCommand command, TrafficBlock b, int i)
    {
        BindBlock(command, b, i);
        for (var k = 0; k < TrafficBlocks.DaySpan; k++)
        {
            var day = b.DaysByPlace[k];
            command.With(TrafficStatements.DayColumn(k, "views") + $"_{i}", day?.Views ?? 0)
                .With(TrafficStatements.DayColumn(k, "unique_views") + $"_{i}", day?.UniqueViews ?? 0)
                .With(TrafficStatements.DayColumn(k, "clones") + $"_{i}", day?.Clones ?? 0)
                .With(TrafficStatements.DayColumn(k, "unique_clones") + $"_{i}", day?.UniqueClones ?? 0)
                .With(TrafficStatements.DayColumn(k, "coverage") + $"_{i}", day is null ? 0 : (int)(day.Partial ? DayCoverage.Partial : DayCoverage.Complete));
        }

        return command;
    }

    /// <summary>A stored day of a daily series; its uniques are also its peaks.</summary>
    private static (TrafficPoint Point, long PeakViews, long PeakClones) ReadDayPoint(RowReader r)
    {
        var (_, covered) = CoveredDayRows.Read(r);
        var day = covered!.Traffic;
        return (TrafficPoint.ForDay(day.Day, covered.Coverage, day.Views, day.UniqueViews, day.Clones, day.UniqueClones), day.UniqueViews, day.UniqueClones);
    }

    private static DateOnly NextPeriod(DateOnly start, TrafficPeriod per) => per switch
    {
        TrafficPeriod.Week => start.AddDays(7),
        TrafficPeriod.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    /// <summary>Checks days and folds repeats (two windows read at once) with the maximum rule before the database sees them.</summary>
    private static List<TrafficDay> FoldDays(IEnumerable<TrafficDay> days, DateOnly today) => days
        .Select(d => Checked(d, today))
        .GroupBy(d => (d.RepositoryId, d.Day))
        .Select(g => g.Aggregate((a, b) => a with
        {
            Views = Math.Max(a.Views, b.Views),
            UniqueViews = Math.Max(a.UniqueViews, b.UniqueViews),
            Clones = Math.Max(a.Clones, b.Clones),
            UniqueClones = Math.Max(a.UniqueClones, b.UniqueClones),
        }))
        .OrderBy(d => d.RepositoryId).ThenBy(d => d.Day)
        .ToList();

    private static StoreCommand BindDay(StoreCommand command, (TrafficDay Traffic, DayCoverage Coverage) day, int i)
    {
        var d = day.Traffic;
        return command
            .With($"repo_id_{i}", d.RepositoryId).With($"day_{i}", d.Day)
            .With($"views_{i}", d.Views).With($"unique_views_{i}", d.UniqueViews)
            .With($"clones_{i}", d.Clones).With($"unique_clones_{i}", d.UniqueClones)
            .With($"coverage_{i}", (int)day.Coverage);
    }

    /// <summary>Checks referrer snapshots and keeps the last capture of each (repository, day, referrer).</summary>
    private static List<ReferrerSnapshot> CheckedReferrers(IEnumerable<ReferrerSnapshot> snapshots, DateOnly today) => snapshots
        .Select(s => Checked(s, today))
        // Db2 ignores trailing blanks when it compares keys while .NET does not; dropping them keeps every database alike.
        .Select(s => s with { Referrer = s.Referrer.TrimEnd() })
        .GroupBy(s => (s.RepositoryId, s.CapturedOn, s.Referrer))
        .Select(g => g.Last())
        .OrderBy(s => s.RepositoryId).ThenBy(s => s.CapturedOn).ThenBy(s => s.Referrer, StringComparer.Ordinal)
        .ToList();

    /// <summary>Checks path snapshots and keeps the last capture of each (repository, day, path).</summary>
    private static List<PathSnapshot> CheckedPaths(IEnumerable<PathSnapshot> snapshots, DateOnly today) => snapshots
        .Select(s => Checked(s, today))
        .Select(s => s with { Path = s.Path.TrimEnd() })
        .GroupBy(s => (s.RepositoryId, s.CapturedOn, s.Path))
        .Select(g => g.Last())
        .OrderBy(s => s.RepositoryId).ThenBy(s => s.CapturedOn).ThenBy(s => s.Path, StringComparer.Ordinal)
        .ToList();

    private static StoreCommand BindReferrer(StoreCommand command, ReferrerSnapshot s, int i) => command
        .With($"repo_id_{i}", s.RepositoryId).With($"captured_on_{i}", s.CapturedOn).With($"referrer_{i}", s.Referrer)
        .With($"views_{i}", s.Views).With($"unique_views_{i}", s.UniqueViews);

    private static StoreCommand BindPath(StoreCommand command, PathSnapshot s, int i) => command
        .With($"repo_id_{i}", s.RepositoryId).With($"captured_on_{i}", s.CapturedOn).With($"path_{i}", s.Path)
        .With($"title_{i}", s.Title).With($"views_{i}", s.Views).With($"unique_views_{i}", s.UniqueViews);

    private Task<IReadOnlyList<T>> ReadHistoryAsync<T>(
        long tenantId, long repositoryId, DateRange range, SqlStatement statement, RowShape shape, Func<RowReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        return db.ReadAsync<IReadOnlyList<T>>(
            async connection =>
            {
                await EnsureInTenantAsync(connection, tenantId, repositoryId, cancellationToken).ConfigureAwait(false);
                using var command = db.Command(connection, statement)
                    .With("repo_id", repositoryId).With("from_day", range.From).With("to_day", range.To);
                return await command.ListAsync(shape, map, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private async IAsyncEnumerable<CoveredTrafficDay> StreamTenantTrafficDaysAsync(
        DbConnection connection, long tenantId, DateRange range, HashSet<long>? visible, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.RequireAsync(connection, null, sql.TenantExists, c => c.With("tenant_id", tenantId), "tenant", tenantId, cancellationToken).ConfigureAwait(false);
        using var command = db.Command(connection, sql.TenantTrafficDays)
            .With("tenant_id", tenantId).With("from_day", range.From).With("to_day", range.To);

        // The rows hold stored days only (or one empty row per repository without any); the days between are not collected.
        long? current = null;
        var next = range.From;
        await foreach (var (repositoryId, covered) in command.StreamAsync(CoveredDayRows.Shape, CoveredDayRows.Read, cancellationToken).ConfigureAwait(false))
        {
            if (visible is not null && !visible.Contains(repositoryId))
            {
                continue;
            }

            if (current != repositoryId)
            {
                if (current is { } finished)
                {
                    foreach (var day in NotCollected(finished, next, range.To))
                    {
                        yield return day;
                    }
                }

                current = repositoryId;
                next = range.From;
            }

            if (covered is null)
            {
                continue;
            }

            foreach (var day in NotCollected(repositoryId, next, covered.Traffic.Day.AddDays(-1)))
            {
                yield return day;
            }

            yield return covered;
            next = covered.Traffic.Day.AddDays(1);
        }

        if (current is { } last)
        {
            foreach (var day in NotCollected(last, next, range.To))
            {
                yield return day;
            }
        }

        static IEnumerable<CoveredTrafficDay> NotCollected(long repositoryId, DateOnly from, DateOnly through)
        {
            for (var day = from; day <= through; day = day.AddDays(1))
            {
                yield return CoveredDayRows.NotCollected(repositoryId, day);
            }
        }
    }

    private async Task EnsureInTenantAsync(DbConnection connection, long tenantId, long repositoryId, CancellationToken cancellationToken)
    {
        await db.RequireAsync(connection, null, sql.RepositoryInTenant, c => c.With("repo_id", repositoryId).With("tenant_id", tenantId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes rows in batches, in one transaction, after checking that every repository exists; records rows and duration per table.</summary>
    private async Task MergeAsync<T>(
        string table,
        List<T> rows,
        MergeShape shape,
        Func<int, SqlStatement> statement,
        Func<T, long> repositoryOf,
        Func<StoreCommand, T, int, StoreCommand> bind,
        CancellationToken cancellationToken,
        Func<DbConnection, DbTransaction, Task>? then = null)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var started = db.Clock.GetTimestamp();
        await db.WriteAsync(
            async (connection, transaction) =>
            {
                foreach (var repositoryId in rows.Select(repositoryOf).Distinct())
                {
                    await db.RequireAsync(connection, transaction, sql.RepositoryExists, c => c.With("repo_id", repositoryId), "repository", repositoryId, cancellationToken).ConfigureAwait(false);
                }

                await db.WriteBatchesAsync(connection, transaction, rows, sql.BatchRows(shape), statement, bind, cancellationToken).ConfigureAwait(false);
                if (then is not null)
                {
                    await then(connection, transaction).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
        metrics.Merged(table, rows.Count, db.Clock.GetElapsedTime(started));
    }

    private static TrafficDay Checked(TrafficDay d, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        Input.Day(d.Day, "Day", d.RepositoryId, today);
        Input.Count(d.Views, "Views", d.RepositoryId, d.Day);
        Input.Count(d.UniqueViews, "UniqueViews", d.RepositoryId, d.Day);
        Input.Count(d.Clones, "Clones", d.RepositoryId, d.Day);
        Input.Count(d.UniqueClones, "UniqueClones", d.RepositoryId, d.Day);
        Input.UniquesWithinTotal(d.Views, d.UniqueViews, "UniqueViews", d.RepositoryId, d.Day);
        Input.UniquesWithinTotal(d.Clones, d.UniqueClones, "UniqueClones", d.RepositoryId, d.Day);
        return d;
    }

    private static TrafficWeek Checked(TrafficWeek w, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(w);
        Input.Day(w.WeekStart, "WeekStart", w.RepositoryId, today);
        if (w.WeekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"WeekStart {w.WeekStart:yyyy-MM-dd} of repository {w.RepositoryId} is a {w.WeekStart.DayOfWeek}; GitHub's weeks start on Monday.", nameof(w));
        }

        Input.Count(w.Views, "Views", w.RepositoryId, w.WeekStart);
        Input.Count(w.UniqueViews, "UniqueViews", w.RepositoryId, w.WeekStart);
        Input.Count(w.Clones, "Clones", w.RepositoryId, w.WeekStart);
        Input.Count(w.UniqueClones, "UniqueClones", w.RepositoryId, w.WeekStart);
        Input.UniquesWithinTotal(w.Views, w.UniqueViews, "UniqueViews", w.RepositoryId, w.WeekStart);
        Input.UniquesWithinTotal(w.Clones, w.UniqueClones, "UniqueClones", w.RepositoryId, w.WeekStart);
        return w;
    }

    private static ReferrerSnapshot Checked(ReferrerSnapshot s, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(s);
        Input.Day(s.CapturedOn, "CapturedOn", s.RepositoryId, today);
        Input.Required(s.Referrer, "Referrer", FieldLimits.Referrer);
        Input.Count(s.Views, "Views", s.RepositoryId, s.CapturedOn);
        Input.Count(s.UniqueViews, "UniqueViews", s.RepositoryId, s.CapturedOn);
        return s;
    }

    private static PathSnapshot Checked(PathSnapshot s, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(s);
        Input.Day(s.CapturedOn, "CapturedOn", s.RepositoryId, today);
        Input.Required(s.Path, "Path", FieldLimits.Path);
        ArgumentNullException.ThrowIfNull(s.Title, "Title");
        Input.Optional(s.Title, "Title", FieldLimits.PathTitle);
        Input.Count(s.Views, "Views", s.RepositoryId, s.CapturedOn);
        Input.Count(s.UniqueViews, "UniqueViews", s.RepositoryId, s.CapturedOn);
        return s;
    }

    private static RepositoryDailyStats Checked(RepositoryDailyStats s, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(s);
        Input.Day(s.Day, "Day", s.RepositoryId, today);
        Input.Count(s.Stars, "Stars", s.RepositoryId, s.Day);
        Input.Count(s.Forks, "Forks", s.RepositoryId, s.Day);
        Input.Count(s.Watchers, "Watchers", s.RepositoryId, s.Day);
        Input.Count(s.OpenIssues, "OpenIssues", s.RepositoryId, s.Day);
        if (s.SizeKb < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(s), s.SizeKb, $"SizeKb of repository {s.RepositoryId} on {s.Day:yyyy-MM-dd} is negative.");
        }

        return s;
    }
}
