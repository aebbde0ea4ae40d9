using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Annotations;

/// <summary>The SQL of <see cref="AnnotationStore"/>.</summary>
internal sealed class AnnotationStatements : StatementSet
{
    public AnnotationStatements(SqlDialect dialect)
        : base(dialect)
    {
        var columns = AnnotationRows.Shape.Select();
        TenantExists = CountTenant("Annotations");
        RepositoryInTenant = CountRepositoryInTenant("Annotations");
        Insert = new("Annotations.Insert", Dialect.InsertReturningId(T("annotations"),
            "tenant_id, repo_id, day, note, link, created_by, created_at",
            "@tenant_id, @repo_id, @day, @note, @link, @created_by, @created_at"));
        Get = new("Annotations.Get", $"SELECT {columns} FROM {T("annotations")} WHERE id = @annotation_id AND tenant_id = @tenant_id");

        // A repository's charts show its own notes and its tenant's; the join keeps another tenant's repository out.
        ListForRepository = new("Annotations.ListForRepository",
            $"SELECT {AnnotationRows.Shape.Select("a")} FROM {T("annotations")} a JOIN {T("repositories")} r ON r.id = @repo_id AND r.tenant_id = a.tenant_id " +
            "WHERE a.tenant_id = @tenant_id AND (a.repo_id = r.id OR a.repo_id IS NULL) AND a.day >= @from_day AND a.day <= @to_day ORDER BY a.day, a.id");
        ListForTenant = new("Annotations.ListForTenant",
            $"SELECT {columns} FROM {T("annotations")} WHERE tenant_id = @tenant_id AND repo_id IS NULL " +
            "AND day >= @from_day AND day <= @to_day ORDER BY day, id");
        Delete = new("Annotations.Delete", $"DELETE FROM {T("annotations")} WHERE id = @annotation_id AND tenant_id = @tenant_id");
    }

    public SqlStatement TenantExists { get; }

    public SqlStatement RepositoryInTenant { get; }

    public SqlStatement Insert { get; }

    public SqlStatement Get { get; }

    public SqlStatement ListForRepository { get; }

    public SqlStatement ListForTenant { get; }

    public SqlStatement Delete { get; }
}
