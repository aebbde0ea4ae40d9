using GhStats.Storage.Relational;
using GhStats.Storage.Sql;

namespace GhStats.Storage.DataProtection;

/// <summary>The SQL of <see cref="DataProtectionKeyStore"/>.</summary>
internal sealed class DataProtectionKeyStatements : StatementSet
{
    public DataProtectionKeyStatements(SqlDialect dialect)
        : base(dialect)
    {
        List = new("DataProtectionKeys.List", $"SELECT {DataProtectionKeyRows.Shape.Select()} FROM {T("data_protection_keys")} ORDER BY friendly_name");
        Delete = new("DataProtectionKeys.Delete", $"DELETE FROM {T("data_protection_keys")} WHERE friendly_name = @friendly_name");
        Insert = new("DataProtectionKeys.Insert", $"INSERT INTO {T("data_protection_keys")} (friendly_name, xml) VALUES (@friendly_name, @xml)");
    }

    public SqlStatement List { get; }

    public SqlStatement Delete { get; }

    public SqlStatement Insert { get; }
}
