namespace GhStats.Notifications.Events;

/// <summary>
/// The traffic spike rule. For a day D with known views V: the baseline is the median of the repository's known daily
/// views over the <see cref="NotificationSpikeOptions.BaselineDays"/> calendar days before D (D-BaselineDays to D-1;
/// days not collected are left out, known zeros count). With fewer than <see cref="MinimumKnownDays"/> known days there
/// is no baseline and no spike. D is a spike when V &gt;= Floor and V &gt;= Factor x max(baseline, 1).
/// </summary>
internal static class SpikeRule
{
    /// <summary>Known days a baseline needs.</summary>
    public const int MinimumKnownDays = 7;

    /// <summary>The days looked at: today (partial: a spike so far) and the two days before.</summary>
    public const int DaysLookedAt = 3;

    /// <summary>Judges one day.</summary>
    /// <param name="views">The day's views.</param>
    /// <param name="baseline">The known daily views of the baseline window.</param>
    /// <param name="options">Factor and floor.</param>
    /// <returns>The baseline when the day is a spike, else null.</returns>
    public static double? Judge(long views, IReadOnlyCollection<long> baseline, NotificationSpikeOptions options)
    {
        if (baseline.Count < MinimumKnownDays || views < options.Floor)
        {
            return null;
        }

        var median = Median(baseline);
        return views >= options.Factor * Math.Max(median, 1) ? median : null;
    }

    /// <summary>The median; for an even count the mean of the two middle values.</summary>
    public static double Median(IReadOnlyCollection<long> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
