using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Owners;

/// <summary>The SQL of <see cref="TrackedOwnerStore"/>.</summary>
internal sealed class TrackedOwnerStatements : StatementSet
{
    public TrackedOwnerStatements(SqlDialect dialect)
        : base(dialect)
    {
        var columns = TrackedOwnerRows.Shape.Select();
        TenantExists = CountTenant("Owners");
        ConnectionInTenant = new("Owners.ConnectionInTenant",
            $"SELECT COUNT(*) FROM {T("github_connections")} WHERE id = @connection_id AND tenant_id = @tenant_id");
        FindByOwner = new("Owners.FindByOwner",
            $"SELECT {columns} FROM {T("tracked_owners")} WHERE tenant_id = @tenant_id AND LOWER(owner) = @owner");
        Insert = new("Owners.Insert", Dialect.InsertReturningId(T("tracked_owners"),
            "tenant_id, connection_id, owner, include_patterns, exclude_patterns, skip_forks, skip_archived, added_at",
            "@tenant_id, @connection_id, @owner, @include_patterns, @exclude_patterns, @skip_forks, @skip_archived, @added_at"));
        List = new("Owners.List", $"SELECT {columns} FROM {T("tracked_owners")} WHERE tenant_id = @tenant_id ORDER BY owner");
        ListAll = new("Owners.ListAll", $"SELECT {columns} FROM {T("tracked_owners")} ORDER BY tenant_id, owner");
        Delete = new("Owners.Delete", $"DELETE FROM {T("tracked_owners")} WHERE id = @owner_id AND tenant_id = @tenant_id");
    }

    public SqlStatement TenantExists { get; }

    public SqlStatement ConnectionInTenant { get; }

    public SqlStatement FindByOwner { get; }

    public SqlStatement Insert { get; }

    public SqlStatement List { get; }

    public SqlStatement ListAll { get; }

    public SqlStatement Delete { get; }
}
