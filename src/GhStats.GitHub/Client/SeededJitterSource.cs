namespace GhStats.GitHub.Client;

/// <summary>The default <see cref="IJitterSource"/>: one generator seeded by the system, shared under a lock.</summary>
internal sealed class SeededJitterSource : IJitterSource
{
    private readonly Lock _gate = new();
    private readonly Random _random;

    public SeededJitterSource()
        : this(new Random())
    {
    }

    public SeededJitterSource(Random random) => _random = random;

    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }
}
