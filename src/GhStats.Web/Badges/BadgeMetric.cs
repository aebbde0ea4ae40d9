namespace GhStats.Web.Badges;

/// <summary>What a badge shows; a new one is a case here and in <see cref="BadgeValues"/>.</summary>
internal enum BadgeMetric
{
    Views,
    Uniques,
    Clones,
    Stars,
    Downloads,
}

internal static class BadgeMetrics
{
    public static bool TryParse(string text, out BadgeMetric metric)
    {
        (var known, metric) = text switch
        {
            "views" => (true, BadgeMetric.Views),
            "uniques" => (true, BadgeMetric.Uniques),
            "clones" => (true, BadgeMetric.Clones),
            "stars" => (true, BadgeMetric.Stars),
            "downloads" => (true, BadgeMetric.Downloads),
            _ => (false, default),
        };
        return known;
    }
}
