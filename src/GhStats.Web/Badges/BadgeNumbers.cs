using System.Globalization;

namespace GhStats.Web.Badges;

/// <summary>Counts written short for a badge: 999, 1.2k, 12k, 3.4M. Rounded down, so a badge never claims more than there was.</summary>
internal static class BadgeNumbers
{
    public static string Compact(long value)
    {
        if (value < 1000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (scale, suffix) in new[] { (1_000_000_000L, "B"), (1_000_000L, "M"), (1_000L, "k") })
        {
            if (value >= scale)
            {
                var tenths = value / (scale / 10);
                return tenths < 100
                    ? (tenths / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + suffix
                    : (value / scale).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
