namespace GhStats.Testing.GitHub;

/// <summary>
/// One identity's primary window (a quota that resets a fixed time after the window's first request) and its
/// secondary per-minute limit (a ring of the admission times of its last N requests). The lock is per identity.
/// </summary>
internal sealed class RateLimitWindow
{
    private static readonly TimeSpan SlidingMinute = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly TimeSpan _resetAfter;
    private readonly string _resource;
    private readonly long[] _recentTicks;
    private int _recentCount;
    private int _oldest;
    private int _used;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

    public RateLimitWindow(int limit, TimeSpan resetAfter, int perMinute, string resource = "core")
    {
        _resource = resource;
        Limit = limit;
        _resetAfter = resetAfter;
        _recentTicks = new long[perMinute];
    }

    public int Limit { get; }

    /// <summary>Admits a request that costs <paramref name="cost"/> (a REST request 1, a GraphQL call its points) or says which limit refuses it.</summary>
    public RateDecision Admit(DateTimeOffset now, bool overConcurrencyLimit, int cost = 1)
    {
        lock (_gate)
        {
            StartNewWindowIfDue(now);
            if (_used + cost > Limit)
            {
                return Decision(RateOutcome.PrimaryExceeded);
            }

            var minuteFull = _recentCount == _recentTicks.Length && _recentTicks[_oldest] > (now - SlidingMinute).UtcTicks;
            if (overConcurrencyLimit || minuteFull)
            {
                return Decision(RateOutcome.SecondaryExceeded);
            }

            _used += cost;
            _recentTicks[_oldest] = now.UtcTicks;
            _oldest = (_oldest + 1) % _recentTicks.Length;
            _recentCount = Math.Min(_recentCount + 1, _recentTicks.Length);
            return Decision(RateOutcome.Admitted);
        }
    }

    /// <summary>
    /// Gives back the request <see cref="Admit"/> just counted against the primary quota, for an answer GitHub does not
    /// charge (a 304 to a conditional request). It still counts toward the per-minute limit, as on GitHub.
    /// </summary>
    public RateDecision Refund()
    {
        lock (_gate)
        {
            _used = Math.Max(0, _used - 1);
            return Decision(RateOutcome.Admitted);
        }
    }

    /// <summary>The current figures without spending a request (GitHub's <c>/rate_limit</c> is free).</summary>
    public RateDecision Peek(DateTimeOffset now)
    {
        lock (_gate)
        {
            return now >= _resetAt
                ? new RateDecision(RateOutcome.Admitted, Limit, Limit, 0, EpochSecondsRoundedUp(now + _resetAfter), _resource)
                : Decision(RateOutcome.Admitted);
        }
    }

    private void StartNewWindowIfDue(DateTimeOffset now)
    {
        if (now >= _resetAt)
        {
            _resetAt = now + _resetAfter;
            _used = 0;
        }
    }

    private RateDecision Decision(RateOutcome outcome) =>
        new(outcome, Limit, Math.Max(0, Limit - _used), _used, EpochSecondsRoundedUp(_resetAt), _resource);

    // Rounded up, so a client that waits until the header's second finds the window already reset.
    private static long EpochSecondsRoundedUp(DateTimeOffset instant) => instant.AddTicks(TimeSpan.TicksPerSecond - 1).ToUnixTimeSeconds();
}
