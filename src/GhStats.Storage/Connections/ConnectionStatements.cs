using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Connections;

/// <summary>The SQL of <see cref="ConnectionStore"/>.</summary>
internal sealed class ConnectionStatements : StatementSet
{
    public ConnectionStatements(SqlDialect dialect)
        : base(dialect)
    {
        var columns = ConnectionRows.Shape.Select();
        TenantExists = CountTenant("Connections");
        Insert = new("Connections.Insert", Dialect.InsertReturningId(
            T("github_connections"),
            "tenant_id, name, kind, api_base_url, protected_secret, app_id, installation_id, created_at",
            "@tenant_id, @name, @kind, @api_base_url, @protected_secret, @app_id, @installation_id, @created_at"));
        Get = new("Connections.Get", $"SELECT {columns} FROM {T("github_connections")} WHERE id = @connection_id AND tenant_id = @tenant_id");
        List = new("Connections.List", $"SELECT {columns} FROM {T("github_connections")} WHERE tenant_id = @tenant_id ORDER BY created_at, id");
        UpdateSecret = new("Connections.UpdateSecret",
            $"UPDATE {T("github_connections")} SET protected_secret = @protected_secret WHERE id = @connection_id AND tenant_id = @tenant_id");
        Exists = new("Connections.Exists",
            $"SELECT COUNT(*) FROM {T("github_connections")} WHERE id = @connection_id AND tenant_id = @tenant_id");

        // No cascades: the repositories keep their data and lose the connection, in the same transaction as the delete.
        DetachRepositories = new("Connections.DetachRepositories",
            $"UPDATE {T("repositories")} SET connection_id = NULL WHERE connection_id = @connection_id");
        DetachTrackedOwners = new("Connections.DetachTrackedOwners",
            $"UPDATE {T("tracked_owners")} SET connection_id = NULL WHERE connection_id = @connection_id");
        Delete = new("Connections.Delete", $"DELETE FROM {T("github_connections")} WHERE id = @connection_id AND tenant_id = @tenant_id");
    }

    public SqlStatement TenantExists { get; }

    public SqlStatement Insert { get; }

    public SqlStatement Get { get; }

    public SqlStatement List { get; }

    public SqlStatement UpdateSecret { get; }

    public SqlStatement Exists { get; }

    public SqlStatement DetachRepositories { get; }

    public SqlStatement DetachTrackedOwners { get; }

    public SqlStatement Delete { get; }
}
