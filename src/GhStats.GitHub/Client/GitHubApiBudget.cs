namespace GhStats.GitHub.Client;

/// <summary>
/// The pacing of one GitHub connection during a run: requests start evenly spaced under the per-minute limit, and
/// none start while a rate limit is known to be exhausted.
/// </summary>
internal sealed class GitHubApiBudget(TimeSpan interval, TimeSpan maxWait, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>The primary limit left at the last response, when known.</summary>
    public int? RateLimitRemaining { get; private set; }

    /// <summary>Waits for this connection's next request slot.</summary>
    /// <exception cref="GitHubRateLimitedException">When the rate limit resets later than the longest wait allowed.</exception>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_blockedUntil - now > maxWait)
            {
                throw new GitHubRateLimitedException(_blockedUntil);
            }

            var start = Max(now, Max(_nextSlot, _blockedUntil));
            _nextSlot = start + interval;
            wait = start - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts no request of this connection for a while (a rate limit's reset or Retry-After).</summary>
    public void BlockFor(TimeSpan span)
    {
        lock (_gate)
        {
            var until = clock.GetUtcNow() + span;
            _blockedUntil = Max(_blockedUntil, until);
        }
    }

    /// <summary>Records the primary limit GitHub reported.</summary>
    public void Observe(int remaining) => RateLimitRemaining = remaining;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
