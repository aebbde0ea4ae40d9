using GhStats.Domain;

namespace GhStats.GitHub.Collection;

/// <summary>The counters of one lane of a run (or of a run's owner discovery), shared by every request and repository of it.</summary>
internal sealed class RunCounters
{
    private int _total;
    private int _ok;
    private int _failed;
    private int _apiCalls;
    private int _rateLimit = -1;
    private int _rateLimitRemaining = -1;

    public RunCounters()
    {
    }

    /// <summary>Counters that go on from what an earlier holder of a lane did: its calls and the limit it saw, and the repositories it finished.</summary>
    public RunCounters(int total, int ok, int failed, CollectionLaneProgress earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        _total = total;
        _ok = ok;
        _failed = failed;
        _apiCalls = earlier.ApiCalls;
        _rateLimit = earlier.RateLimit ?? -1;
        _rateLimitRemaining = earlier.RateLimitRemaining ?? -1;
    }

    public int Total
    {
        get => Volatile.Read(ref _total);
        set => Volatile.Write(ref _total, value);
    }

    public int Done => Volatile.Read(ref _ok) + Volatile.Read(ref _failed);

    public int Failed => Volatile.Read(ref _failed);

    public int ApiCalls => Volatile.Read(ref _apiCalls);

    public void Succeeded() => Interlocked.Increment(ref _ok);

    public void Failure() => Interlocked.Increment(ref _failed);

    public void ApiCall() => Interlocked.Increment(ref _apiCalls);

    /// <summary>Adds calls made elsewhere for the same run, e.g. the owner discovery before the lanes began.</summary>
    public void AddApiCalls(int calls) => Interlocked.Add(ref _apiCalls, calls);

    public void RateLimitRemaining(int remaining) => Volatile.Write(ref _rateLimitRemaining, remaining);

    /// <summary>Records the connection's hourly primary limit (<c>X-RateLimit-Limit</c>).</summary>
    public void RateLimit(int limit) => Volatile.Write(ref _rateLimit, limit);

    public CollectionProgress Snapshot()
    {
        var remaining = Volatile.Read(ref _rateLimitRemaining);
        return new CollectionProgress(Total, Volatile.Read(ref _ok), Volatile.Read(ref _failed), Volatile.Read(ref _apiCalls), remaining < 0 ? null : remaining);
    }

    /// <summary>The counters as a lane's progress, with what it deferred to the next run.</summary>
    public CollectionLaneProgress LaneProgress(int deferred, string? deferredBecause)
    {
        var limit = Volatile.Read(ref _rateLimit);
        var remaining = Volatile.Read(ref _rateLimitRemaining);
        return new CollectionLaneProgress(
            Volatile.Read(ref _ok), Volatile.Read(ref _failed), deferred, Volatile.Read(ref _apiCalls),
            limit < 0 ? null : limit, remaining < 0 ? null : remaining, deferred > 0 ? deferredBecause : null);
    }
}
