using System.Globalization;
using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Traffic;

/// <summary>The SQL of <see cref="TrafficStore"/>.</summary>
internal sealed class TrafficStatements : StatementSet
{
    public static readonly MergeShape DailyShape = new("traffic_daily",
    [
        new("repo_id", ColumnType.Identifier), new("day", ColumnType.Date),
        new("views", ColumnType.Count, MergeRule.Max), new("unique_views", ColumnType.Count, MergeRule.Max),
        new("clones", ColumnType.Count, MergeRule.Max), new("unique_clones", ColumnType.Count, MergeRule.Max),

        // 1 partial, 2 complete: the maximum rule means a day's coverage only ever improves.
        new("coverage", ColumnType.Count, MergeRule.Max),
    ]);

    public static readonly MergeShape WeeklyShape = new("traffic_weekly",
    [
        new("repo_id", ColumnType.Identifier), new("week_start", ColumnType.Date),
        new("views", ColumnType.Count, MergeRule.Max), new("unique_views", ColumnType.Count, MergeRule.Max),
        new("clones", ColumnType.Count, MergeRule.Max), new("unique_clones", ColumnType.Count, MergeRule.Max),
    ]);

    public static readonly MergeShape ReferrerShape = new("referrer_snapshots",
    [
        new("repo_id", ColumnType.Identifier), new("captured_on", ColumnType.Date), new("referrer", ColumnType.Text, Length: FieldLimits.Referrer),
        new("views", ColumnType.Count, MergeRule.Replace), new("unique_views", ColumnType.Count, MergeRule.Replace),
    ]);

    public static readonly MergeShape PathShape = new("path_snapshots",
    [
        new("repo_id", ColumnType.Identifier), new("captured_on", ColumnType.Date), new("path", ColumnType.Text, Length: FieldLimits.Path),
        new("title", ColumnType.Text, MergeRule.Replace, FieldLimits.PathTitle),
        new("views", ColumnType.Count, MergeRule.Replace), new("unique_views", ColumnType.Count, MergeRule.Replace),
    ]);

    public static readonly MergeShape StatsShape = new("repo_daily_stats",
    [
        new("repo_id", ColumnType.Identifier), new("day", ColumnType.Date),
        new("stars", ColumnType.Count, MergeRule.Replace), new("forks", ColumnType.Count, MergeRule.Replace),
        new("watchers", ColumnType.Count, MergeRule.Replace), new("open_issues", ColumnType.Count, MergeRule.Replace),
        new("size_kb", ColumnType.Identifier, MergeRule.Replace),
    ]);

    /// <summary>The rollups' blocks; a write adds its changes (sums) and raises the peaks.</summary>
    public static readonly MergeShape RollupShape = new("traffic_rollups",
    [
        new("tenant_id", ColumnType.Identifier), new("span", ColumnType.Count), new("block_start", ColumnType.Count), new("repo_id", ColumnType.Identifier),
        new("views", ColumnType.Identifier, MergeRule.Add), new("clones", ColumnType.Identifier, MergeRule.Add),
        new("peak_unique_views", ColumnType.Count, MergeRule.Max), new("peak_unique_clones", ColumnType.Count, MergeRule.Max),
        new("days", ColumnType.Count, MergeRule.Add), new("partial_days", ColumnType.Count, MergeRule.Add),
    ]);

    /// <summary>A day's values in a 4-day block (migration 22): <c>day{place}_{value}</c> for each of these.</summary>
    public static readonly string[] DayValues = ["views", "unique_views", "clones", "unique_clones", "coverage"];

    /// <summary>The rollups' 4-day blocks: a block's sums and peaks, and its days one by one (each by the maximum rule, as the day itself).</summary>
    public static readonly MergeShape DayBlockShape = new("traffic_rollups",
    [
        .. RollupShape.Columns,
        .. Enumerable.Range(0, TrafficBlocks.DaySpan).SelectMany(k => DayValues.Select(value => new ColumnShape(DayColumn(k, value), ColumnType.Count, MergeRule.Max))),
    ]);

    public TrafficStatements(SqlDialect dialect)
        : base(dialect)
    {
        RepositoryExists = CountRepository("Traffic");
        RepositoryInTenant = CountRepositoryInTenant("Traffic");
        TenantExists = CountTenant("Traffic");

        // Last daily read only moves forward: a late, slow run never moves it back. The day is bound twice under two
        // names: Db2 binds parameters by position, so no statement names one twice.
        RecordDailyRead = new("Traffic.RecordDailyRead",
            $"UPDATE {T("repositories")} SET last_daily_read_on = @read_on WHERE id = @repo_id AND (last_daily_read_on IS NULL OR last_daily_read_on < @read_on_later)");

        // A repository's latest counters, kept on its row for the tenant summary: a day's counters replace them when that
        // day is not before theirs (a re-read of the same day replaces too). The day is bound twice under two names (Db2).
        RecordLatestStats = new("Traffic.RecordLatestStats",
            $"UPDATE {T("repositories")} SET latest_stats_day = @day, latest_stars = @stars, latest_forks = @forks, latest_watchers = @watchers, " +
            "latest_open_issues = @open_issues, latest_size_kb = @size_kb " +
            "WHERE id = @repo_id AND (latest_stats_day IS NULL OR latest_stats_day <= @day_again)");

        // A write of a repository's daily traffic starts here: it learns the tenant (the rollups are keyed by it) and locks
        // the repository's row, so two writers of the same repository take turns and each adds its own changes to the blocks.
        LockRepository = new("Traffic.LockRepository",
            $"SELECT tenant_id FROM {T("repositories")} WHERE id = @repo_id {Dialect.LockRows}".TrimEnd());

        // Stored days only; the store adds the days no read covered, so one query serves the whole range.
        SeriesPerDay = new("Traffic.SeriesPerDay",
            $"SELECT {CoveredDayRows.Shape.Select()} FROM {T("repositories")} r JOIN {T("traffic_daily")} d ON d.repo_id = r.id " +
            "WHERE r.id = @repo_id AND d.day >= @from_day AND d.day <= @to_day ORDER BY d.day");

        // Weekly uniques come from GitHub's own per=week figures; daily uniques are only ever maximised, never summed.
        SeriesPerWeek = new("Traffic.SeriesPerWeek",
            $"SELECT {TrafficBucketRows.WeekShape.Select("b")} " +
            $"FROM ({Buckets(Dialect.WeekStart("d.day"))}) b " +
            $"LEFT JOIN {T("traffic_weekly")} w ON w.repo_id = b.repo_id AND w.week_start = b.bucket ORDER BY b.bucket");

        SeriesPerMonth = new("Traffic.SeriesPerMonth",
            $"SELECT {TrafficBucketRows.Shape.Select("b")} " +
            $"FROM ({Buckets(Dialect.MonthStart("d.day"))}) b ORDER BY b.bucket");

        // The range is covered by runs of aligned blocks (TrafficBlocks.Cover), each run one range of the rollups' key
        // (tenant, span, block start); an empty run has its first after its last. Its edge days (a run of at most 3 days on
        // each side, always within one 4-day block) come from that block's day columns, one branch per place in the block,
        // each one range of the key too; a place outside the run is switched off (@has_day_i_k = 0: a constant condition
        // the databases test once). Summed per repository first, then joined to the tenant's repositories.
        var runs = TrafficBlocks.RunSpans.SelectMany((span, i) => span == 1
            ? Enumerable.Range(0, TrafficBlocks.DaySpan).Select(k => EdgeDay(i, k))
            : [
                "SELECT b.repo_id, b.views, b.clones, b.peak_unique_views, b.peak_unique_clones, b.days, b.partial_days " +
                $"FROM {T("traffic_rollups")} b WHERE b.tenant_id = @tenant_id_{i} AND b.span = {span} " +
                $"AND b.block_start >= @first_block_{i} AND b.block_start <= @last_block_{i}",
            ]);
        TenantSummary = new("Traffic.TenantSummary",
            $"SELECT {TenantSummaryRows.Shape.Select("r")} " +
            $"FROM {T("repositories")} r LEFT JOIN (" +
            "SELECT u.repo_id, SUM(u.views) AS views, SUM(u.clones) AS clones, MAX(u.peak_unique_views) AS peak_unique_views, " +
            "MAX(u.peak_unique_clones) AS peak_unique_clones, SUM(u.days) AS days, SUM(u.partial_days) AS partial_days " +
            $"FROM ({string.Join(" UNION ALL ", runs)}) u GROUP BY u.repo_id) t ON t.repo_id = r.id " +
            "WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL " +
            "ORDER BY r.owner, r.name");

        // Each repository's last counters in the range: one index seek per repository (its latest day), not a GROUP BY
        // over every day of every repository in the range. Only for a range that ends before some repository's latest
        // counters; otherwise the summary's own rows carry them.
        TenantLatestStats = new("Traffic.TenantLatestStats",
            $"SELECT {RepositoryStatsRows.Shape.Select("s")} " +
            $"FROM {T("repositories")} r JOIN {T("repo_daily_stats")} s ON s.repo_id = r.id " +
            "WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL " +
            $"AND s.day = (SELECT MAX(x.day) FROM {T("repo_daily_stats")} x WHERE x.repo_id = r.id AND x.day >= @from_day AND x.day <= @to_day)");

        ReferrerHistory = new("Traffic.ReferrerHistory",
            $"SELECT {ReferrerRows.Shape.Select()} FROM {T("referrer_snapshots")} " +
            "WHERE repo_id = @repo_id AND captured_on >= @from_day AND captured_on <= @to_day ORDER BY captured_on, views DESC, referrer");

        PathHistory = new("Traffic.PathHistory",
            $"SELECT {PathRows.Shape.Select()} FROM {T("path_snapshots")} " +
            "WHERE repo_id = @repo_id AND captured_on >= @from_day AND captured_on <= @to_day ORDER BY captured_on, views DESC, path");

        WeeksHistory = new("Traffic.WeeksHistory",
            $"SELECT {TrafficWeekRows.Shape.Select()} FROM {T("traffic_weekly")} " +
            "WHERE repo_id = @repo_id AND week_start >= @from_day AND week_start <= @to_day ORDER BY week_start");

        StatsHistory = new("Traffic.StatsHistory",
            $"SELECT {RepositoryStatsRows.Shape.Select()} FROM {T("repo_daily_stats")} " +
            "WHERE repo_id = @repo_id AND day >= @from_day AND day <= @to_day ORDER BY day");

        // One query for a whole tenant's export, ordered as the repository listing orders (owner, name), then by day; a
        // repository without stored days still has its row (d null), so the store can list its days as not collected.
        TenantTrafficDays = new("Traffic.TenantTrafficDays",
            $"SELECT {CoveredDayRows.Shape.Select()} FROM {T("repositories")} r " +
            $"LEFT JOIN {T("traffic_daily")} d ON d.repo_id = r.id AND d.day >= @from_day AND d.day <= @to_day " +
            "WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL " +
            "ORDER BY r.owner, r.name, r.id, d.day");
    }

    public SqlStatement RepositoryExists { get; }

    public SqlStatement RepositoryInTenant { get; }

    public SqlStatement TenantExists { get; }

    public SqlStatement RecordDailyRead { get; }

    public SqlStatement RecordLatestStats { get; }

    public SqlStatement LockRepository { get; }

    public SqlStatement SeriesPerDay { get; }

    public SqlStatement SeriesPerWeek { get; }

    public SqlStatement SeriesPerMonth { get; }

    public SqlStatement TenantSummary { get; }

    public SqlStatement TenantLatestStats { get; }

    public SqlStatement ReferrerHistory { get; }

    public SqlStatement PathHistory { get; }

    public SqlStatement WeeksHistory { get; }

    public SqlStatement StatsHistory { get; }

    public SqlStatement TenantTrafficDays { get; }

    public SqlStatement MergeDays(int rows) => Merge("Traffic.MergeDays", DailyShape, rows);

    public SqlStatement MergeRollups(int rows) => Merge("Traffic.MergeRollups", RollupShape, rows);

    public SqlStatement MergeDayBlocks(int rows) => Merge("Traffic.MergeDayBlocks", DayBlockShape, rows);

    /// <summary>The column of a day's value in a 4-day block, by the day's place in it (0 to 3).</summary>
    public static string DayColumn(int place, string value) => string.Create(CultureInfo.InvariantCulture, $"day{place}_{value}");

    public SqlStatement MergeWeeks(int rows) => Merge("Traffic.MergeWeeks", WeeklyShape, rows);

    public SqlStatement MergeReferrers(int rows) => Merge("Traffic.MergeReferrers", ReferrerShape, rows);

    public SqlStatement MergePaths(int rows) => Merge("Traffic.MergePaths", PathShape, rows);

    public SqlStatement MergeStats(int rows) => Merge("Traffic.MergeStats", StatsShape, rows);

    /// <summary>
    /// The summary's branch for the day at place <paramref name="k"/> of run <paramref name="i"/>'s 4-day block: that day's
    /// values as a row of a day (a stored day only: coverage 0 is none).
    /// </summary>
    private string EdgeDay(int i, int k)
    {
        string Day(string value) => "b." + DayColumn(k, value);
        return $"SELECT b.repo_id, CAST({Day("views")} AS BIGINT) AS views, CAST({Day("clones")} AS BIGINT) AS clones, " +
            $"{Day("unique_views")} AS peak_unique_views, {Day("unique_clones")} AS peak_unique_clones, 1 AS days, " +
            $"CASE WHEN {Day("coverage")} = 2 THEN 0 ELSE 1 END AS partial_days " +
            $"FROM {T("traffic_rollups")} b WHERE @has_day_{i}_{k} = 1 AND b.tenant_id = @tenant_id_{i}_{k} AND b.span = {TrafficBlocks.DaySpan} " +
            $"AND b.block_start = @day_block_{i}_{k} AND {Day("coverage")} > 0";
    }

    private string Buckets(string bucket) =>
        $"SELECT d.repo_id, {bucket} AS bucket, SUM(CAST(d.views AS BIGINT)) AS views, SUM(CAST(d.clones AS BIGINT)) AS clones, " +
        "MAX(d.unique_views) AS peak_unique_views, MAX(d.unique_clones) AS peak_unique_clones, COUNT(*) AS days, " +
        "SUM(CASE WHEN d.coverage = 2 THEN 0 ELSE 1 END) AS partial_days " +
        $"FROM {T("traffic_daily")} d WHERE d.repo_id = @repo_id AND d.day >= @from_day AND d.day <= @to_day GROUP BY d.repo_id, {bucket}";
}
