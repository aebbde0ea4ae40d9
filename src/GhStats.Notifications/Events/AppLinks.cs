namespace GhStats.Notifications.Events;

/// <summary>
/// Addresses of the app's pages for links in messages, under <see cref="GhStatsNotificationsOptions.PublicBaseUrl"/>
/// (which includes the app's path prefix); without it there are no links. The routes are the web module's page routes.
/// </summary>
internal static class AppLinks
{
    /// <summary>The overview page.</summary>
    public static Uri? Overview(Uri? baseUrl) => Under(baseUrl, string.Empty);

    /// <summary>A repository's page: <c>repos/{id}</c>.</summary>
    public static Uri? Repository(Uri? baseUrl, long repositoryId) => Under(baseUrl, FormattableString.Invariant($"repos/{repositoryId}"));

    /// <summary>The collection log: <c>runs</c>.</summary>
    public static Uri? CollectionLog(Uri? baseUrl) => Under(baseUrl, "runs");

    /// <summary>A tenant's page, where its GitHub connections are managed: <c>manage/tenants/{slug}</c>.</summary>
    public static Uri? Tenant(Uri? baseUrl, string tenantSlug) => Under(baseUrl, "manage/tenants/" + Uri.EscapeDataString(tenantSlug));

    private static Uri? Under(Uri? baseUrl, string relative)
    {
        if (baseUrl is null)
        {
            return null;
        }

        // "https://host/stats" and "https://host/stats/" both mean the app lives under /stats/.
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, relative);
    }
}
