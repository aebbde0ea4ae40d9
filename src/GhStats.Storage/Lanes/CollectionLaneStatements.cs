using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Lanes;

/// <summary>
/// The SQL of <see cref="CollectionLaneStore"/>. A lane is claimed by a conditional UPDATE that re-checks it is still free
/// (the database serialises competing updates of a row, as for leases and notification messages), so one statement
/// serves every dialect and none needs SKIP LOCKED; every later write names the holder, so a process that lost its lane
/// writes nothing.
/// </summary>
internal sealed class CollectionLaneStatements : StatementSet
{
    // Free to claim: nobody has claimed it, or its holder's claim lapsed.
    private const string Claimable = "(status = @pending OR (status = @running AND lease_expires_at <= @now))";

    // Still held by the caller: a process whose lane another took over, or that completed it, matches nothing.
    private const string Held = "run_id = @run_id AND lane_key = @lane_key AND holder = @holder AND status = @running";

    public CollectionLaneStatements(SqlDialect dialect)
        : base(dialect)
    {
        var lanes = T("collection_lanes");
        var select = $"SELECT {CollectionLaneRows.Shape.Select()} FROM {lanes}";
        RunExists = new("Lanes.RunExists", $"SELECT COUNT(*) FROM {T("collection_runs")} WHERE id = @run_id");
        Insert = new("Lanes.Insert",
            $"INSERT INTO {lanes} (run_id, lane_key, tenant_id, connection_id, status, repos_total, repos_ok, repos_failed, repos_deferred, api_calls) " +
            "VALUES (@run_id, @lane_key, @tenant_id, @connection_id, @status, @repos_total, 0, 0, 0, 0)");
        ListClaimable = new("Lanes.ListClaimable", $"{select} WHERE run_id = @run_id AND {Claimable} ORDER BY lane_key");
        Claim = new("Lanes.Claim",
            $"UPDATE {lanes} SET status = @claimed, holder = @holder, lease_expires_at = @lease_expires_at, started_at = @started_at " +
            $"WHERE run_id = @run_id AND lane_key = @lane_key AND {Claimable}");
        Get = new("Lanes.Get", $"{select} WHERE run_id = @run_id AND lane_key = @lane_key");
        Renew = new("Lanes.Renew", $"UPDATE {lanes} SET lease_expires_at = @lease_expires_at WHERE {Held}");
        UpdateProgress = new("Lanes.UpdateProgress",
            $"UPDATE {lanes} SET repos_ok = @repos_ok, repos_failed = @repos_failed, repos_deferred = @repos_deferred, api_calls = @api_calls, " +
            $"rate_limit = @rate_limit, rate_limit_remaining = @rate_limit_remaining, deferred_because = @deferred_because WHERE {Held}");
        Complete = new("Lanes.Complete",
            $"UPDATE {lanes} SET status = @done, finished_at = @finished_at, repos_ok = @repos_ok, repos_failed = @repos_failed, " +
            "repos_deferred = @repos_deferred, api_calls = @api_calls, rate_limit = @rate_limit, rate_limit_remaining = @rate_limit_remaining, " +
            $"deferred_because = @deferred_because WHERE {Held}");
        HandBack = new("Lanes.HandBack",
            $"UPDATE {lanes} SET status = @pending, lease_expires_at = @now, repos_ok = @repos_ok, repos_failed = @repos_failed, " +
            "repos_deferred = @repos_deferred, api_calls = @api_calls, rate_limit = @rate_limit, rate_limit_remaining = @rate_limit_remaining, " +
            $"deferred_because = @deferred_because WHERE {Held}");
        List = new("Lanes.List", $"{select} WHERE run_id = @run_id ORDER BY lane_key");

        // The newest finished lane of each connection (lanes without one count as one connection: PARTITION BY groups nulls).
        ListLatestDone = new("Lanes.ListLatestDone",
            $"SELECT {CollectionLaneRows.Shape.Select()} FROM (SELECT {CollectionLaneRows.Shape.Select()}, " +
            "ROW_NUMBER() OVER (PARTITION BY connection_id ORDER BY finished_at DESC, run_id DESC) AS newest " +
            $"FROM {lanes} WHERE tenant_id = @tenant_id AND status = @done) latest WHERE newest = 1 ORDER BY finished_at DESC, lane_key");
    }

    public SqlStatement RunExists { get; }

    public SqlStatement Insert { get; }

    public SqlStatement ListClaimable { get; }

    public SqlStatement Claim { get; }

    public SqlStatement Get { get; }

    public SqlStatement Renew { get; }

    public SqlStatement UpdateProgress { get; }

    public SqlStatement Complete { get; }

    public SqlStatement HandBack { get; }

    public SqlStatement List { get; }

    public SqlStatement ListLatestDone { get; }
}
