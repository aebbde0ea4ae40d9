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

        TenantSummary = new("Traffic.TenantSummary",
            $"SELECT {TenantSummaryRows.Shape.Select("r")} " +
            $"FROM {T("repositories")} r LEFT JOIN {T("traffic_daily")} d ON d.repo_id = r.id AND d.day >= @from_day AND d.day <= @to_day " +
            "WHERE r.tenant_id = @tenant_id AND r.removed_at IS NULL " +
            $"GROUP BY {RepositoryRows.Shape.Select("r")} " +
            "ORDER BY r.owner, r.name");

        // Each repository's last counters in the range: one index seek per repository (its latest day), not a GROUP BY
        // over every day of every repository in the range.
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

    public SqlStatement MergeWeeks(int rows) => Merge("Traffic.MergeWeeks", WeeklyShape, rows);

    public SqlStatement MergeReferrers(int rows) => Merge("Traffic.MergeReferrers", ReferrerShape, rows);

    public SqlStatement MergePaths(int rows) => Merge("Traffic.MergePaths", PathShape, rows);

    public SqlStatement MergeStats(int rows) => Merge("Traffic.MergeStats", StatsShape, rows);

    private string Buckets(string bucket) =>
        $"SELECT d.repo_id, {bucket} AS bucket, SUM(CAST(d.views AS BIGINT)) AS views, SUM(CAST(d.clones AS BIGINT)) AS clones, " +
        "MAX(d.unique_views) AS peak_unique_views, MAX(d.unique_clones) AS peak_unique_clones, COUNT(*) AS days, " +
        "SUM(CASE WHEN d.coverage = 2 THEN 0 ELSE 1 END) AS partial_days " +
        $"FROM {T("traffic_daily")} d WHERE d.repo_id = @repo_id AND d.day >= @from_day AND d.day <= @to_day GROUP BY d.repo_id, {bucket}";
}
