using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Transfers;

/// <summary>The SQL of <see cref="TransferJobStore"/>.</summary>
internal sealed class TransferJobStatements : StatementSet
{
    public TransferJobStatements(SqlDialect dialect)
        : base(dialect)
    {
        Insert = new("TransferJobs.Insert", Dialect.InsertReturningId(T("transfer_jobs"),
            "tenant_id, kind, source, file_name, file_bytes, dry_run, requested_by, state, phase, done, total, created_at",
            "@tenant_id, @kind, @source, @file_name, @file_bytes, @dry_run, @requested_by, @state, @phase, 0, 0, @created_at"));
        TenantExists = CountTenant("TransferJobs");
        Get = new("TransferJobs.Get", $"SELECT {TransferJobRows.Shape.Select()} FROM {T("transfer_jobs")} WHERE id = @job_id");

        // Each moves a job only from the state it expects, so two replicas never both start, or both end, one job.
        Start = new("TransferJobs.Start",
            $"UPDATE {T("transfer_jobs")} SET state = @running, started_at = @started_at, heartbeat_at = @heartbeat_at WHERE id = @job_id AND state = @queued");
        ReportProgress = new("TransferJobs.ReportProgress",
            $"UPDATE {T("transfer_jobs")} SET phase = @phase, done = @done, total = @total, heartbeat_at = @heartbeat_at WHERE id = @job_id AND state = @running");
        Finish = new("TransferJobs.Finish",
            $"UPDATE {T("transfer_jobs")} SET state = @state, finished_at = @finished_at, report = @report, error = @error " +
            "WHERE id = @job_id AND (state = @running OR state = @queued)");
        FailStale = new("TransferJobs.FailStale",
            $"UPDATE {T("transfer_jobs")} SET state = @failed, finished_at = @finished_at, error = @error " +
            "WHERE (state = @running AND heartbeat_at < @heartbeat_before) OR (state = @queued AND created_at < @created_before)");
    }

    public SqlStatement Insert { get; }

    public SqlStatement TenantExists { get; }

    public SqlStatement Get { get; }

    public SqlStatement Start { get; }

    public SqlStatement ReportProgress { get; }

    public SqlStatement Finish { get; }

    public SqlStatement FailStale { get; }

    /// <summary>A tenant's newest jobs, without their reports; the limit is a validated number written as a literal, so it is a statement per limit.</summary>
    public SqlStatement ListOfTenant(int rows) =>
        new("TransferJobs.ListOfTenant",
            $"SELECT {TransferJobRows.Summary.Select()} FROM {T("transfer_jobs")} WHERE tenant_id = @tenant_id ORDER BY id DESC {Dialect.FirstRows(rows)}");

    /// <summary>The newest jobs of no tenant (installation archives), without their reports.</summary>
    public SqlStatement ListOfNoTenant(int rows) =>
        new("TransferJobs.ListOfNoTenant",
            $"SELECT {TransferJobRows.Summary.Select()} FROM {T("transfer_jobs")} WHERE tenant_id IS NULL ORDER BY id DESC {Dialect.FirstRows(rows)}");
}
