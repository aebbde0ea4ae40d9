using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Stars;

/// <summary>The columns of <c>star_history_daily</c> and <c>star_backfills</c> rows, and how to read them.</summary>
internal static class StarHistoryRows
{
    public static readonly RowShape DayShape = new("star history day");

    public static readonly RowShape BackfillShape = new("star backfill");

    public static readonly RowShape TrackingShape = new("tracking start");

    private static readonly RowColumn DayRepositoryId = DayShape.Column("repo_id");
    private static readonly RowColumn Day = DayShape.Column("day");
    private static readonly RowColumn Stars = DayShape.Column("stars");

    private static readonly RowColumn RepositoryId = BackfillShape.Column("repo_id");
    private static readonly RowColumn State = BackfillShape.Column("state");
    private static readonly RowColumn NextPage = BackfillShape.Column("next_page");
    private static readonly RowColumn StarsRead = BackfillShape.Column("stars_read");
    private static readonly RowColumn FirstStarOn = BackfillShape.Column("first_star_on");
    private static readonly RowColumn KnownThrough = BackfillShape.Column("known_through");
    private static readonly RowColumn LimitReason = BackfillShape.Column("refused_because");
    private static readonly RowColumn UpdatedAt = BackfillShape.Column("updated_at");

    private static readonly RowColumn TrackingFrom = TrackingShape.Column("tracking_from", "MIN(day)");

    public static StarHistoryDay ReadDay(RowReader r) => new(r.Int64(DayRepositoryId), r.Date(Day), r.Int32(Stars));

    public static StarBackfill ReadBackfill(RowReader r) => new(
        r.Int64(RepositoryId), r.Enum<StarBackfillState>(State), r.Int32(NextPage), r.Int32(StarsRead),
        r.NullableDate(FirstStarOn), r.NullableDate(KnownThrough), r.NullableText(LimitReason), r.Timestamp(UpdatedAt));

    /// <summary>Reads the one row of the tracking-start query; it holds null when no counters were read yet.</summary>
    public static TrackingStart ReadTrackingStart(RowReader r) => new(r.NullableDate(TrackingFrom));

    /// <summary>The first day a repository's counters were read, as a row (the reader maps rows to classes).</summary>
    public sealed record TrackingStart(DateOnly? Day);
}
