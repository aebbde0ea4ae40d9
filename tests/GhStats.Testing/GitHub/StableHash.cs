namespace GhStats.Testing.GitHub;

/// <summary>
/// Seeded hashing (SplitMix64 finalizer) for simulated data: unlike <see cref="HashCode"/> it gives the same
/// numbers in every process, so a seed means the same traffic in every run.
/// </summary>
internal static class StableHash
{
    public static ulong Of(long a, long b = 0, long c = 0, long d = 0)
    {
        var h = Mix(unchecked((ulong)a) + 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ unchecked((ulong)b));
        h = Mix(h ^ unchecked((ulong)c));
        return Mix(h ^ unchecked((ulong)d));
    }

    /// <summary>A number in [0, 1) drawn from the arguments.</summary>
    public static double Unit(long a, long b = 0, long c = 0, long d = 0) => (Of(a, b, c, d) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [0, <paramref name="exclusiveMax"/>) drawn from the arguments.</summary>
    public static int Below(int exclusiveMax, long a, long b = 0, long c = 0, long d = 0) =>
        (int)(Of(a, b, c, d) % (ulong)exclusiveMax);

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
