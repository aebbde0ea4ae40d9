namespace GhStats.Bench.Queries;

/// <summary>Latency percentiles, in milliseconds, from every recorded latency (no bucketing).</summary>
/// <param name="Count">Latencies recorded.</param>
/// <param name="MeanMs">Mean.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P90Ms">90th percentile.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Slowest.</param>
internal sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P90Ms, double P95Ms, double P99Ms, double MaxMs)
{
    /// <summary>Summarises latencies given in Stopwatch ticks.</summary>
    /// <param name="ticks">The latencies; sorted in place.</param>
    /// <returns>The summary.</returns>
    public static LatencySummary FromTicks(long[] ticks)
    {
        if (ticks.Length == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(ticks);
        double Ms(long t) => t * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

        // Nearest rank: the smallest latency at or above which the given share of requests lies.
        double At(double quantile) => Ms(ticks[Math.Clamp((int)Math.Ceiling(quantile * ticks.Length) - 1, 0, ticks.Length - 1)]);
        return new LatencySummary(ticks.Length, Ms((long)ticks.Average()), At(0.50), At(0.90), At(0.95), At(0.99), Ms(ticks[^1]));
    }
}
