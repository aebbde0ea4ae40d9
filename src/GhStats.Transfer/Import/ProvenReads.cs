using GhStats.Domain;

namespace GhStats.Transfer.Import;

/// <summary>
/// The coverage a source's successful reads of GitHub's traffic window prove, as collection's own
/// <see cref="TrafficWindow"/> does: each read proves the days of its window (edges partial, days between complete,
/// days the source lacks zero); rows outside every proven window keep only what they show.
/// </summary>
internal static class ProvenReads
{
    /// <summary>The best coverage each day gets from reads on <paramref name="readDays"/>, each proving <paramref name="windowDays"/> days up to its own.</summary>
    public static Dictionary<DateOnly, DayCoverage> Coverage(IEnumerable<DateOnly> readDays, int windowDays)
    {
        var coverage = new Dictionary<DateOnly, DayCoverage>();
        foreach (var read in readDays.Distinct())
        {
            var window = new TrafficWindow(0, read.AddDays(1 - windowDays), read, [], read);
            for (var day = window.FirstDay; day <= window.LastDay; day = day.AddDays(1))
            {
                coverage[day] = (DayCoverage)Math.Max((int)coverage.GetValueOrDefault(day), (int)window.CoverageOf(day));
            }
        }

        return coverage;
    }

    /// <summary>
    /// The source's rows with the coverage the reads prove (at least partial), the proven days the rows lack as zeros,
    /// and, of rows outside every proven window, those <paramref name="keepUnproven"/> accepts (as partial). A day
    /// whose row was rejected is never a proven zero.
    /// </summary>
    public static IEnumerable<SourceDay> Cover(IReadOnlyCollection<SourceDay> rows, Dictionary<DateOnly, DayCoverage> coverage, IReadOnlySet<DateOnly> rejectedDays, Func<SourceDay, bool> keepUnproven)
    {
        var held = rows.Select(r => r.Day).Concat(rejectedDays).ToHashSet();
        foreach (var row in rows)
        {
            var proven = coverage.GetValueOrDefault(row.Day);
            if (proven != DayCoverage.NotCollected || keepUnproven(row))
            {
                yield return row with { Coverage = (DayCoverage)Math.Max((int)DayCoverage.Partial, (int)proven) };
            }
        }

        foreach (var (day, proven) in coverage.Where(p => !held.Contains(p.Key)))
        {
            yield return new SourceDay(day, 0, 0, 0, 0, proven);
        }
    }
}
