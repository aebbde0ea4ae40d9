using GhStats.Domain;

namespace GhStats.Storage.Relational;

/// <summary>The columns of a repository row, which every repository query selects through <see cref="Shape"/>, and how to read one.</summary>
internal static class RepositoryRows
{
    public static readonly RowShape Shape = new("repository");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn ConnectionId = Shape.Column("connection_id");
    private static readonly RowColumn Owner = Shape.Column("owner");
    private static readonly RowColumn Name = Shape.Column("name");
    private static readonly RowColumn GitHubId = Shape.Column("github_id");
    private static readonly RowColumn AddedAt = Shape.Column("added_at");
    private static readonly RowColumn RemovedAt = Shape.Column("removed_at");
    private static readonly RowColumn LastCollectedAt = Shape.Column("last_collected_at");
    private static readonly RowColumn LastStatus = Shape.Column("last_status");
    private static readonly RowColumn WeeklyCollectedOn = Shape.Column("weekly_collected_on");
    private static readonly RowColumn LastDailyReadOn = Shape.Column("last_daily_read_on");
    private static readonly RowColumn BadgesEnabled = Shape.Column("badges_enabled");
    private static readonly RowColumn DailyCollectedOn = Shape.Column("daily_collected_on");

    /// <summary>Reads a repository from a row of <see cref="Shape"/> or of a shape that extends it.</summary>
    /// <param name="r">The row.</param>
    /// <returns>The repository.</returns>
    public static TrackedRepository Read(RowReader r) => new(
        r.Int64(Id), r.Int64(TenantId), r.NullableInt64(ConnectionId), r.Text(Owner), r.Text(Name), r.NullableInt64(GitHubId),
        r.Timestamp(AddedAt), r.NullableTimestamp(RemovedAt), r.NullableTimestamp(LastCollectedAt), r.NullableText(LastStatus),
        r.NullableDate(WeeklyCollectedOn), r.NullableDate(LastDailyReadOn), r.Int32(BadgesEnabled) != 0,
        r.NullableDate(DailyCollectedOn));
}
