namespace GhStats.Testing.GitHub;

/// <summary>
/// Hostile behaviours of one connection (a personal access token, or an installation and every token it issues), the
/// way a broken proxy or a hostile GitHub Enterprise Server would treat only that connection: listings that never end,
/// an hour-long <c>Retry-After</c> once a number of requests has been answered (lifted when it has passed), and bodies trickled a few bytes at a
/// time. Other connections of the same simulator are served normally. Change it between runs, not mid-request.
/// </summary>
public sealed class GitHubHostility
{
    private readonly Lock _gate = new();
    private TimeSpan _retryAfter = TimeSpan.FromHours(1);
    private TimeSpan _bodyTrickle;
    private int? _secondaryLimitAfter;
    private long _answered;
    private DateTimeOffset? _limitedSince;

    internal GitHubHostility()
    {
    }

    /// <summary>When true, every page of every listing (repositories, releases, stargazers) links to a next one, forever.</summary>
    public bool EndlessPages { get; set; }

    /// <summary>
    /// After this many requests have been answered, every later request gets GitHub's secondary-limit 403 with
    /// <c>Retry-After</c> counting down from <see cref="RetryAfter"/>; null (default) never. 0 limits from the first request.
    /// </summary>
    public int? SecondaryLimitAfter
    {
        get => _secondaryLimitAfter;
        set
        {
            if (value is { } after)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(after);
            }

            _secondaryLimitAfter = value;
        }
    }

    /// <summary>The <c>Retry-After</c> of the first secondary-limit answer <see cref="SecondaryLimitAfter"/> causes. Default 1 hour.</summary>
    public TimeSpan RetryAfter
    {
        get => _retryAfter;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(1));
            _retryAfter = value;
        }
    }

    /// <summary>
    /// How long each answer's body takes to arrive: the headers go at once, then the body in 16 pieces spread over this
    /// time. Zero (default) sends the body at once.
    /// </summary>
    public TimeSpan BodyTrickle
    {
        get => _bodyTrickle;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _bodyTrickle = value;
        }
    }

    /// <summary>How many requests of this connection were refused by <see cref="SecondaryLimitAfter"/>.</summary>
    public long SecondaryLimited { get; private set; }

    /// <summary>Whether any behaviour is on.</summary>
    internal bool IsActive => EndlessPages || _secondaryLimitAfter is not null || _bodyTrickle > TimeSpan.Zero;

    /// <summary>Makes the connection well-behaved again and forgets what it counted.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            EndlessPages = false;
            _secondaryLimitAfter = null;
            _bodyTrickle = TimeSpan.Zero;
            _retryAfter = TimeSpan.FromHours(1);
            _answered = 0;
            _limitedSince = null;
            SecondaryLimited = 0;
        }
    }

    /// <summary>Counts a request; the seconds of <c>Retry-After</c> when the hostile secondary limit refuses it, else null.</summary>
    internal int? Admit(DateTimeOffset wallNow)
    {
        lock (_gate)
        {
            if (_secondaryLimitAfter is not { } after || _answered++ < after)
            {
                return null;
            }

            _limitedSince ??= wallNow;
            var left = _retryAfter - (wallNow - _limitedSince.Value);
            if (left <= TimeSpan.Zero)
            {
                // Waited out: served again.
                return null;
            }

            SecondaryLimited++;
            return (int)Math.Ceiling(left.TotalSeconds);
        }
    }
}
