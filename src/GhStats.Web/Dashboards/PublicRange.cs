using Microsoft.Extensions.Primitives;

namespace GhStats.Web.Dashboards;

/// <summary>The <c>days</c> of a public dashboard: 30 (the default), 90 or 365 days ending today.</summary>
internal static class PublicRange
{
    public const int DefaultDays = 30;

    public static readonly IReadOnlyList<int> Choices = [30, 90, 365];

    public static bool TryParse(StringValues values, out int days)
    {
        days = DefaultDays;
        if (values.Count == 0)
        {
            return true;
        }

        var known = values.Count == 1 && Choices.Any(c => values[0] == c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (known)
        {
            days = int.Parse(values[0]!, System.Globalization.CultureInfo.InvariantCulture);
        }

        return known;
    }
}
