using FluentMigrator;

namespace GhStats.Storage.Migrations;

/// <summary>
/// The language a person chose (pages, digests and alerts) and the language a notification channel writes in; both
/// nullable, null meaning "not chosen" (the browser's language for pages, English for messages).
/// </summary>
/// <param name="schema">The schema.</param>
[Migration(14, "GhStats language choice")]
public sealed class LanguageChoice(StoreSchema schema) : SchemaMigration(schema)
{
    /// <inheritdoc />
    public override void Up()
    {
        var users = Alter.Table("users");
        (SchemaName is null ? users : users.InSchema(SchemaName))
            .AddColumn("language").AsAnsiString(FieldLimits.Language).Nullable();

        var channels = Alter.Table("notification_channels");
        (SchemaName is null ? channels : channels.InSchema(SchemaName))
            .AddColumn("language").AsAnsiString(FieldLimits.Language).Nullable();
    }
}
