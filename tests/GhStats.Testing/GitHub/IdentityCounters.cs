namespace GhStats.Testing.GitHub;

/// <summary>Per-identity request counters; updated with Interlocked so concurrent requests never share a lock.</summary>
internal sealed class IdentityCounters
{
    private long _requests;
    private int _inFlight;
    private int _maxInFlight;

    public long Requests => Interlocked.Read(ref _requests);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Counts a request that has arrived and returns how many of this identity's requests are now in flight.</summary>
    public int Enter()
    {
        Interlocked.Increment(ref _requests);
        var inFlight = Interlocked.Increment(ref _inFlight);
        RaiseMax(ref _maxInFlight, inFlight);
        return inFlight;
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _maxInFlight, Volatile.Read(ref _inFlight));
    }

    public static void RaiseMax(ref int max, int candidate)
    {
        var seen = Volatile.Read(ref max);
        while (candidate > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, candidate, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
