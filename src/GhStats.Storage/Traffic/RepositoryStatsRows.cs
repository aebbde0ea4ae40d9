using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Traffic;

/// <summary>The columns of a <c>repo_daily_stats</c> row, and how to read a day's counters from them.</summary>
internal static class RepositoryStatsRows
{
    public static readonly RowShape Shape = new("repository counters");

    private static readonly RowColumn RepositoryId = Shape.Column("repo_id");
    private static readonly RowColumn Day = Shape.Column("day");
    private static readonly RowColumn Stars = Shape.Column("stars");
    private static readonly RowColumn Forks = Shape.Column("forks");
    private static readonly RowColumn Watchers = Shape.Column("watchers");
    private static readonly RowColumn OpenIssues = Shape.Column("open_issues");
    private static readonly RowColumn SizeKb = Shape.Column("size_kb");

    public static RepositoryDailyStats Read(RowReader r) => new(
        r.Int64(RepositoryId), r.Date(Day), r.Int32(Stars), r.Int32(Forks), r.Int32(Watchers), r.Int32(OpenIssues), r.Int64(SizeKb));
}
