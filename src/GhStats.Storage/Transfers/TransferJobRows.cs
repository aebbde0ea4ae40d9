using GhStats.Domain;
using GhStats.Storage.Relational;

namespace GhStats.Storage.Transfers;

/// <summary>The columns of <c>transfer_jobs</c> rows, and how to read them: a listing's rows without the report, a job's with it.</summary>
internal static class TransferJobRows
{
    /// <summary>Every column but the report, which can be hundreds of KB: what a listing reads.</summary>
    public static readonly RowShape Summary = new("transfer job");

    private static readonly RowColumn Id = Summary.Column("id");
    private static readonly RowColumn TenantId = Summary.Column("tenant_id");
    private static readonly RowColumn Kind = Summary.Column("kind");
    private static readonly RowColumn Source = Summary.Column("source");
    private static readonly RowColumn FileName = Summary.Column("file_name");
    private static readonly RowColumn FileBytes = Summary.Column("file_bytes");
    private static readonly RowColumn DryRun = Summary.Column("dry_run");
    private static readonly RowColumn RequestedBy = Summary.Column("requested_by");
    private static readonly RowColumn State = Summary.Column("state");
    private static readonly RowColumn Phase = Summary.Column("phase");
    private static readonly RowColumn Done = Summary.Column("done");
    private static readonly RowColumn Total = Summary.Column("total");
    private static readonly RowColumn CreatedAt = Summary.Column("created_at");
    private static readonly RowColumn StartedAt = Summary.Column("started_at");
    private static readonly RowColumn HeartbeatAt = Summary.Column("heartbeat_at");
    private static readonly RowColumn FinishedAt = Summary.Column("finished_at");
    private static readonly RowColumn Error = Summary.Column("error");

    // Every column: declared after the summary's, as a shape is sealed once another extends it.
    public static readonly RowShape Shape = new("transfer job with its report", extends: Summary);

    private static readonly RowColumn Report = Shape.Column("report");

    /// <summary>Reads a job without its report (null), from a row of either shape.</summary>
    public static TransferJob ReadSummary(RowReader r) => new(
        r.Int64(Id), r.NullableInt64(TenantId), r.Enum<TransferJobKind>(Kind), r.Text(Source), r.Text(FileName), r.Int64(FileBytes), r.Int32(DryRun) != 0,
        r.Text(RequestedBy), r.Enum<TransferJobState>(State), new TransferJobProgress(r.Text(Phase), r.Int64(Done), r.Int64(Total)),
        r.Timestamp(CreatedAt), r.NullableTimestamp(StartedAt), r.NullableTimestamp(HeartbeatAt), r.NullableTimestamp(FinishedAt), null, r.NullableText(Error));

    /// <summary>Reads a job with its report.</summary>
    public static TransferJob Read(RowReader r) => ReadSummary(r) with { Report = r.NullableText(Report) };
}
