using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Runs;

/// <summary>The SQL of <see cref="CollectionRunStore"/>.</summary>
internal sealed class RunStatements : StatementSet
{
    public RunStatements(SqlDialect dialect)
        : base(dialect)
    {
        Insert = new("Runs.Insert", Dialect.InsertReturningId(T("collection_runs"),
            "run_trigger, requested_by, tenant_id, started_at, status, repos_total, repos_ok, repos_failed, api_calls",
            "@run_trigger, @requested_by, @tenant_id, @started_at, @status, 0, 0, 0, 0"));
        UpdateProgress = new("Runs.UpdateProgress",
            $"UPDATE {T("collection_runs")} SET repos_total = @repos_total, repos_ok = @repos_ok, repos_failed = @repos_failed, " +
            "api_calls = @api_calls, rate_limit_remaining = @rate_limit_remaining WHERE id = @run_id");
        Finish = new("Runs.Finish",
            $"UPDATE {T("collection_runs")} SET status = @status, finished_at = @finished_at, repos_total = @repos_total, repos_ok = @repos_ok, " +
            "repos_failed = @repos_failed, api_calls = @api_calls, rate_limit_remaining = @rate_limit_remaining WHERE id = @run_id AND finished_at IS NULL");
        Get = new("Runs.Get", $"SELECT {CollectionRunRows.Shape.Select()} FROM {T("collection_runs")} WHERE id = @run_id");
        Exists = new("Runs.Exists", $"SELECT COUNT(*) FROM {T("collection_runs")} WHERE id = @run_id");
        ListRunning = new("Runs.ListRunning", $"SELECT {CollectionRunRows.Shape.Select()} FROM {T("collection_runs")} WHERE status = @status ORDER BY started_at, id");
        ListActive = new("Runs.ListActive",
            $"SELECT {CollectionRunRows.Shape.Select()} FROM {T("collection_runs")} WHERE status = @running OR status = @queued ORDER BY started_at, id");
        StartQueued = new("Runs.StartQueued",
            $"UPDATE {T("collection_runs")} SET status = @running, started_at = @started_at WHERE id = @run_id AND status = @queued");
        InsertError = new("Runs.InsertError",
            $"INSERT INTO {T("collection_errors")} (run_id, repo_id, kind, message, occurred_at) VALUES (@run_id, @repo_id, @kind, @message, @occurred_at)");
        ListErrors = new("Runs.ListErrors",
            $"SELECT {CollectionErrorRows.Shape.Select()} FROM {T("collection_errors")} WHERE run_id = @run_id ORDER BY id");
    }

    public SqlStatement Insert { get; }

    public SqlStatement UpdateProgress { get; }

    public SqlStatement Finish { get; }

    public SqlStatement Get { get; }

    public SqlStatement Exists { get; }

    public SqlStatement ListRunning { get; }

    public SqlStatement ListActive { get; }

    public SqlStatement StartQueued { get; }

    public SqlStatement InsertError { get; }

    public SqlStatement ListErrors { get; }

    /// <summary>The newest runs; the limit is a validated number written as a literal, so it is a statement per limit.</summary>
    public SqlStatement ListLatest(int rows) =>
        new("Runs.ListLatest", $"SELECT {CollectionRunRows.Shape.Select()} FROM {T("collection_runs")} ORDER BY started_at DESC, id DESC {Dialect.FirstRows(rows)}");
}
