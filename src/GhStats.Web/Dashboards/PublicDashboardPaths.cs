namespace GhStats.Web.Dashboards;

/// <summary>Where public dashboards live: <c>{prefix}/p/{slug}</c> and its data at <c>{prefix}/p/{slug}/data</c>.</summary>
internal static class PublicDashboardPaths
{
    public const string Segment = "/p";

    public static string Page(GhStatsPaths paths, string slug) => $"{paths.Prefix}{Segment}/{Uri.EscapeDataString(slug)}";
}
