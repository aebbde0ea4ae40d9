using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Stars;

/// <summary>The SQL of <see cref="StarHistoryStore"/>.</summary>
internal sealed class StarHistoryStatements : StatementSet
{
    public static readonly MergeShape DayShape = new("star_history_daily",
    [
        new("repo_id", ColumnType.Identifier), new("day", ColumnType.Date),

        // The larger count wins: a page read again, or shifted by an unstar in between, never lowers a day.
        new("stars", ColumnType.Count, MergeRule.Max),
    ]);

    public StarHistoryStatements(SqlDialect dialect)
        : base(dialect)
    {
        var backfill = StarHistoryRows.BackfillShape.Select();
        RepositoryExists = CountRepository("StarHistory");
        RepositoryInTenant = CountRepositoryInTenant("StarHistory");
        GetBackfill = new("StarHistory.GetBackfill", $"SELECT {backfill} FROM {T("star_backfills")} WHERE repo_id = @repo_id");
        InsertBackfill = new("StarHistory.InsertBackfill",
            $"INSERT INTO {T("star_backfills")} (repo_id, state, next_page, stars_read, first_star_on, known_through, refused_because, updated_at) " +
            "VALUES (@repo_id, @state, @next_page, @stars_read, @first_star_on, @known_through, @refused_because, @updated_at)");
        UpdateBackfill = new("StarHistory.UpdateBackfill",
            $"UPDATE {T("star_backfills")} SET state = @state, next_page = @next_page, stars_read = @stars_read, first_star_on = @first_star_on, " +
            "known_through = @known_through, refused_because = @refused_because, updated_at = @updated_at WHERE repo_id = @repo_id");

        // Tracking starts on the first day the repository's counters were read: the backfill fills the days before it.
        TrackingFrom = new("StarHistory.TrackingFrom",
            $"SELECT {StarHistoryRows.TrackingShape.Select()} FROM {T("repo_daily_stats")} WHERE repo_id = @repo_id");

        // The last stored day before the range carries its count into the range's first days.
        CarriedIn = new("StarHistory.CarriedIn",
            $"SELECT {StarHistoryRows.DayShape.Select()} FROM {T("star_history_daily")} WHERE repo_id = @repo_id AND day = " +
            $"(SELECT MAX(x.day) FROM {T("star_history_daily")} x WHERE x.repo_id = @repo_id_again AND x.day < @from_day)");
        Days = new("StarHistory.Days",
            $"SELECT {StarHistoryRows.DayShape.Select()} FROM {T("star_history_daily")} " +
            "WHERE repo_id = @repo_id AND day >= @from_day AND day <= @to_day ORDER BY day");
    }

    public SqlStatement RepositoryExists { get; }

    public SqlStatement RepositoryInTenant { get; }

    public SqlStatement GetBackfill { get; }

    public SqlStatement InsertBackfill { get; }

    public SqlStatement UpdateBackfill { get; }

    public SqlStatement TrackingFrom { get; }

    public SqlStatement CarriedIn { get; }

    public SqlStatement Days { get; }

    public SqlStatement MergeDays(int rows) => Merge("StarHistory.MergeDays", DayShape, rows);
}
