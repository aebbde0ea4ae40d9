using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// A session stamp per profile: sessions carry the stamp they were signed in with, and a change of it (signing out,
/// losing a membership, a role or a grant) ends them on every replica.
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(3, "GhStats session stamps")]
public sealed class SessionStamps(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        var users = Alter.Table("users");
        (SchemaName is null ? users : users.InSchema(SchemaName))
            .AddColumn("session_stamp").AsInt64().NotNullable().WithDefaultValue(0);
    }
}
