using GhStats.Domain;

namespace GhStats.Bench.Merge;

/// <summary>
/// The generated traffic every scenario writes: one row per repository and day, from a fixed seed, with uniques never
/// above totals. Values are kept by repository position, so each fresh database's own ids can be attached.
/// </summary>
internal sealed class TrafficData
{
    private const int Seed = 20_240_601;
    private readonly int[] _values;

    /// <summary>Generates the data.</summary>
    /// <param name="repositories">Repositories.</param>
    /// <param name="days">Days per repository.</param>
    /// <param name="lastDay">The last day (yesterday, so the store accepts every row).</param>
    public TrafficData(int repositories, int days, DateOnly lastDay)
    {
        Repositories = repositories;
        Days = days;
        FirstDay = lastDay.AddDays(1 - days);
#pragma warning disable CA5394 // Not security: a fixed seed makes every run write the same rows.
        var random = new Random(Seed);
        _values = new int[repositories * days * 4];
        for (var i = 0; i < _values.Length; i += 4)
        {
            var views = random.Next(0, 5_000);
            var clones = random.Next(0, 300);
            _values[i] = views;
            _values[i + 1] = random.Next(0, views + 1);
            _values[i + 2] = clones;
            _values[i + 3] = random.Next(0, clones + 1);
        }
#pragma warning restore CA5394
    }

    public int Repositories { get; }

    public int Days { get; }

    public DateOnly FirstDay { get; }

    /// <summary>Every row of the first <paramref name="repositoryIds"/>.Count repositories, one array per repository, days ascending.</summary>
    /// <param name="repositoryIds">The database's ids for repositories 0, 1, 2...</param>
    /// <returns>The rows.</returns>
    public TrafficDay[][] RowsFor(IReadOnlyList<long> repositoryIds)
    {
        var rows = new TrafficDay[repositoryIds.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            var days = new TrafficDay[Days];
            for (var d = 0; d < Days; d++)
            {
                var i = ((r * Days) + d) * 4;
                days[d] = new TrafficDay(repositoryIds[r], FirstDay.AddDays(d), _values[i], _values[i + 1], _values[i + 2], _values[i + 3]);
            }

            rows[r] = days;
        }

        return rows;
    }

    /// <summary>What traffic_daily holds once the first <paramref name="repositories"/> repositories are stored.</summary>
    /// <param name="repositories">How many repositories, from the first.</param>
    /// <returns>The checksum.</returns>
    public TrafficChecksum Expected(int repositories)
    {
        long views = 0, uniqueViews = 0, clones = 0, uniqueClones = 0;
        for (var i = 0; i < repositories * Days * 4; i += 4)
        {
            views += _values[i];
            uniqueViews += _values[i + 1];
            clones += _values[i + 2];
            uniqueClones += _values[i + 3];
        }

        return new TrafficChecksum((long)repositories * Days, views, uniqueViews, clones, uniqueClones);
    }
}
