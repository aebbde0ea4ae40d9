using GhStats.Domain;

namespace GhStats.GitHub.Collection;

/// <summary>A run's counters, shared by every request and repository of the run.</summary>
internal sealed class RunCounters
{
    private int _total;
    private int _ok;
    private int _failed;
    private int _apiCalls;
    private int _rateLimitRemaining = -1;

    public int Total
    {
        get => Volatile.Read(ref _total);
        set => Volatile.Write(ref _total, value);
    }

    public int Done => Volatile.Read(ref _ok) + Volatile.Read(ref _failed);

    public int Failed => Volatile.Read(ref _failed);

    public void Succeeded() => Interlocked.Increment(ref _ok);

    public void Failure() => Interlocked.Increment(ref _failed);

    public void ApiCall() => Interlocked.Increment(ref _apiCalls);

    public void RateLimitRemaining(int remaining) => Volatile.Write(ref _rateLimitRemaining, remaining);

    public CollectionProgress Snapshot()
    {
        var remaining = Volatile.Read(ref _rateLimitRemaining);
        return new CollectionProgress(Total, Volatile.Read(ref _ok), Volatile.Read(ref _failed), Volatile.Read(ref _apiCalls), remaining < 0 ? null : remaining);
    }
}
