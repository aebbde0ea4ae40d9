namespace GhStats.Web.Api.Contracts;

/// <summary>A tenant, with the caller's role in it (null when the caller sees it only through a repository grant).</summary>
internal sealed record TenantResponse(long Id, string Slug, string Name, DateTimeOffset CreatedAt, string? Role);
