using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace GhStats.Web.Tests.Abuse;

/// <summary>
/// A checksum of every row of every table a request could change, to prove that a refused request wrote nothing. Left out:
/// what any request may touch (the audit log, a token's last use, data-protection keys, leases) and what the collector
/// writes in the background.
/// </summary>
public static class DatabaseSnapshot
{
    private static readonly HashSet<string> Volatile = ["audit_entries", "collection_runs", "collection_errors", "collection_lanes", "data_protection_keys", "leases", "schema_versions"];

    public static string Take(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Each table in a fixed order: by rowid, or by its primary key where it has no rowid (WITHOUT ROWID tables).
        var tables = new List<(string Name, string Order)>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT t.name, CASE WHEN t.sql LIKE '%WITHOUT ROWID' " +
                "THEN (SELECT group_concat('\"' || k.name || '\"', ', ') FROM (SELECT name FROM pragma_table_info(t.name) WHERE pk > 0 ORDER BY pk) k) ELSE 'rowid' END " +
                "FROM sqlite_master t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' ORDER BY t.name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var text = new StringBuilder();
        foreach (var (table, order) in tables.Where(t => !Volatile.Contains(t.Name)))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {order}";
            using var reader = select.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.GetName(i).StartsWith("last_", StringComparison.Ordinal))
                    {
                        text.Append(reader.GetValue(i) switch { DBNull => "\u2400", byte[] bytes => Convert.ToHexString(bytes), var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) }).Append('\u001f');
                    }
                }

                text.Append('\u001e');
            }

            text.Append(table).Append(':').Append(rows).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
