namespace GhStats.Bench.Collection;

/// <summary>
/// The shortest time a collection of <paramref name="Calls"/> requests can take: the latency bound (calls one after
/// another per repository, <paramref name="Concurrency"/> repositories at once) or the rate bound (no more than
/// <paramref name="PerMinute"/> requests start in any minute, so the last one starts no earlier than
/// (calls - limit) / limit minutes in, and takes one latency), whichever is larger.
/// </summary>
internal sealed record CollectionBound(long Calls, TimeSpan Latency, int Concurrency, int PerMinute)
{
    public TimeSpan LatencyBound => Latency * Calls / Concurrency;

    public TimeSpan RateBound => Calls <= PerMinute ? TimeSpan.Zero : TimeSpan.FromMinutes((double)(Calls - PerMinute) / PerMinute) + Latency;

    public TimeSpan Value => LatencyBound > RateBound ? LatencyBound : RateBound;

    public string Binding => LatencyBound > RateBound ? "latency" : "per-minute limit";
}
