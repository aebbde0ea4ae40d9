namespace GhStats.Storage.Migrations;

/// <summary>The schema the migrations write into: the configured one, or none (SQLite).</summary>
/// <param name="Name">The schema, or null.</param>
public sealed record StoreSchema(string? Name);
