namespace GhStats.Domain;

/// <summary>A group of people and the repositories they track; every read is scoped to one.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="Slug">Unique, URL-safe short name.</param>
/// <param name="Name">Display name.</param>
/// <param name="CreatedAt">When the tenant was created (UTC).</param>
public sealed record Tenant(long Id, string Slug, string Name, DateTimeOffset CreatedAt);
