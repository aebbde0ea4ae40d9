using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Runs;

/// <summary>The columns every run query selects, and how to read a run from them.</summary>
internal static class CollectionRunRows
{
    public static readonly RowShape Shape = new("collection run");

    private static readonly RowColumn Id = Shape.Column("id");
    private static readonly RowColumn Trigger = Shape.Column("run_trigger");
    private static readonly RowColumn RequestedBy = Shape.Column("requested_by");
    private static readonly RowColumn TenantId = Shape.Column("tenant_id");
    private static readonly RowColumn StartedAt = Shape.Column("started_at");
    private static readonly RowColumn FinishedAt = Shape.Column("finished_at");
    private static readonly RowColumn Status = Shape.Column("status");
    private static readonly RowColumn ReposTotal = Shape.Column("repos_total");
    private static readonly RowColumn ReposOk = Shape.Column("repos_ok");
    private static readonly RowColumn ReposFailed = Shape.Column("repos_failed");
    private static readonly RowColumn ApiCalls = Shape.Column("api_calls");
    private static readonly RowColumn RateLimitRemaining = Shape.Column("rate_limit_remaining");

    public static CollectionRun Read(RowReader r) => new(
        r.Int64(Id), r.Enum<CollectionTrigger>(Trigger), r.NullableText(RequestedBy), r.NullableInt64(TenantId), r.Timestamp(StartedAt), r.NullableTimestamp(FinishedAt),
        r.Enum<CollectionRunStatus>(Status), r.Int32(ReposTotal), r.Int32(ReposOk), r.Int32(ReposFailed), r.Int32(ApiCalls), r.NullableInt32(RateLimitRemaining));
}
