namespace GhStats.Testing.GitHub;

/// <summary>
/// Fails each request with a fixed probability. The n-th request's fate depends only on the seed and n, so the same
/// sequence of requests fails at the same places in every run.
/// </summary>
internal sealed class RandomFault(double probability, int statusCode, int seed)
{
    private long _draws;

    public int StatusCode { get; } = statusCode;

    public bool Strikes() => StableHash.Unit(seed, Interlocked.Increment(ref _draws), 0x5EED) < probability;
}
