using GhStats.Storage.Migrations;

namespace GhStats.Db2;

/// <summary>The Db2 DDL of every GhStats migration, for DBAs who apply it by hand (<c>migrate --script db2</c>).</summary>
public static class Db2Schema
{
    /// <summary>Writes the DDL without connecting to Db2 and without IBM's driver.</summary>
    /// <param name="schema">The schema that holds GhStats' tables.</param>
    /// <returns>The script.</returns>
    public static string GenerateScript(string schema = "ghstats")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        return SchemaScript.Generate(runner => Db2Migrations.Configure(runner, Db2Driver.Ibm()), schema);
    }
}
