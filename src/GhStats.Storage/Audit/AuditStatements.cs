using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Audit;

/// <summary>
/// The SQL of <see cref="AuditStore"/>: an insert and reads, nothing that updates or deletes. Every filter is always
/// bound (an open range, a match-all pattern), so one statement serves every combination on every database.
/// </summary>
internal sealed class AuditStatements : StatementSet
{
    private const string Filters =
        "id < @before_id AND occurred_at >= @from_time AND occurred_at < @until_time " +
        "AND action LIKE @action ESCAPE '\\' AND LOWER(actor_name) LIKE @actor ESCAPE '\\'";

    public AuditStatements(SqlDialect dialect)
        : base(dialect)
    {
        Insert = new("Audit.Insert", Dialect.InsertReturningId(T("audit_entries"),
            "occurred_at, actor_kind, actor_user_id, actor_name, tenant_id, action, target_kind, target_id, target_name, details, client_address",
            "@occurred_at, @actor_kind, @actor_user_id, @actor_name, @tenant_id, @action, @target_kind, @target_id, @target_name, @details, @client_address"));
        StreamAll = new("Audit.StreamAll", $"{Select} WHERE {Filters} ORDER BY id DESC");
        StreamTenant = new("Audit.StreamTenant", $"{Select} WHERE tenant_id = @tenant_id AND {Filters} ORDER BY id DESC");
    }

    public SqlStatement Insert { get; }

    public SqlStatement StreamAll { get; }

    public SqlStatement StreamTenant { get; }

    private string Select => $"SELECT {AuditEntryRows.Shape.Select()} FROM {T("audit_entries")}";

    /// <summary>A page of every entry; the limit is a validated number written as a literal, so it is a statement per limit.</summary>
    public SqlStatement ListAll(int rows) => new("Audit.ListAll", $"{Select} WHERE {Filters} ORDER BY id DESC {Dialect.FirstRows(rows)}");

    /// <summary>A page of one tenant's entries.</summary>
    public SqlStatement ListTenant(int rows) =>
        new("Audit.ListTenant", $"{Select} WHERE tenant_id = @tenant_id AND {Filters} ORDER BY id DESC {Dialect.FirstRows(rows)}");
}
