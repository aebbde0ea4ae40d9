namespace GhStats.Client.Models;

/// <summary>A tenant, with the caller's role in it.</summary>
/// <param name="Id">The tenant's id.</param>
/// <param name="Slug">The tenant's slug, used in routes and queries.</param>
/// <param name="Name">The tenant's display name.</param>
/// <param name="CreatedAt">When it was made (UTC).</param>
/// <param name="Role">The caller's role in it: <c>owner</c> or <c>viewer</c>; null when the caller sees it through a repository grant or as an admin who is not a member.</param>
public sealed record Tenant(long Id, string Slug, string Name, DateTimeOffset CreatedAt, string? Role);
