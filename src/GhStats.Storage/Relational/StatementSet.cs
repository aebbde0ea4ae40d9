using System.Collections.Concurrent;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Relational;

/// <summary>
/// The statements of one store, written once in terms of the dialect. Every public <see cref="SqlStatement"/> property and
/// every public method that takes a row count is listed by the statement catalogue for golden tests and DBAs.
/// </summary>
/// <param name="dialect">The provider's dialect.</param>
internal abstract class StatementSet(SqlDialect dialect)
{
    // By statement name, not table: a table can have two merges (collection's and a restore's) of different rules.
    private readonly ConcurrentDictionary<(string Name, int Rows), SqlStatement> _merges = new();

    protected SqlDialect Dialect { get; } = dialect;

    protected string T(string table) => Dialect.Table(table);

    protected SqlStatement Merge(string name, MergeShape shape, int rows) =>
        _merges.GetOrAdd((name, rows), key => new SqlStatement(key.Name, Dialect.Merge(shape, key.Rows)));

    /// <summary>Counts the tenant <c>@tenant_id</c> (0 or 1): the check a store makes before it writes for a tenant.</summary>
    /// <param name="set">The statement set's name, which names the statement for the catalogue.</param>
    protected SqlStatement CountTenant(string set) =>
        new($"{set}.TenantExists", $"SELECT COUNT(*) FROM {T("tenants")} WHERE id = @tenant_id");

    /// <summary>Counts the repository <c>@repo_id</c> (0 or 1): the check a store makes before it writes for a repository.</summary>
    /// <param name="set">The statement set's name, which names the statement for the catalogue.</param>
    protected SqlStatement CountRepository(string set) =>
        new($"{set}.RepositoryExists", $"SELECT COUNT(*) FROM {T("repositories")} WHERE id = @repo_id");

    /// <summary>Counts the repository <c>@repo_id</c> in the tenant <c>@tenant_id</c> (0 or 1): a tenant-scoped read's check.</summary>
    /// <param name="set">The statement set's name, which names the statement for the catalogue.</param>
    protected SqlStatement CountRepositoryInTenant(string set) =>
        new($"{set}.RepositoryInTenant", $"SELECT COUNT(*) FROM {T("repositories")} WHERE id = @repo_id AND tenant_id = @tenant_id");

    /// <summary>How many rows of a shape one merge statement carries.</summary>
    public int BatchRows(MergeShape shape) => Math.Clamp(Dialect.MaxParameters / shape.Columns.Count, 1, 500);
}
