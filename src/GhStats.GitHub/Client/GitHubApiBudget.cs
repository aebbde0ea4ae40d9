namespace GhStats.GitHub.Client;

/// <summary>
/// The pacing of one GitHub connection during a run: never more than the per-minute limit of requests start in any
/// sliding minute (GitHub's secondary limit), none start while a rate limit is known to be exhausted, and after a
/// secondary-limit refusal fewer run at once (halved each time, down to one), as GitHub asks.
/// </summary>
/// <remarks>
/// A lane that may change hands within a minute (it takes turns with others, see
/// <see cref="GitHubCollectorOptions.LaneTurn"/>) is paced evenly as well: its requests start at least 61 seconds over
/// the limit apart. The budget is its holder's, and the next holder does not know the starts before it: with both spaced,
/// any 60 seconds across the hand-over hold at most 60/61 of the limit and two more (885 + 2 of 900), where the window
/// alone would let the next holder start a full minute's worth on top of the last holder's.
/// </remarks>
internal sealed class GitHubApiBudget
{
    // A second of margin: GitHub counts a request when it arrives, a little after it starts here.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(61);
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _starts;
    private readonly int _perMinute;
    private readonly TimeSpan _maxWait;
    private readonly TimeSpan _spacing;
    private readonly TimeProvider _clock;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;
    private int _inFlight;
    private int _allowedInFlight = int.MaxValue;
    private int? _remaining;
    private DateTimeOffset? _resetsAt;

    /// <param name="requestsPerMinute">The limit of any sliding minute.</param>
    /// <param name="maxWait">The longest wait for a rate limit's reset.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="evenlySpaced">Whether requests also start evenly spaced, for a lane that may change hands within a minute.</param>
    public GitHubApiBudget(int requestsPerMinute, TimeSpan maxWait, TimeProvider clock, bool evenlySpaced = false)
    {
        _perMinute = requestsPerMinute;
        _maxWait = maxWait;
        _spacing = evenlySpaced ? Window / requestsPerMinute : TimeSpan.Zero;
        _clock = clock;
        _starts = new Queue<DateTimeOffset>(requestsPerMinute);
    }

    /// <summary>Requests of this connection allowed at once now.</summary>
    public int AllowedInFlight => Volatile.Read(ref _allowedInFlight);

    /// <summary>Waits for this connection's next request slot; dispose the slot when the response is in.</summary>
    /// <exception cref="GitHubRateLimitedException">When the rate limit resets later than the longest wait allowed.</exception>
    public async Task<IDisposable> WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                if (_blockedUntil - now > _maxWait)
                {
                    throw new GitHubRateLimitedException(_blockedUntil);
                }

                while (_starts.Count > 0 && _starts.Peek() <= now - Window)
                {
                    _starts.Dequeue();
                }

                var spacedFrom = _lastStart + _spacing;
                if (_blockedUntil <= now && _starts.Count < _perMinute && spacedFrom <= now && _inFlight < _allowedInFlight)
                {
                    _starts.Enqueue(now);
                    _lastStart = now;
                    _inFlight++;
                    return new Slot(this);
                }

                var slotFree = _starts.Count < _perMinute ? now : _starts.Peek() + Window;
                slotFree = spacedFrom > slotFree ? spacedFrom : slotFree;
                wait = (slotFree > _blockedUntil ? slotFree : _blockedUntil) - now;

                // Waiting only for a request in flight to finish: look again shortly. Otherwise whole milliseconds, rounded
                // up: timers count in milliseconds, and a wait cut to zero would spin until the slot is free.
                wait = wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(5) : TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
            }

            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts no request of this connection for a while (a rate limit's reset or Retry-After).</summary>
    public void BlockFor(TimeSpan span)
    {
        lock (_gate)
        {
            var until = _clock.GetUtcNow() + span;
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    /// <summary>After a secondary-limit refusal: fewer requests at once from now on, and none until the wait is over.</summary>
    public void SlowDown(TimeSpan wait)
    {
        lock (_gate)
        {
            _allowedInFlight = Math.Max(1, Math.Min(_allowedInFlight, Math.Max(_inFlight, 1)) / 2);
        }

        BlockFor(wait);
    }

    /// <summary>Records the primary (REST) limit GitHub reported, and when it resets when GitHub said.</summary>
    public void Observe(int remaining, DateTimeOffset? resetsAt)
    {
        lock (_gate)
        {
            (_remaining, _resetsAt) = (remaining, resetsAt);
        }
    }

    /// <summary>
    /// The primary (REST) limit left as of the last response; null when no response reported it yet, or when the limit
    /// has reset since (the next response tells the new figure).
    /// </summary>
    public int? RemainingNow()
    {
        lock (_gate)
        {
            return _resetsAt is { } resetsAt && _clock.GetUtcNow() >= resetsAt ? null : _remaining;
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }

    /// <summary>A request in flight; disposing it frees its place.</summary>
    private sealed class Slot(GitHubApiBudget budget) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                budget.Leave();
            }
        }
    }
}
