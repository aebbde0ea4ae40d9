namespace GhStats.Testing.GitHub;

/// <summary>
/// A repository's deterministic star history: every star given between creation and the end of the history, oldest
/// first; about one in nine was later taken back, so the stargazers list (which holds only current stargazers) has
/// exactly the repository's current star count, fewer than the stars ever given.
/// </summary>
internal sealed class StarModel
{
    private const long FirstUserId = 10_000_000;

    private StarModel(int stars, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<SimulatedStargazer> stargazers, int given)
    {
        (Stars, Start, End, Stargazers, Given) = (stars, start, end, stargazers, given);
    }

    public int Stars { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>The current stargazers, oldest star first, as GitHub lists them.</summary>
    public IReadOnlyList<SimulatedStargazer> Stargazers { get; }

    /// <summary>Stars ever given, the taken-back ones included.</summary>
    public int Given { get; }

    public static StarModel Create(int seed, int stars, DateTimeOffset start, DateTimeOffset end)
    {
        // Unstarred k = 9j + 4 for j below stars / 8: exactly `stars` remain of the stars + stars / 8 given.
        var unstarred = stars / 8;
        var given = stars + unstarred;
        var span = Math.Max(0, (end - start).Ticks);
        var list = new List<SimulatedStargazer>(stars);
        for (var k = 0; k < given; k++)
        {
            if (k % 9 == 4 && k / 9 < unstarred)
            {
                continue;
            }

            // (k + u) / given grows with k whatever u in [0, 1) is, so stars come in order; the power makes more of them recent.
            var share = Math.Pow((k + StableHash.Unit(seed, k, 41)) / given, 0.6);
            var at = start.AddTicks((long)(span * share));
            list.Add(new SimulatedStargazer("stargazer-" + (FirstUserId + k), FirstUserId + k, new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero)));
        }

        return new StarModel(stars, start, end, list, given);
    }

    /// <summary>The current stargazers who had starred by the end of <paramref name="day"/> (UTC).</summary>
    public int StarsAt(DateOnly day)
    {
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var low = 0;
        var high = Stargazers.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Stargazers[middle].StarredAt < end)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
