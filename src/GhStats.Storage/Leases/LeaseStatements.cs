using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.Leases;

/// <summary>The SQL of <see cref="LeaseStore"/>.</summary>
internal sealed class LeaseStatements : StatementSet
{
    public LeaseStatements(SqlDialect dialect)
        : base(dialect)
    {
        // One conditional UPDATE decides who holds the lease; the database serialises competing updates of the row.
        TakeOver = new("Leases.TakeOver",
            $"UPDATE {T("leases")} SET holder = @holder, expires_at = @expires_at " +
            "WHERE name = @name AND (holder = @current_holder OR expires_at <= @now)");
        Insert = new("Leases.Insert", $"INSERT INTO {T("leases")} (name, holder, expires_at) VALUES (@name, @holder, @expires_at)");
        Renew = new("Leases.Renew",
            $"UPDATE {T("leases")} SET expires_at = @expires_at WHERE name = @name AND holder = @holder AND expires_at > @now");
        Release = new("Leases.Release", $"DELETE FROM {T("leases")} WHERE name = @name AND holder = @holder");
        Find = new("Leases.Find", $"SELECT {LeaseRows.Shape.Select()} FROM {T("leases")} WHERE name = @name");
    }

    public SqlStatement TakeOver { get; }

    public SqlStatement Insert { get; }

    public SqlStatement Renew { get; }

    public SqlStatement Release { get; }

    public SqlStatement Find { get; }
}
