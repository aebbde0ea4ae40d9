namespace GhStats;

/// <summary>Marks which storage provider a host chose; registered by <c>UseSqlite()</c>, <c>UsePostgres()</c> or <c>UseDb2()</c>.</summary>
/// <param name="Name">The provider's name: "sqlite", "postgres" or "db2".</param>
public sealed record GhStatsStorageProvider(string Name);
