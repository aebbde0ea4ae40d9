namespace GhStats.Notifications.Rendering;

/// <summary>What a renderer knows besides the payload.</summary>
/// <param name="TenantSlug">The tenant's slug.</param>
/// <param name="TenantName">The tenant's name.</param>
/// <param name="PublicBaseUrl">The app's address (<c>GhStats:Notifications:PublicBaseUrl</c>), or null: then no links.</param>
internal sealed record NotificationRenderContext(string TenantSlug, string TenantName, Uri? PublicBaseUrl);
