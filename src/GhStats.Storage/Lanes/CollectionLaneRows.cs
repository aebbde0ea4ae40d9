using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Lanes;

/// <summary>The columns every lane query selects, and how to read a lane from them.</summary>
internal static class CollectionLaneRows
{
    public static readonly RowShape Shape = new("collection lane");

    private static readonly RowColumn RunId = Shape.Column("run_id");
    private static readonly RowColumn Key = Shape.Column("lane_key");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn ConnectionId = Shape.Column("connection_id");
    private static readonly RowColumn Status = Shape.Column("status");
    private static readonly RowColumn Holder = Shape.Column("holder");
    private static readonly RowColumn LeaseExpiresAt = Shape.Column("lease_expires_at");
    private static readonly RowColumn ReposTotal = Shape.Column("repos_total");
    private static readonly RowColumn ReposOk = Shape.Column("repos_ok");
    private static readonly RowColumn ReposFailed = Shape.Column("repos_failed");
    private static readonly RowColumn ReposDeferred = Shape.Column("repos_deferred");
    private static readonly RowColumn ApiCalls = Shape.Column("api_calls");
    private static readonly RowColumn RateLimit = Shape.Column("rate_limit");
    private static readonly RowColumn RateLimitRemaining = Shape.Column("rate_limit_remaining");
    private static readonly RowColumn DeferredBecause = Shape.Column("deferred_because");
    private static readonly RowColumn StartedAt = Shape.Column("started_at");
    private static readonly RowColumn FinishedAt = Shape.Column("finished_at");

    public static CollectionLaneState Read(RowReader r) => new(
        r.Int64(RunId), r.Text(Key), r.Int64(TenantId), r.NullableInt64(ConnectionId), r.Enum<CollectionLaneStatus>(Status),
        r.NullableText(Holder), r.NullableTimestamp(LeaseExpiresAt), r.Int32(ReposTotal),
        new CollectionLaneProgress(
            r.Int32(ReposOk), r.Int32(ReposFailed), r.Int32(ReposDeferred), r.Int32(ApiCalls),
            r.NullableInt32(RateLimit), r.NullableInt32(RateLimitRemaining), r.NullableText(DeferredBecause)),
        r.NullableTimestamp(StartedAt), r.NullableTimestamp(FinishedAt));
}
